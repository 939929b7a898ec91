package org.lightbox.ui.internal.parts;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.lightbox.imaging.Grey8Image;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.LookupTable;
import org.lightbox.imaging.Window;

/**
 * The windows a radiologist can pick for one image, best first: the presets the file carries (Window Center
 * &amp; Width, then VOI LUTs), then the full range of the image's values, then an automatic window over the
 * central 99 % of its values (what a viewer falls back to for a 12-bit CR without presets, where the full
 * range leaves the lungs a flat grey). Every preset goes through {@link GreyImage#toGrey8}, so the modality
 * transform and the MONOCHROME1 inversion are applied the way DICOM prescribes.
 */
public final class WindowPresets {

    /** One choice: its label and how it turns the image into display grey. */
    public record Preset(String label, Window window, LookupTable voiLut) {

        public Grey8Image apply(GreyImage image) {
            return voiLut != null ? image.toGrey8(voiLut) : image.toGrey8(window);
        }
    }

    private WindowPresets() {
    }

    public static List<Preset> of(GreyImage image) {
        List<Preset> presets = new ArrayList<>();
        int n = 1;
        for (Window w : image.windows()) {
            String name = w.explanation().isBlank() ? "File preset " + n : w.explanation();
            presets.add(new Preset(name + " (" + centreWidth(w) + ")", w, null));
            n++;
        }
        n = 1;
        for (LookupTable lut : image.voiLuts()) {
            presets.add(new Preset("VOI LUT " + (lut.explanation().isBlank() ? Integer.toString(n) : lut.explanation()),
                    null, lut));
            n++;
        }
        double[] range = modalityRange(image, 0, 1);
        Window full = Window.spanning(range[0], range[1]);
        presets.add(new Preset("Full range (" + centreWidth(full) + ")", full, null));
        double[] central = modalityRange(image, 0.005, 0.995);
        Window auto = Window.spanning(central[0], central[1]);
        presets.add(new Preset("Auto, central 99 % (" + centreWidth(auto) + ")", auto, null));
        return presets;
    }

    public static String centreWidth(Window w) {
        return "C " + round(w.centre()) + " W " + round(w.width());
    }

    private static String round(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.1f", v);
    }

    /** The modality values at two quantiles (0 and 1: minimum and maximum), from every 4th pixel. */
    static double[] modalityRange(GreyImage image, double low, double high) {
        IntBuffer stored = image.storedValues();
        int step = stored.limit() > 1 << 18 ? 4 : 1;
        double[] values = new double[(stored.limit() + step - 1) / step];
        int w = image.width();
        for (int i = 0, k = 0; i < stored.limit(); i += step, k++) {
            values[k] = image.modality(i % w, i / w);
        }
        Arrays.sort(values);
        double a = values[(int) Math.floor(low * (values.length - 1))];
        double b = values[(int) Math.ceil(high * (values.length - 1))];
        return new double[] {a, b};
    }
}
