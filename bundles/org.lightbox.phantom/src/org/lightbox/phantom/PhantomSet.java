package org.lightbox.phantom;

import java.nio.file.Path;
import java.util.List;

/**
 * A written phantom set: {@code images/} with one file per study, {@code manifest.csv} with every
 * planted truth and label, {@code reads.csv} with the simulated readers' calls, and the labels in
 * ChestX-ray14's Data_Entry layout ({@link PhantomSetWriter#DATA_ENTRY}).
 */
public record PhantomSet(Path folder, List<PhantomFile> files, Path manifest, Path reads) {

    public PhantomSet {
        files = List.copyOf(files);
    }
}
