package org.lightbox.ui.internal.parts;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.lightbox.imaging.ThumbnailCache;
import org.lightbox.model.ImageRecord;
import org.lightbox.ui.ImageSelection;
import org.lightbox.ui.OpenProject;
import org.lightbox.ui.internal.reading.ReaderIdentity;
import org.lightbox.ui.internal.reading.ReadingEditor;
import org.lightbox.ui.internal.reading.ReadingSession;

/**
 * The reading editor as an e4 part: reads the images given by Image › Read (the repository's selection) as the
 * reader named by {@link ReaderIdentity}, through that reader's blinded desk.
 */
public final class ReadingEditorPart {

    public static final String PART_ID = "org.lightbox.ui.part.reading";

    private ImageDecoders decoders;
    private ReadingEditor editor;
    private OpenProject project;

    @PostConstruct
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        decoders = new ImageDecoders();
        editor = new ReadingEditor(parent, image -> project == null ? null : ImageSelection.file(project, image),
                decoders::all, new ThumbnailCache(ThumbnailCache.defaultDirectory(), 256));
    }

    /** Starts reading the selected images. */
    public void read(ImageSelection selection) {
        read(selection.project(), selection.images());
    }

    public void read(OpenProject opened, List<ImageRecord> images) {
        read(opened, images, 0);
    }

    /** Reads these images starting at {@code startAt} (e.g. a reading list's first unread image). */
    public void read(OpenProject opened, List<ImageRecord> images, int startAt) {
        project = opened;
        var session = opened.session();
        ReadingSession reading = new ReadingSession(session, ReaderIdentity.desk(session), images, System::currentTimeMillis);
        reading.go(startAt);
        editor.open(reading);
    }

    /** Reviews images on contact sheets that ask "is this &lt;finding&gt;?" (the evaluation's error cells). */
    public void review(OpenProject opened, List<ImageRecord> images, String findingCode) {
        project = opened;
        var session = opened.session();
        editor.review(new ReadingSession(session, ReaderIdentity.desk(session), images, System::currentTimeMillis),
                findingCode);
    }

    public ReadingEditor editor() {
        return editor;
    }

    /** Another project was opened (or none is): stop reading this one's images. */
    @Inject
    void projectChanged(@Optional OpenProject opened) {
        if (project != null && !project.equals(opened) && editor != null) {
            project = null;
            editor.open(null);
        }
    }

    @Focus
    public void setFocus() {
        editor.focus();
    }

    @PreDestroy
    public void dispose() {
        editor.dispose();
        decoders.close();
    }
}
