package org.lightbox.ui.internal.reading;

import java.util.List;

import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Reader;
import org.lightbox.model.ReaderRole;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ReadingDesk;

/**
 * Who is reading: the reader id given by the system property {@value #PROPERTY} (e.g. {@code -Dlightbox.reader=r2}
 * in the launcher's arguments), else the operating-system user name. A reader who is not yet in the project is
 * added as a radiologist, so a panel member can start reading without a set-up step.
 */
public final class ReaderIdentity {

    public static final String PROPERTY = "lightbox.reader";

    private ReaderIdentity() {
    }

    public static String id() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return System.getProperty("user.name", "reader");
    }

    /** The reader's blinded desk in this project, adding the reader when new. */
    public static ReadingDesk desk(ProjectSession session) {
        String id = id();
        try {
            return session.desk(id); // looks the reader up again when another client added it meanwhile
        } catch (org.lightbox.store.StoreException e) {
            if (e.reason() != org.lightbox.store.StoreException.Reason.NOT_FOUND) {
                throw e;
            }
        }
        Reader reader = LightboxFactory.eINSTANCE.createReader();
        reader.setId(id);
        reader.setName(id);
        reader.setRole(ReaderRole.RADIOLOGIST);
        session.addReaders(List.of(reader));
        return session.desk(id);
    }
}
