package org.lightbox.imaging.dicom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.lightbox.imaging.DecodeException;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.dicom.internal.DicomImageService;
import org.lightbox.imaging.internal.ImageIoDecoder;

/**
 * Imaging benchmark (issue 3), not a test: DICOM headers per second, decode + thumbnail per second for the real
 * 1024² CXR14 PNGs and the real chest DICOMs, on 1 and 2 threads. Prints a table; never fails on time.
 * Run through {@code releng/bench/imaging-bench.sh} (plain class path, no OSGi).
 */
public final class ImagingBench {

    private ImagingBench() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/data");
        List<Path> dicoms = files(shared.resolve("dicom"), ".dcm");
        List<Path> pngs = files(shared.resolve("cxr14/images"), ".png");
        List<Path> chests = List.of(shared.resolve("dicom/chest/Fake_MONOHR1.dcm"),
                shared.resolve("dicom/fo-dicom/CR-MONO1-10-chest.dcm"));
        DicomImageService dicom = new DicomImageService();
        ImageIoDecoder png = new ImageIoDecoder();

        System.out.printf("%-44s %8s %10s %10s %8s%n", "measure", "threads", "items", "per second", "goal");
        for (int threads : new int[] {1, 2}) {
            row("DICOM headers (all shared DICOM files)", threads, run(dicoms, 20, threads, f -> dicom.readHeader(f)), "1,000");
        }
        for (int threads : new int[] {1, 2}) {
            row("decode + 128² thumbnail, 1024² CXR14 PNG", threads, run(pngs, 2, threads, f -> thumbnail(png, f)), "100");
        }
        for (int threads : new int[] {1, 2}) {
            row("decode + 128² thumbnail, real chest DICOM", threads, run(chests, 20, threads, f -> thumbnail(dicom, f)), "");
        }
    }

    private static Object thumbnail(ImageDecoder decoder, Path file) throws DecodeException {
        return decoder.thumbnail(file, 128); // the grid's path (streamed for 8-bit grey PNGs)
    }

    private interface Work {
        Object apply(Path file) throws Exception;
    }

    private record Result(int items, double perSecond) {
    }

    /** Warms up once over the files, then times {@code rounds} passes split over {@code threads} threads. */
    private static Result run(List<Path> files, int rounds, int threads, Work work) throws Exception {
        for (Path f : files) {
            attempt(work, f);
        }
        List<Path> jobs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            jobs.addAll(files);
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
                    attempt(work, jobs.get(i));
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(jobs.size(), jobs.size() / seconds);
    }

    /** Bad files are part of the shared set on purpose: their DecodeException is the measured outcome. */
    private static void attempt(Work work, Path file) {
        try {
            work.apply(file);
        } catch (Exception expected) {
            // a specific DecodeException for truncated/unsupported files; counted like any other item
        }
    }

    private static void row(String what, int threads, Result result, String goal) {
        System.out.printf("%-44s %8d %10d %10.0f %8s%n", what, threads, result.items(), result.perSecond(), goal);
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().toLowerCase().endsWith(suffix)).sorted().toList();
        }
    }
}
