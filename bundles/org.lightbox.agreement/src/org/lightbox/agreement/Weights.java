package org.lightbox.agreement;

import java.util.Locale;

/**
 * Agreement weights for Cohen's kappa (Cicchetti &amp; Allison 1971; Fleiss &amp; Cohen 1973). Categories are placed at
 * their positions 0..k-1, in the table's category order, among the k categories that either of the two raters used, as
 * R's irr {@code kappa2} does (and SAS with its default scores when those categories are equally spaced).
 */
public enum Weights {
    /** Only identical categories agree. */
    NONE,
    /** {@code 1 - |i-j|/(k-1)}. */
    LINEAR,
    /** {@code 1 - (i-j)^2/(k-1)^2}; close to the intraclass correlation. */
    QUADRATIC;

    /** The agreement weight of categories {@code i} and {@code j} out of {@code k}: 1 on the diagonal. */
    public double weight(int i, int j, int k) {
        if (i == j) {
            return 1;
        }
        double d = Math.abs(i - j) / (double) (k - 1);
        return switch (this) {
            case NONE -> 0;
            case LINEAR -> 1 - d;
            case QUADRATIC -> 1 - d * d;
        };
    }

    /** The weights for a name such as {@code linear}, case-insensitive. */
    public static Weights parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown weights '" + name + "' (none, linear or quadratic)", e);
        }
    }

    /** The lower-case name, as the command line spells it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
