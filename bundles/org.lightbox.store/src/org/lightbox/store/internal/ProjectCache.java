package org.lightbox.store.internal;

import java.sql.SQLException;

import org.lightbox.model.Finding;
import org.lightbox.model.Project;
import org.lightbox.model.Reader;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;

/**
 * The session's copy of the project (its readers and findings with their surrogate keys). A key that is missing
 * reloads it once, because another client of a shared server may have added the reader or finding, before
 * NOT_FOUND; a rolled-back transaction reloads it too, since the copy may hold what was rolled back.
 */
final class ProjectCache implements Refs {

    private final ProjectRows rows;
    private ProjectIndex index;

    ProjectCache(ProjectRows rows) {
        this.rows = rows;
    }

    void reload() throws SQLException {
        index = rows.load();
    }

    boolean loaded() {
        return index != null;
    }

    Project project() {
        return index.project();
    }

    @Override
    public long findingRef(Finding finding) throws SQLException {
        if (finding == null) {
            throw new StoreException(Reason.NOT_FOUND, "No finding given");
        }
        Long ref = index.findingRef(finding.getCode());
        if (ref == null) {
            reload();
            ref = index.findingRef(finding.getCode());
        }
        if (ref == null) {
            throw new StoreException(Reason.NOT_FOUND, "Finding '" + finding.getCode() + "' is not in the label schema");
        }
        return ref;
    }

    @Override
    public long readerRef(Reader reader) throws SQLException {
        if (reader == null) {
            throw new StoreException(Reason.NOT_FOUND, "No reader given");
        }
        Long ref = index.readerRef(reader.getId());
        if (ref == null) {
            reload();
            ref = index.readerRef(reader.getId());
        }
        if (ref == null) {
            throw new StoreException(Reason.NOT_FOUND, "Reader '" + reader.getId() + "' is not a reader of this project");
        }
        return ref;
    }

    @Override
    public Finding finding(long ref) throws SQLException {
        if (index.finding(ref) == null) {
            reload();
        }
        return index.finding(ref);
    }

    @Override
    public Reader reader(long ref) throws SQLException {
        if (index.reader(ref) == null) {
            reload();
        }
        return index.reader(ref);
    }
}
