package org.lightbox.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.lightbox.phantom.Defect;
import org.lightbox.phantom.PhantomConfig;
import org.lightbox.phantom.PhantomEncoder;
import org.lightbox.phantom.PhantomGenerator;
import org.lightbox.phantom.PhantomSet;
import org.lightbox.phantom.PhantomSetWriter;
import org.lightbox.phantom.PlantedFinding;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lightbox phantom}: writes a set of synthetic chest radiographs with their planted truths. */
@Command(name = "phantom", mixinStandardHelpOptions = true,
        description = {"Write synthetic chest radiographs (phantoms) with planted findings, devices and broken images,",
            "their truth (manifest.csv), report-mined labels (also as Data_Entry_phantom.csv) and simulated reads",
            "(reads.csv). The same seed gives the same bytes."})
final class PhantomCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "Number of images.")
    int count;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed; the same seed gives the same files.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write to (must not hold a set).")
    Path out;

    @Option(names = "--size", defaultValue = "512", paramLabel = "PX",
            description = "Width and height in pixels, 128 to 1024 (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--format", defaultValue = "png16", paramLabel = "FORMAT",
            description = "png16 (12 bits in 16), png8, or a format an installed encoder provides (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--prevalence", paramLabel = "FINDING=RATE",
            description = "Share of frontal chest images with a finding, e.g. --prevalence Effusion=0.3 (repeatable).")
    Map<String, Double> prevalence = new LinkedHashMap<>();

    @Option(names = "--defect-rate", paramLabel = "DEFECT=RATE",
            description = "Share of images with a defect (rotated-90, rotated-180, rotated-270, inverted, lateral, non-chest,"
                    + " washed-out, zoomed-out, or all), e.g. --defect-rate all=0 (repeatable).")
    Map<String, Double> defectRates = new LinkedHashMap<>();

    @Override
    public Integer call() {
        try {
            return write();
        } catch (ParameterException e) {
            // bad options are the caller's to fix: exit 2 like picocli's own usage errors
            spec.commandLine().getErr().println("lightbox phantom: " + e.getMessage());
            return 2;
        }
    }

    private int write() {
        PrintWriter err = spec.commandLine().getErr();
        PhantomConfig config = configuration();
        PhantomEncoder encoder = encoder(format);
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1 or more, got " + workers);
        }
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be 1 or more, got " + count);
        }
        long start = System.nanoTime();
        int step = Math.max(1, count / 10);
        PhantomSet set;
        try {
            set = new PhantomSetWriter(new PhantomGenerator(config, seed), encoder, workers).write(out, count, done -> {
                if (done % step == 0 || done == count) {
                    err.printf("phantom: %d of %d images%n", done, count);
                }
            });
        } catch (FileAlreadyExistsException e) {
            err.println("lightbox phantom: " + e.getReason());
            return 2;
        } catch (IOException e) {
            err.println("lightbox phantom: cannot write to " + out + ": " + e);
            return 1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %d phantoms (%d×%d %s) to %s in %.1f s: %s, %s, %s%n",
                set.files().size(), size, size, encoder.format(), out.resolve(PhantomSetWriter.IMAGES), seconds,
                set.manifest(), set.reads(), out.resolve(PhantomSetWriter.DATA_ENTRY));
        return 0;
    }

    private PhantomConfig configuration() {
        try {
            PhantomConfig config = PhantomConfig.defaults().withSize(size);
            for (Map.Entry<String, Double> e : prevalence.entrySet()) {
                config = config.withPrevalence(PlantedFinding.ofCode(e.getKey()), e.getValue());
            }
            for (Map.Entry<String, Double> e : defectRates.entrySet()) {
                List<Defect> defects = e.getKey().equals("all") ? List.of(Defect.values()) : List.of(Defect.ofCode(e.getKey()));
                for (Defect d : defects) {
                    config = config.withDefectRate(d, e.getValue());
                }
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** A built-in encoder, or a {@link PhantomEncoder} service with this format (a DICOM writer). */
    private PhantomEncoder encoder(String name) {
        List<String> known = new ArrayList<>(List.of("png16", "png8"));
        for (PhantomEncoder builtIn : PhantomEncoder.builtIn()) {
            if (builtIn.format().equals(name)) {
                return builtIn;
            }
        }
        Bundle bundle = FrameworkUtil.getBundle(PhantomCommand.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context != null) {
            try {
                for (ServiceReference<PhantomEncoder> ref : context.getServiceReferences(PhantomEncoder.class, null)) {
                    PhantomEncoder service = context.getService(ref);
                    if (service == null) {
                        continue;
                    }
                    if (service.format().equals(name)) {
                        return service;                 // held until the command's JVM ends
                    }
                    known.add(service.format());
                    context.ungetService(ref);
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new ParameterException(spec.commandLine(), "unknown --format '" + name + "'; available: " + known);
    }
}
