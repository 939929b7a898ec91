package org.lightbox.phantom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.lightbox.phantom.internal.ManifestCsv;

/**
 * Writes a phantom set into a folder: {@value #IMAGES}/ with one file per image, {@value #MANIFEST}
 * (every truth), {@value #READS} (simulated readers) and {@value #DATA_ENTRY} (the report-mined labels
 * in ChestX-ray14's layout). Images are made on several threads; every file's bytes depend only on the
 * configuration, the seed and the image's index, never on the number of threads or their timing.
 * The folder must not hold a set already: nothing is overwritten.
 */
public final class PhantomSetWriter {

    public static final String IMAGES = "images";
    public static final String MANIFEST = "manifest.csv";
    public static final String READS = "reads.csv";
    /** The report-mined labels laid out as NIH ChestX-ray14's Data_Entry_2017 file. */
    public static final String DATA_ENTRY = "Data_Entry_phantom.csv";

    private final PhantomGenerator generator;
    private final PhantomEncoder encoder;
    private final int threads;

    /** @param threads worker threads, at least 1 (the number of cores is a good choice) */
    public PhantomSetWriter(PhantomGenerator generator, PhantomEncoder encoder, int threads) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread is needed, got " + threads);
        }
        this.threads = threads;
    }

    public PhantomSet write(Path folder, int count) throws IOException {
        return write(folder, count, done -> { });
    }

    /**
     * Writes images 0 to count−1 and the two CSV files.
     *
     * @param progress told the number of images finished so far, from worker threads
     * @throws FileAlreadyExistsException if the folder holds a manifest, a reads file or any of the image
     *         files already (nothing is written then)
     */
    public PhantomSet write(Path folder, int count, IntConsumer progress) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("the number of images must be 0 or more, got " + count);
        }
        Path images = folder.resolve(IMAGES);
        Path manifest = folder.resolve(MANIFEST);
        Path reads = folder.resolve(READS);
        Path dataEntry = folder.resolve(DATA_ENTRY);
        List<Phantom> phantoms = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            phantoms.add(generator.phantom(i));
        }
        refuseExisting(folder, List.of(manifest, reads, dataEntry), images, phantoms);
        Files.createDirectories(images);
        List<PhantomFile> files = render(images, phantoms, progress);
        ManifestCsv.writeManifest(manifest, folder, files, encoder.format());
        ManifestCsv.writeReads(reads, files);
        ManifestCsv.writeDataEntry(dataEntry, files);
        return new PhantomSet(folder, files, manifest, reads);
    }

    private void refuseExisting(Path folder, List<Path> tables, Path images, List<Phantom> phantoms)
            throws FileAlreadyExistsException {
        for (Path p : tables) {
            if (Files.exists(p)) {
                throw new FileAlreadyExistsException(p.toString(), null, folder
                        + " holds a phantom set already (" + p.getFileName() + "); choose an empty folder");
            }
        }
        for (Phantom p : phantoms) {
            Path file = images.resolve(p.imageId() + "." + encoder.extension());
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString(), null, "would overwrite " + file
                        + "; choose an empty folder");
            }
        }
    }

    private List<PhantomFile> render(Path images, List<Phantom> phantoms, IntConsumer progress) throws IOException {
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "phantom-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PhantomFile>> futures = new ArrayList<>(phantoms.size());
            for (Phantom phantom : phantoms) {
                futures.add(pool.submit(() -> {
                    PhantomFile file = writeOne(images, phantom);
                    progress.accept(done.incrementAndGet());
                    return file;
                }));
            }
            List<PhantomFile> files = new ArrayList<>(phantoms.size());
            for (Future<PhantomFile> future : futures) {
                files.add(future.get());
            }
            return files;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("phantom rendering failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing phantoms", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private PhantomFile writeOne(Path images, Phantom phantom) throws IOException {
        PhantomImage image = generator.render(phantom.truth());
        byte[] bytes = encoder.encode(image, phantom.truth());
        Path file = images.resolve(phantom.imageId() + "." + encoder.extension());
        Files.write(file, bytes);
        return new PhantomFile(phantom, file, sha256(bytes), image.width(), image.height());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
