package org.lightbox.ui.internal.reading;

import org.lightbox.store.PanelLists;
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
        return PanelLists.ensureReader(session, id());
    }
}
