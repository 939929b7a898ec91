package org.lightbox.store.internal;

import java.sql.SQLException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lightbox.model.ConfounderTag;
import org.lightbox.model.Finding;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.QualityFlag;
import org.lightbox.model.QualityIssue;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Reader;
import org.lightbox.store.ReadingDesk;
import org.lightbox.store.ReadingList;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;

/**
 * A {@link ReadingDesk} on a {@link JdbcProjectSession}: every statement carries this reader's surrogate key,
 * so nothing another reader recorded can come back through it.
 */
final class JdbcReadingDesk implements ReadingDesk {

    private static final LightboxFactory FACTORY = LightboxFactory.eINSTANCE;

    private final JdbcProjectSession session;
    private final Reader reader;
    private final long ref;
    private final String who;

    JdbcReadingDesk(JdbcProjectSession session, Reader reader, long ref) {
        this.session = session;
        this.reader = reader;
        this.ref = ref;
        this.who = "reader '" + reader.getId() + "'";
    }

    @Override
    public Reader reader() {
        return reader;
    }

    @Override
    public Read record(String imageId, String findingCode, ReadValue value, long durationMillis, String comment) {
        return session.write("record the read of " + who + " on image '" + imageId + "' for finding '"
                + findingCode + "'", () -> {
                    Read read = FACTORY.createRead();
                    read.setReader(reader);
                    read.setImage(session.imageRows().load("image_id = ?", imageId).values().stream().findFirst()
                            .orElseThrow(() -> noImage(imageId)));
                    read.setFinding(finding(findingCode));
                    read.setValue(value);
                    read.setReadAt(new Date());
                    read.setDurationMillis(durationMillis);
                    read.setComment(comment);
                    return session.readRows().record(read);
                });
    }

    @Override
    public boolean withdraw(String imageId, String findingCode) {
        return session.write("withdraw the read of " + who + " on image '" + imageId + "' for finding '"
                + findingCode + "'", () -> session.readRows().withdraw(ref, imageRef(imageId),
                        session.refs().findingRef(finding(findingCode))));
    }

    @Override
    public List<Read> reads() {
        return session.call("load the reads of " + who, () -> session.readRows().current("reader_ref = ?", ref));
    }

    @Override
    public List<Read> readsOfImage(String imageId) {
        return session.call("load the reads of " + who + " on image '" + imageId + "'", () -> session.readRows()
                .current("reader_ref = ? AND image_ref = " + ImageRows.IMAGE_REF, ref, imageId));
    }

    @Override
    public List<Read> readsOfImages(java.util.Collection<String> imageIds) {
        List<String> ids = List.copyOf(imageIds);
        return session.call("load the reads of " + who + " on " + ids.size() + " images", () -> {
            List<Read> reads = new java.util.ArrayList<>();
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                Object[] params = new Object[chunk.size() + 1];
                params[0] = ref;
                for (int i = 0; i < chunk.size(); i++) {
                    params[i + 1] = chunk.get(i);
                }
                reads.addAll(session.readRows().current("reader_ref = ? AND image_ref IN (SELECT id FROM images WHERE"
                        + " image_id IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + "))",
                        params));
            }
            reads.sort(java.util.Comparator.comparingLong(Read::getId));
            return reads;
        });
    }

    @Override
    public QualityFlag raise(String imageId, QualityIssue issue, String note) {
        return session.write("flag image '" + imageId + "' as " + issue + " for " + who, () -> {
            long at = System.currentTimeMillis();
            session.markRows().raise(ref, imageRef(imageId), issue, note, at);
            QualityFlag flag = FACTORY.createQualityFlag();
            flag.setIssue(issue);
            flag.setRaisedBy(reader.getId());
            flag.setNote(note);
            flag.setRaisedAt(new Date(at));
            return flag;
        });
    }

    @Override
    public boolean clear(String imageId, QualityIssue issue) {
        return session.write("clear the " + issue + " flag of " + who + " on image '" + imageId + "'",
                () -> session.markRows().clear(ref, imageRef(imageId), issue));
    }

    @Override
    public List<QualityFlag> flagsOfImage(String imageId) {
        return session.call("load the flags of " + who + " on image '" + imageId + "'", () -> session.markRows()
                .flags("f.reader_ref = ? AND i.image_id = ?", ref, imageId).getOrDefault(imageId, List.of()));
    }

    @Override
    public Map<String, List<QualityFlag>> flags() {
        return session.call("load the flags of " + who, () -> session.markRows().flags("f.reader_ref = ?", ref));
    }

    @Override
    public ConfounderTag tag(String imageId, String code, ReadValue present) {
        return session.write("tag image '" + imageId + "' with " + code + " for " + who, () -> {
            long at = System.currentTimeMillis();
            session.markRows().tag(ref, imageRef(imageId), code, present, at);
            ConfounderTag tag = FACTORY.createConfounderTag();
            tag.setCode(code);
            tag.setPresent(present);
            tag.setTaggedBy(reader.getId());
            tag.setTaggedAt(new Date(at));
            return tag;
        });
    }

    @Override
    public boolean untag(String imageId, String code) {
        return session.write("remove the " + code + " tag of " + who + " on image '" + imageId + "'",
                () -> session.markRows().untag(ref, imageRef(imageId), code));
    }

    @Override
    public List<ConfounderTag> tagsOfImage(String imageId) {
        return session.call("load the tags of " + who + " on image '" + imageId + "'", () -> session.markRows()
                .tags("t.reader_ref = ? AND i.image_id = ?", ref, imageId).getOrDefault(imageId, List.of()));
    }

    @Override
    public Map<String, List<ConfounderTag>> tags() {
        return session.call("load the tags of " + who, () -> session.markRows().tags("t.reader_ref = ?", ref));
    }

    @Override
    public List<ReadingList> readingLists() {
        return session.call("load the reading lists of " + who, () -> session.listRows().find("l.reader_ref = ?", ref));
    }

    @Override
    public Optional<ReadingList> readingList(String name) {
        return session.call("load reading list '" + name + "' of " + who, () -> session.listRows()
                .find("l.reader_ref = ? AND l.name = ?", ref, name).stream().findFirst());
    }

    private long imageRef(String imageId) throws SQLException {
        return session.jdbc().first("SELECT id FROM images WHERE image_id = ?", rs -> rs.getLong(1), imageId)
                .orElseThrow(() -> noImage(imageId));
    }

    private Finding finding(String code) {
        return session.project().getLabelSchema().getFindings().stream().filter(f -> f.getCode().equals(code))
                .findFirst().orElseThrow(() -> new StoreException(Reason.NOT_FOUND,
                        "Finding '" + code + "' is not in the label schema"));
    }

    private static StoreException noImage(String imageId) {
        return new StoreException(Reason.NOT_FOUND, "There is no image '" + imageId + "' in this project");
    }
}
