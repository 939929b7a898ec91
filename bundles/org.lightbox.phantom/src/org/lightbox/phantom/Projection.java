package org.lightbox.phantom;

/** The frontal projection: posteroanterior (standing, the standard) or anteroposterior (portable, supine). */
public enum Projection {
    PA,
    AP
}
