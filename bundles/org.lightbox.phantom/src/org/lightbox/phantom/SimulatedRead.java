package org.lightbox.phantom;

import java.time.Instant;

/** One simulated reader's call on one finding of one image, with when it was made and how long it took. */
public record SimulatedRead(String readerId, String imageId, PlantedFinding finding, ReadCall call, Instant readAt,
        long durationMillis) {
}
