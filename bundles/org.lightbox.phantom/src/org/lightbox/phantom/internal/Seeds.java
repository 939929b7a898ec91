package org.lightbox.phantom.internal;

import java.util.Random;

/**
 * Independent random streams derived from one seed: one per patient, per image and per purpose, so that
 * an image's pixels, truth and labels do not depend on the order (or the thread) in which images are
 * made, and adding a reader does not change the images.
 */
public final class Seeds {

    public static final long PATIENT = 1;
    public static final long STUDY = 2;
    public static final long REPORT = 3;
    public static final long READER = 100;
    public static final long PLAN = 4;

    private Seeds() {
    }

    /** A java.util.Random for (seed, item, stream); its algorithm is specified, so its numbers never change. */
    public static Random random(long seed, long item, long stream) {
        return new Random(mix(seed, item, stream));
    }

    /** SplitMix64's finaliser over the three numbers. */
    public static long mix(long seed, long item, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (item + 1) + 0xD1B54A32D192ED03L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
