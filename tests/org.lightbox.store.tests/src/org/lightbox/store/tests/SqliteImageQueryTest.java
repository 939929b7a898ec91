package org.lightbox.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.model.ImageRecord;
import org.lightbox.store.ImageQuery;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.StoreLocation;
import org.lightbox.store.internal.JdbcProjectStore;
import org.lightbox.store.internal.Migrations;

@DisplayName("SQLite image queries")
class SqliteImageQueryTest extends ImageQueryContract {

    SqliteImageQueryTest() {
        super(StoreBackend.sqlite());
    }

    @Test
    @DisplayName("migration V3 counts the source labels of images stored before it, so sorting by them works at once")
    void v3CountsExistingLabels() throws Exception {
        StoreLocation.SqliteFile where = (StoreLocation.SqliteFile) newLocation();
        List<String> beforeV3 = Migrations.standard().scripts().stream()
                .filter(s -> s.version() < 3).map(Migrations.Script::resource).toList();
        ((JdbcProjectStore) store).create(where, Fixtures.project(), Migrations.of(Migrations.class.getClassLoader(),
                beforeV3)).close();
        // rows as a Lightbox without V3 wrote them (this Lightbox's own writer needs the V3 column)
        try (Connection raw = new org.sqlite.JDBC().connect("jdbc:sqlite:" + where.file(), new Properties());
                Statement sql = raw.createStatement();
                PreparedStatement label = raw.prepareStatement("INSERT INTO source_labels (image_ref, ordinal,"
                        + " finding_ref, value) VALUES (?, ?, (SELECT id FROM findings WHERE code = ?), ?)")) {
            for (String id : List.of("none.png", "two.png", "one.png")) {
                sql.executeUpdate("INSERT INTO images (image_id, format, width, height, frame_count, patient_sex,"
                        + " view_position) VALUES ('" + id + "', 0, 0, 0, 1, 0, 0)");
            }
            Object[][] labels = {{2, 0, "Effusion", 1}, {2, 1, "Atelectasis", 1}, {2, 2, "Pneumothorax", 2},
                {3, 0, "Pneumothorax", 1}, {3, 1, "Effusion", 0}};
            for (Object[] l : labels) {
                label.setInt(1, (Integer) l[0]);
                label.setInt(2, (Integer) l[1]);
                label.setString(3, (String) l[2]);
                label.setInt(4, (Integer) l[3]);
                label.executeUpdate();
            }
        }
        try (ProjectSession session = store.open(where)) {
            assertEquals(Migrations.standard().latestVersion(), session.schemaVersion());
            assertEquals(List.of("two.png", "one.png", "none.png"), session.images(
                    ImageQuery.ALL.sortedBy(ImageQuery.Sort.SOURCE_LABELS, true), 0, 9).stream()
                    .map(ImageRecord::getImageId).toList());
        }
    }
}
