package org.lightbox.store.internal;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import org.lightbox.model.Finding;
import org.lightbox.model.LabelSchema;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Project;
import org.lightbox.model.Reader;
import org.lightbox.model.ReaderRole;

/** The project row, its label schema's findings and its readers. */
final class ProjectRows {

    private static final LightboxFactory FACTORY = LightboxFactory.eINSTANCE;

    private static final String UPSERT_FINDING = "INSERT INTO findings (code, display_name, description, ordinal)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET display_name = excluded.display_name,"
            + " description = excluded.description, ordinal = excluded.ordinal";
    private static final String INSERT_READER = "INSERT INTO readers (reader_key, name, role, experience_years, ordinal)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String UPSERT_READER = INSERT_READER + " ON CONFLICT (reader_key) DO UPDATE SET"
            + " name = excluded.name, role = excluded.role, experience_years = excluded.experience_years,"
            + " ordinal = excluded.ordinal";

    private final Jdbc jdbc;

    ProjectRows(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists() throws SQLException {
        return jdbc.count("SELECT COUNT(*) FROM project") > 0;
    }

    String name() throws SQLException {
        return jdbc.first("SELECT name FROM project", rs -> rs.getString(1)).orElse(null);
    }

    void insert(Project project) throws SQLException {
        LabelSchema schema = project.getLabelSchema();
        jdbc.update("INSERT INTO project (id, name, description, created_at, schema_name, schema_version)"
                + " VALUES (1, ?, ?, ?, ?, ?)", project.getName(), project.getDescription(), project.getCreated(),
                schema == null ? null : schema.getName(), schema == null ? null : schema.getVersion());
        saveFindings(schema);
        saveReaders(project.getReaders(), UPSERT_READER, 0);
    }

    void update(Project project) throws SQLException {
        LabelSchema schema = project.getLabelSchema();
        jdbc.update("UPDATE project SET name = ?, description = ?, created_at = ?, schema_name = ?, schema_version = ?"
                + " WHERE id = 1", project.getName(), project.getDescription(), project.getCreated(),
                schema == null ? null : schema.getName(), schema == null ? null : schema.getVersion());
        saveFindings(schema);
        saveReaders(project.getReaders(), UPSERT_READER, 0);
    }

    /** Appends readers after the existing ones; an existing reader id is a constraint violation. */
    void addReaders(Collection<? extends Reader> readers) throws SQLException {
        int next = (int) jdbc.count("SELECT COALESCE(MAX(ordinal) + 1, 0) FROM readers");
        saveReaders(readers, INSERT_READER, next);
    }

    private void saveFindings(LabelSchema schema) throws SQLException {
        if (schema == null) {
            return;
        }
        try (Jdbc.Batch batch = jdbc.batch(UPSERT_FINDING)) {
            List<Finding> findings = schema.getFindings();
            for (int i = 0; i < findings.size(); i++) {
                Finding finding = findings.get(i);
                batch.add(finding.getCode(), finding.getDisplayName(), finding.getDescription(), i);
            }
            batch.flush();
        }
    }

    private void saveReaders(Collection<? extends Reader> readers, String sql, int firstOrdinal) throws SQLException {
        try (Jdbc.Batch batch = jdbc.batch(sql)) {
            int ordinal = firstOrdinal;
            for (Reader reader : readers) {
                batch.add(reader.getId(), reader.getName(), reader.getRole(), reader.getExperienceYears(), ordinal++);
            }
            batch.flush();
        }
    }

    ProjectIndex load() throws SQLException {
        Project project = FACTORY.createProject();
        ProjectIndex index = new ProjectIndex(project);
        String[] schemaName = new String[2];
        jdbc.forEach("SELECT name, description, created_at, schema_name, schema_version FROM project WHERE id = 1", rs -> {
            project.setName(rs.getString("name"));
            project.setDescription(rs.getString("description"));
            project.setCreated(Jdbc.date(rs, "created_at"));
            schemaName[0] = rs.getString("schema_name");
            schemaName[1] = rs.getString("schema_version");
        });
        List<Finding> findings = jdbc.list("SELECT id, code, display_name, description FROM findings ORDER BY ordinal, id", rs -> {
            Finding finding = FACTORY.createFinding();
            finding.setCode(rs.getString("code"));
            finding.setDisplayName(rs.getString("display_name"));
            finding.setDescription(rs.getString("description"));
            index.addFinding(rs.getLong("id"), finding);
            return finding;
        });
        if (schemaName[0] != null || !findings.isEmpty()) {
            LabelSchema schema = FACTORY.createLabelSchema();
            schema.setName(schemaName[0]);
            schema.setVersion(schemaName[1]);
            schema.getFindings().addAll(findings);
            project.setLabelSchema(schema);
        }
        jdbc.forEach("SELECT id, reader_key, name, role, experience_years FROM readers ORDER BY ordinal, id", rs -> {
            Reader reader = FACTORY.createReader();
            reader.setId(rs.getString("reader_key"));
            reader.setName(rs.getString("name"));
            reader.setRole(ReaderRole.get(rs.getInt("role")));
            reader.setExperienceYears(Jdbc.integer(rs, "experience_years"));
            project.getReaders().add(reader);
            index.addReader(rs.getLong("id"), reader);
        });
        return index;
    }
}
