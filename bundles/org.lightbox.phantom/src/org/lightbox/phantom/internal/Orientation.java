package org.lightbox.phantom.internal;

import org.lightbox.phantom.Defect;

/** The defects that are pure pixel operations: quarter turns (clockwise) and grey-scale inversion. */
final class Orientation {

    private Orientation() {
    }

    static short[] apply(short[] v, int n, Defect defect) {
        if (defect == null) {
            return v;
        }
        return switch (defect) {
            case ROTATED_90 -> turn(v, n, 1);
            case ROTATED_180 -> turn(v, n, 2);
            case ROTATED_270 -> turn(v, n, 3);
            case INVERTED -> invert(v);
            default -> v;
        };
    }

    /** Turns a square image clockwise by quarter turns: the pixel at (x, y) moves to (n-1-y, x) per turn. */
    static short[] turn(short[] v, int n, int quarters) {
        short[] out = new short[v.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int tx;
                int ty;
                switch (quarters) {
                    case 1 -> {
                        tx = n - 1 - y;
                        ty = x;
                    }
                    case 2 -> {
                        tx = n - 1 - x;
                        ty = n - 1 - y;
                    }
                    default -> {
                        tx = y;
                        ty = n - 1 - x;
                    }
                }
                out[ty * n + tx] = v[y * n + x];
            }
        }
        return out;
    }

    /** Negates the 12-bit values (stored in the top 12 of 16 bits): white 65520 becomes 0. */
    static short[] invert(short[] v) {
        short[] out = new short[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (short) ((4095 - ((v[i] & 0xFFFF) >>> 4)) << 4);
        }
        return out;
    }
}
