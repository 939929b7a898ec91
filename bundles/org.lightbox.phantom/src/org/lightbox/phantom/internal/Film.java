package org.lightbox.phantom.internal;

/**
 * Turns attenuation into detector values the way a processed digital radiograph looks:
 * exponential attenuation, an unsharp-mask "equalisation" (what makes ribs visible through the
 * heart on modern films), a contrast curve, quantum noise, and 16-bit quantisation.
 *
 * @param exposure  dose: higher is darker lungs and more penetration (0.6 .. 1.4)
 * @param gamma     contrast curve (below 1 flatter and brighter)
 * @param equalise  strength of the large-scale unsharp mask
 * @param noise     standard deviation of the noise, as a fraction of full scale
 * @param lift      grey added everywhere (fog, scatter; washed-out films have much)
 */
record Film(double exposure, double gamma, double equalise, double noise, double lift) {

    private static final int LUT_SIZE = 1024;
    private static final double LUT_MAX = 8.0;

    /** Develops the canvas: grey values 0..1 at the canvas's own resolution, without noise. */
    float[] develop(Canvas canvas) {
        float[] att = canvas.px;
        int n = canvas.size;
        float[] low = canvas.smooth(att, 4, Math.max(4, n / 24));
        float[] lut = toneCurve();
        float[] grey = new float[att.length];
        for (int i = 0; i < att.length; i++) {
            grey[i] = (float) lookup(lut, att[i] + equalise * (att[i] - low[i]));
        }
        return grey;
    }

    /**
     * Scales developed grey values up to the output size (bilinear; the canvas is drawn at half the
     * output size above {@value #FULL_DETAIL_LIMIT} pixels, which the detector blur hides), adds quantum
     * noise at the output resolution and quantises to 12 bits, stored in the top of 16-bit values as a
     * DX detector's data are. {@code seed} fixes the noise.
     */
    short[] expose(float[] grey, int canvasSize, int size, long seed) {
        short[] out = new short[size * size];
        long state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
        // two 16-bit uniforms summed: a triangular distribution with standard deviation 65536·√(2/12)
        float sigma = (float) (noise / (65536.0 * Math.sqrt(2 / 12.0)));
        Filters.Resampler resampler = new Filters.Resampler(grey, canvasSize, size);
        float[] row = new float[size + 1];
        for (int y = 0; y < size; y++) {
            resampler.row(y, row);
            int base = y * size;
            for (int x = 0; x < size; x += 2) {
                // xorshift64*: one draw gives the noise of two pixels; quantum noise is larger where the film is dark
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                long bits = state * 0x2545F4914F6CDD1DL;
                int first = (int) (bits & 0xFFFF) + (int) ((bits >>> 16) & 0xFFFF) - 65535;
                int second = (int) ((bits >>> 32) & 0xFFFF) + (int) ((bits >>> 48) & 0xFFFF) - 65535;
                out[base + x] = quantise(row[x], first * sigma);
                if (x + 1 < size) {
                    out[base + x + 1] = quantise(row[x + 1], second * sigma);
                }
            }
        }
        return out;
    }

    private static short quantise(float grey, float noise) {
        float g = grey + noise * (1.25f - 0.5f * grey);
        int q = g <= 0 ? 0 : g >= 1 ? 4095 : (int) (g * 4095 + 0.5f);
        return (short) (q << 4);
    }

    /** Canvas size for an output size: full detail up to this size, half above it. */
    static final int FULL_DETAIL_LIMIT = 384;

    static int canvasSize(int size) {
        return size > FULL_DETAIL_LIMIT ? size / 2 : size;
    }

    private float[] toneCurve() {
        float[] lut = new float[LUT_SIZE + 1];
        double top = 1 - StrictMath.exp(-exposure * 3.2);
        for (int i = 0; i <= LUT_SIZE; i++) {
            double a = LUT_MAX * i / LUT_SIZE;
            double t = (1 - StrictMath.exp(-exposure * a)) / top;
            t = Math.min(1, Math.max(0, t));
            lut[i] = (float) (lift + (1 - lift) * StrictMath.pow(t, gamma));
        }
        return lut;
    }

    private static double lookup(float[] lut, double value) {
        if (value <= 0) {
            return lut[0];
        }
        double pos = value / LUT_MAX * LUT_SIZE;
        if (pos >= LUT_SIZE) {
            return lut[LUT_SIZE];
        }
        int i = (int) pos;
        double f = pos - i;
        return lut[i] + f * (lut[i + 1] - lut[i]);
    }
}
