package org.lightbox.imaging.dicom.internal;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.github.jaiimageio.jpeg2000.J2KImageReadParam;
import com.pixelmed.imageio.JPEGLosslessImageReaderSpi;

/**
 * Decompresses one encapsulated frame to raw samples. The readers are created directly from their
 * providers rather than found through ImageIO's registry, which cannot see readers in other bundles;
 * {@code readRaster} is used throughout because it returns the components as stored, without the
 * colour conversion a JPEG reader would guess from markers: DICOM's Photometric Interpretation decides.
 */
final class FrameCodecs {

    /** Raw samples of one frame, interleaved, as the codec returned them (signed codecs sign-extend). */
    record Samples(int width, int height, int components, int[] values) {
    }

    private static volatile ImageReaderSpi jpeg;
    private static volatile ImageReaderSpi jpeg2000;

    private FrameCodecs() {
    }

    /**
     * JPEG baseline and extended (processes 1, 2+4) through the JDK's reader (IJG code, like dcmtk), 12-bit
     * extended through {@link JpegDctDecoder}, lossless (process 14) through PixelMed's reader.
     */
    static Samples jpeg(byte[] frame) throws IOException {
        int precision = sequentialDctPrecision(frame);
        if (precision == 12) { // the JDK refuses "Unsupported JPEG data precision 12": ours decodes it
            JpegDctDecoder.Decoded d = JpegDctDecoder.decode(frame);
            return new Samples(d.width(), d.height(), d.components(), d.samples());
        }
        if (precision == 0) { // lossless; PixelMed's reader only offers read(), which does not convert colour
            return readImage(new JPEGLosslessImageReaderSpi(), frame);
        }
        return read(jpegProvider(), frame);
    }

    /** JPEG 2000 code streams (and the JP2 files some writers wrap them in). */
    static Samples jpeg2000(byte[] frame) throws IOException {
        return read(jpeg2000Provider(), frame);
    }

    private static ImageReaderSpi jpeg2000Provider() throws IOException {
        ImageReaderSpi spi = jpeg2000;
        if (spi == null) {
            // jai-imageio-jpeg2000 does not export its impl package; its own class loader (reached through an
            // exported class) can load the provider, in OSGi and on a plain class path alike.
            try {
                Class<?> type = J2KImageReadParam.class.getClassLoader()
                        .loadClass("com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi");
                jpeg2000 = spi = (ImageReaderSpi) type.getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IOException("the JPEG 2000 reader of jai-imageio cannot be loaded: " + e, e);
            }
        }
        return spi;
    }

    /** The JDK's own JPEG reader, which ImageIO always registers, even when plug-ins add theirs. */
    private static ImageReaderSpi jpegProvider() throws IOException {
        ImageReaderSpi spi = jpeg;
        if (spi == null) {
            ImageReaderSpi any = null;
            for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext();) {
                ImageReaderSpi candidate = it.next().getOriginatingProvider();
                any = any == null ? candidate : any;
                if (candidate.getClass().getName().startsWith("com.sun.imageio.")) {
                    spi = candidate;
                }
            }
            spi = spi != null ? spi : any;
            if (spi == null) {
                throw new IOException("no JPEG reader in this Java runtime");
            }
            jpeg = spi;
        }
        return spi;
    }

    private static Samples read(ImageReaderSpi spi, byte[] frame) throws IOException {
        ImageReader reader = spi.createReaderInstance();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(frame))) {
            reader.setInput(in, true, true);
            return samples(reader.readRaster(0, null));
        } finally {
            reader.dispose();
        }
    }

    private static Samples readImage(ImageReaderSpi spi, byte[] frame) throws IOException {
        ImageReader reader = spi.createReaderInstance();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(frame))) {
            reader.setInput(in, true, true);
            return samples(reader.read(0).getRaster());
        } finally {
            reader.dispose();
        }
    }

    private static Samples samples(Raster raster) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        return new Samples(w, h, raster.getNumBands(), raster.getPixels(raster.getMinX(), raster.getMinY(), w, h,
                (int[]) null));
    }

    /** The precision of a sequential DCT frame (SOF0/SOF1), 0 for lossless (SOF3), -1 for anything else. */
    static int sequentialDctPrecision(byte[] jpeg) {
        int at = 2;
        while (at + 4 < jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                at++;
                continue;
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                at += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker == 0xC0 || marker == 0xC1) {
                return jpeg[at + 4] & 0xFF;
            }
            if (marker == 0xC3 || marker == 0xC7 || marker == 0xCB || marker == 0xCF) {
                return 0;
            }
            if (marker == 0xDA) {
                return -1;
            }
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
        }
        return -1;
    }
}
