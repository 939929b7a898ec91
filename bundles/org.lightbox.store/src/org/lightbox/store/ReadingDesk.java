package org.lightbox.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lightbox.model.ConfounderTag;
import org.lightbox.model.QualityFlag;
import org.lightbox.model.QualityIssue;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Reader;

/**
 * One reader's blinded view of a project, from {@link ProjectSession#desk(String)}: every query answers with
 * this reader's own reads, flags, tags and reading lists only, so a reading editor built on a desk cannot
 * show another reader's calls whatever its UI does. Writes are committed and durable when they return, like
 * {@link ProjectSession#recordRead}. Image ids and finding codes that are not in the project are
 * {@link StoreException.Reason#NOT_FOUND}.
 */
public interface ReadingDesk {

    /** The reader this desk belongs to (from the project). */
    Reader reader();

    /**
     * Records this reader's call on one finding of one image, time-stamped now; a call on the same image and
     * finding replaces the earlier one, which goes to the history.
     */
    Read record(String imageId, String findingCode, ReadValue value, long durationMillis, String comment);

    /**
     * Takes back this reader's current read of an image and finding (undo of a first call): it and its
     * history leave the current reads and are kept as withdrawn. False when there was none.
     */
    boolean withdraw(String imageId, String findingCode);

    /** This reader's current reads, in the order first recorded. */
    List<Read> reads();

    /** This reader's current reads of one image, in the order first recorded. */
    List<Read> readsOfImage(String imageId);

    /** This reader's current reads of several images (a contact sheet), in the order first recorded. */
    List<Read> readsOfImages(java.util.Collection<String> imageIds);

    /** Raises (or replaces the note of) this reader's quality flag on an image; {@code raisedBy} is the reader id. */
    QualityFlag raise(String imageId, QualityIssue issue, String note);

    /** Clears this reader's flag; false when it was not raised. */
    boolean clear(String imageId, QualityIssue issue);

    /** This reader's flags on one image, in the order raised. */
    List<QualityFlag> flagsOfImage(String imageId);

    /** This reader's flags, by image id (images in the order first flagged). */
    Map<String, List<QualityFlag>> flags();

    /** Tags an image with a confounder (chest drain, pacemaker, …); {@code taggedBy} is the reader id. */
    ConfounderTag tag(String imageId, String code, ReadValue present);

    /** Removes this reader's tag; false when there was none. */
    boolean untag(String imageId, String code);

    /** This reader's tags on one image, in the order tagged. */
    List<ConfounderTag> tagsOfImage(String imageId);

    /** This reader's tags, by image id. */
    Map<String, List<ConfounderTag>> tags();

    /** The reading lists assigned to this reader, oldest first. */
    List<ReadingList> readingLists();

    /** This reader's reading list of that name. */
    Optional<ReadingList> readingList(String name);
}
