package org.lightbox.imaging.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.Grey8Image;
import org.lightbox.imaging.GreyImage;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.Rescale;
import org.lightbox.imaging.Thumbnails;
import org.lightbox.imaging.Window;

@DisplayName("Windowing and thumbnails")
class ThumbnailsTest {

    /*
     * ImageMagick box reduction, 1024 -> 256 (each output pixel the mean of a 4×4 block), kept at 16 bits so
     * that the mean is not re-quantised (IM's 8-bit output gives 104 for a mean of 104.625):
     *   /usr/bin/convert 00000001_000.png -scale 256x256 -depth 16 t16.png
     *   /usr/bin/convert t16.png -crop 1x1+X+Y +repage txt:-
     * (0,0) 49922, (128,128) 51191, (25,175) 43176, (255,255) 0, (75,50) 22728, (200,30) 26889;
     * divided by 257 and rounded: 194, 199, 168, 0, 88, 105.
     */
    @Test
    @DisplayName("A 256-pixel thumbnail of a CXR14 PNG matches ImageMagick's box reduction")
    void thumbnailMatchesImageMagick() throws DecodeException {
        ImageDecoder png = Services.get(ImageDecoder.class, "(" + ImageDecoder.FORMAT_PROPERTY + "=png)");
        GreyImage image = png.decode(SharedData.file("cxr14/images/00000001_000.png"));
        assertMatchesImageMagick(Thumbnails.of(image, 256));
    }

    @Test
    @DisplayName("The PNG decoder's streamed thumbnail of a CXR14 PNG (no full-size image) matches ImageMagick's too")
    void streamedThumbnailMatchesImageMagick() throws DecodeException {
        ImageDecoder png = Services.get(ImageDecoder.class, "(" + ImageDecoder.FORMAT_PROPERTY + "=png)");
        assertMatchesImageMagick(png.thumbnail(SharedData.file("cxr14/images/00000001_000.png"), 256));
    }

    private static void assertMatchesImageMagick(Grey8Image thumb) {
        assertEquals(256, thumb.width());
        assertEquals(256, thumb.height());
        assertEquals(194, thumb.grey(0, 0));
        assertEquals(199, thumb.grey(128, 128));
        assertEquals(168, thumb.grey(25, 175));
        assertEquals(0, thumb.grey(255, 255));
        assertEquals(88, thumb.grey(75, 50));
        assertEquals(105, thumb.grey(200, 30));
    }

    @Test
    @DisplayName("A thumbnail keeps the aspect ratio and never enlarges a small image")
    void aspectRatio() {
        GreyImage wide = GreyImage.of(300, 100, new int[300 * 100], Rescale.IDENTITY, false, List.of(), List.of());
        Grey8Image thumb = Thumbnails.of(wide, 64);
        assertEquals(64, thumb.width());
        assertEquals(21, thumb.height());
        GreyImage small = GreyImage.of(10, 6, new int[60], Rescale.IDENTITY, false, List.of(), List.of());
        assertEquals(10, Thumbnails.of(small, 64).width());
        assertEquals(6, Thumbnails.of(small, 64).height());
    }

    /*
     * DICOM PS3.3 C.11.2.1.2.1, linear VOI function with y in 0..255:
     *   x <= c - 0.5 - (w-1)/2 -> 0;  x > c - 0.5 + (w-1)/2 -> 255;
     *   else y = ((x - (c - 0.5)) / (w-1) + 0.5) * 255.
     * For c = 40, w = 400 (a soft-tissue CT window) the bounds are -160 and 239: x = -160 -> 0;
     * x = 40 -> (0.5/399 + 0.5)·255 = 127.82 -> 128; x = 239 -> (199.5/399 + 0.5)·255 = 255.
     */
    @Test
    @DisplayName("Windowing follows the DICOM linear VOI function, after rescale")
    void linearWindow() {
        Window soft = Window.of(40, 400);
        assertEquals(0, soft.toGrey8(-161));
        assertEquals(0, soft.toGrey8(-160));
        assertEquals(128, soft.toGrey8(40));
        assertEquals(255, soft.toGrey8(239));
        assertEquals(255, soft.toGrey8(3000));
        // stored 1064 with slope 1, intercept -1024 is 40 HU
        GreyImage ct = GreyImage.of(2, 1, new int[] { 1064, 0 }, new Rescale(1, -1024), false, List.of(soft),
                List.of());
        assertEquals(128, ct.toGrey8(soft).grey(0, 0));
        assertEquals(0, ct.toGrey8(soft).grey(1, 0));
    }

    @Test
    @DisplayName("A MONOCHROME1 image is inverted after windowing, so that low values show white")
    void monochrome1() {
        GreyImage inverted = GreyImage.of(2, 1, new int[] { 0, 1023 }, Rescale.IDENTITY, true, List.of(), List.of());
        Grey8Image display = inverted.toGrey8(Window.of(512, 1024));
        assertEquals(255, display.grey(0, 0));
        assertEquals(0, display.grey(1, 0));
    }
}
