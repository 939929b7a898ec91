package org.lightbox.agreement;

import java.util.Locale;

/**
 * Level of measurement of the ratings (Krippendorff 2011). It decides which values are accepted and how far apart two
 * different values are: nominal values are just different; ordinal, interval and ratio values must be numbers.
 */
public enum Level {
    /** Categories without order (YES/NO/HEDGE, diagnoses). Any non-empty text is a value. */
    NOMINAL,
    /** Ordered categories: numbers, of which only the order counts. */
    ORDINAL,
    /** Numbers whose differences count. */
    INTERVAL,
    /** Non-negative numbers whose ratios count (zero is absence). */
    RATIO;

    /** Whether values must be numbers. */
    public boolean numeric() {
        return this != NOMINAL;
    }

    /** The level for a name such as {@code interval}, case-insensitive. */
    public static Level parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown level of measurement '" + name + "' (nominal, ordinal, interval or ratio)", e);
        }
    }

    /** The lower-case name, as the command line spells it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
