package org.lightbox.ui.internal.parts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lightbox.model.ImageRecord;
import org.lightbox.store.ImageQuery;
import org.lightbox.store.ProjectSession;

/**
 * The images of the open project that match the filter bar, in the chosen order, as the table and the grid
 * see them: a count and images by index, loaded a page at a time from the store (a page is a few milliseconds
 * of store time even on 112,120 images, so it is loaded on the UI thread when a row first needs it). The most
 * recently used {@value #PAGES_KEPT} pages are kept. UI thread only.
 */
final class ImageResults {

    static final int PAGE = 200;
    private static final int PAGES_KEPT = 40;

    private final Map<Long, List<ImageRecord>> pages = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<ImageRecord>> eldest) {
            return size() > PAGES_KEPT;
        }
    };
    private ProjectSession session;
    private ImageQuery query = ImageQuery.ALL;
    private long count;

    /** Shows another project (null: none) with its images unfiltered, or the same one with another query. */
    void show(ProjectSession projectSession, ImageQuery imageQuery) {
        session = projectSession;
        query = imageQuery;
        pages.clear();
        count = session == null ? 0 : session.count(query);
    }

    ImageQuery query() {
        return query;
    }

    /** The number of matching images, as counted when the query was set. */
    int count() {
        return (int) Math.min(Integer.MAX_VALUE, count);
    }

    /** The image at an index of the result, or null past its end. */
    ImageRecord get(int index) {
        if (session == null || index < 0 || index >= count) {
            return null;
        }
        long page = index / PAGE;
        List<ImageRecord> rows = pages.computeIfAbsent(page, p -> session.images(query, p * PAGE, PAGE));
        int offset = index % PAGE;
        return offset < rows.size() ? rows.get(offset) : null;
    }

    /** The images at these indices, at most {@code limit} of them (a selection of all 112,120 is not loaded). */
    List<ImageRecord> get(int[] indices, int limit) {
        List<ImageRecord> images = new ArrayList<>();
        for (int index : indices) {
            if (images.size() == limit) {
                break;
            }
            ImageRecord image = get(index);
            if (image != null) {
                images.add(image);
            }
        }
        return images;
    }

    /** The index of an image id among the pages loaded so far, or -1. */
    int indexOfLoaded(String imageId) {
        for (Map.Entry<Long, List<ImageRecord>> page : pages.entrySet()) {
            List<ImageRecord> rows = page.getValue();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).getImageId().equals(imageId)) {
                    return (int) (page.getKey() * PAGE + i);
                }
            }
        }
        return -1;
    }
}
