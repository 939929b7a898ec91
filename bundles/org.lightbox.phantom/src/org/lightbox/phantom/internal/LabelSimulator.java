package org.lightbox.phantom.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.lightbox.phantom.Device;
import org.lightbox.phantom.LabelNoise;
import org.lightbox.phantom.PhantomConfig;
import org.lightbox.phantom.PhantomTruth;
import org.lightbox.phantom.PlantedFinding;
import org.lightbox.phantom.ReadCall;
import org.lightbox.phantom.ReaderProfile;
import org.lightbox.phantom.SimulatedRead;

/**
 * The report miner and the readers. Every draw is taken whether or not it is used, so an image's labels
 * depend only on its truth and its own streams.
 */
public final class LabelSimulator {

    /** When the simulated reading session starts: fixed, so reads never carry the machine's clock. */
    public static final Instant SESSION_START = Instant.parse("2026-01-05T08:00:00Z");

    private final PhantomConfig config;
    private final long seed;

    public LabelSimulator(PhantomConfig config, long seed) {
        this.config = config;
        this.seed = seed;
    }

    /** The findings the report miner labels positive; lateral and non-chest images get no labels. */
    public Set<PlantedFinding> reported(PhantomTruth truth) {
        Random r = Seeds.random(seed, truth.index(), Seeds.REPORT);
        LabelNoise noise = config.reportNoise();
        Set<PlantedFinding> reported = EnumSet.noneOf(PlantedFinding.class);
        for (PlantedFinding f : PlantedFinding.values()) {
            double base = r.nextDouble();
            double hidden = r.nextDouble();
            double extra = r.nextDouble();
            if (!truth.frontalChest()) {
                continue;
            }
            boolean present = truth.has(f);
            boolean report = present ? base < noise.sensitivity(f) : base >= noise.specificity(f);
            if (f == PlantedFinding.EFFUSION && present && truth.has(PlantedFinding.CONSOLIDATION)
                    && hidden < noise.effusionHiddenByConsolidation()) {
                report = false;
            }
            if (f == PlantedFinding.PNEUMOTHORAX && !present && truth.has(Device.CHEST_DRAIN)
                    && extra < noise.drainReportedAsPneumothorax()) {
                report = true;
            }
            if (report) {
                reported.add(f);
            }
        }
        return reported;
    }

    /** Each reader's calls on the planted findings of a frontal chest image (none where the reader skips it). */
    public List<SimulatedRead> reads(PhantomTruth truth) {
        List<SimulatedRead> reads = new ArrayList<>();
        List<ReaderProfile> readers = config.readers();
        for (int k = 0; k < readers.size(); k++) {
            ReaderProfile reader = readers.get(k);
            Random r = Seeds.random(seed, truth.index(), Seeds.READER + k);
            boolean skip = r.nextDouble() < reader.missing();
            // each reader works through the set in order, about a minute per image
            Instant at = SESSION_START.plus(Duration.ofSeconds(60L * truth.index() + 5L * k));
            for (PlantedFinding f : PlantedFinding.values()) {
                double call = r.nextDouble();
                double doubt = r.nextDouble();
                long millis = 1500 + (long) (6000 * r.nextDouble());
                if (skip || !truth.frontalChest()) {
                    continue;
                }
                boolean present = truth.has(f);
                ReadCall value = present ? (call < reader.sensitivity() ? ReadCall.PRESENT : ReadCall.ABSENT)
                        : (call < reader.specificity() ? ReadCall.ABSENT : ReadCall.PRESENT);
                if (doubt < reader.uncertain()) {
                    value = ReadCall.UNCERTAIN;
                }
                at = at.plusMillis(millis);
                reads.add(new SimulatedRead(reader.id(), truth.imageId(), f, value, at, millis));
            }
        }
        return reads;
    }
}
