package org.lightbox.phantom;

/** Which side of the patient a lateralised finding is on (the patient's right is on the image's left). */
public enum Side {
    RIGHT,
    LEFT,
    BOTH
}
