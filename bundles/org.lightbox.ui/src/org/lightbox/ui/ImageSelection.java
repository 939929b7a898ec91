package org.lightbox.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.lightbox.model.ImageRecord;

/**
 * Images selected in a view, as published to the e4 selection service: what "Open" (Enter, double-click,
 * Image › Open) shows in the preview and, later, the reading editor.
 *
 * @param project the project they belong to
 * @param images  the selected images in view order, at most {@link #LIMIT} of them
 * @param total   how many were selected (more than {@code images.size()} when the selection was larger than
 *                {@link #LIMIT})
 */
public record ImageSelection(OpenProject project, List<ImageRecord> images, int total) {

    /** The most images a selection carries (selecting all of 112,120 images does not load them). */
    public static final int LIMIT = 1000;

    public ImageSelection {
        Objects.requireNonNull(project, "project");
        images = List.copyOf(images);
    }

    public boolean isEmpty() {
        return images.isEmpty();
    }

    /**
     * The file of an image: its location, resolved against the project file's folder when relative; null
     * when the image has no location.
     *
     * @throws java.nio.file.InvalidPathException when the location is not a path on this system
     */
    public static Path file(OpenProject project, ImageRecord image) {
        String location = image.getLocation();
        if (location == null || location.isBlank()) {
            return null;
        }
        Path path = Path.of(location);
        Path folder = project.file().getParent();
        return path.isAbsolute() || folder == null ? path : folder.resolve(path).normalize();
    }
}
