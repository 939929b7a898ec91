package org.lightbox.ui.internal.reading;

import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.lightbox.imaging.Grey8Image;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.Window;
import org.lightbox.ui.internal.parts.WindowPresets;

/**
 * One decoded image ready to paint: the grey raster, its window presets (the file's own first: the DICOM
 * defaults), and the 8-bit image data of the first preset, made off the UI thread so that showing it costs
 * only an SWT image and a paint. Or the reason there are no pixels.
 */
record DisplayedImage(String imageId, GreyImage grey, List<WindowPresets.Preset> presets, ImageData first,
        ImageData fitted, String problem) {

    static final PaletteData GREY = palette(false);
    static final PaletteData INVERTED = palette(true);

    /**
     * @param view the viewer's size (width, height) when known, else null: the first preset is then also shrunk
     *             to fit it here, off the UI thread
     */
    static DisplayedImage of(String imageId, GreyImage grey, int[] view) {
        List<WindowPresets.Preset> presets = WindowPresets.of(grey);
        ImageData first = data(presets.getFirst().apply(grey));
        ImageData fitted = null;
        if (view != null && view[0] > 0 && view[1] > 0) {
            double s = Math.min((double) view[0] / first.width, (double) view[1] / first.height);
            if (s < 1) {
                fitted = Resample.down(first, Math.max(1, (int) Math.round(first.width * s)),
                        Math.max(1, (int) Math.round(first.height * s)), GREY);
            }
        }
        return new DisplayedImage(imageId, grey, presets, first, fitted, null);
    }

    static DisplayedImage problem(String imageId, String problem) {
        return new DisplayedImage(imageId, null, List.of(), null, null, problem);
    }

    static ImageData data(Grey8Image image) {
        byte[] pixels = new byte[image.width() * image.height()];
        image.pixels().get(pixels);
        return new ImageData(image.width(), image.height(), 8, GREY, 1, pixels);
    }

    ImageData windowed(Window window) {
        return data(grey.toGrey8(window));
    }

    private static PaletteData palette(boolean inverted) {
        RGB[] rgbs = new RGB[256];
        for (int i = 0; i < 256; i++) {
            int v = inverted ? 255 - i : i;
            rgbs[i] = new RGB(v, v, v);
        }
        return new PaletteData(rgbs);
    }
}
