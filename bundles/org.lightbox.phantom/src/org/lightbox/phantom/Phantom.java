package org.lightbox.phantom;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One generated study without its pixels: the planted truth, the findings the simulated report
 * miner labelled positive, and the simulated readers' calls.
 */
public record Phantom(PhantomTruth truth, Set<PlantedFinding> reported, List<SimulatedRead> reads) {

    public Phantom {
        reported = reported.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(reported));
        reads = List.copyOf(reads);
    }

    public String imageId() {
        return truth.imageId();
    }
}
