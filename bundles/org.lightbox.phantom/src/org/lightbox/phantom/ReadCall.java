package org.lightbox.phantom;

/** A reader's call on one finding of one image. */
public enum ReadCall {
    PRESENT,
    ABSENT,
    UNCERTAIN
}
