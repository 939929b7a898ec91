package org.lightbox.dataset;

import java.nio.file.Path;

import org.lightbox.store.ProjectSession;

/**
 * Imports images, labels, expert reads and model predictions into an open project. A DS service;
 * each call runs on the caller's thread (the UI runs it in a Job) and returns a report with one
 * outcome per file or row.
 * <p>
 * Common rules: work is committed in batches, each whole or not at all, so a cancelled or failing
 * import leaves the project consistent and the report says how far it got. Importing the same input
 * again adds nothing twice (images are recognised by image id and by the SHA-256 of their file).
 * Patient identifiers are stored only as the project's pseudonym ({@link ProjectSession#pseudonym});
 * patient names and other identifying attributes are never stored.
 */
public interface DatasetImporter {

    /**
     * Imports every DICOM, PNG and JPEG file under {@code folder} (recursively, in path order), one
     * outcome per file: IMPORTED; SKIPPED with the reason ("already imported (same content hash) as …",
     * "not an image: …"); or FAILED with the decoder's reason ("truncated: …"). Files named like CXR14
     * images ({@code 00000001_000.png}) take their name as image id and the patient and follow-up it
     * encodes, so that they meet the rows of the CXR14 label file; other files take their path
     * relative to the folder.
     *
     * @throws ImportException UNREADABLE if {@code folder} is not a readable folder
     */
    ImportReport importFolder(ProjectSession project, Path folder, ImportProgress progress) throws ImportException;

    /**
     * Imports a CXR14 label file ({@code Data_Entry_2017.csv} in its 2017 form with ages like
     * {@code 040Y}, or {@code Data_Entry_2017_v2020.csv}, either optionally gzip-compressed): one image
     * record per row with its metadata and its report-mined labels as PRESENT source labels of source
     * "NLP" ("No Finding" gives none; a finding without a label is an NLP negative). With
     * {@code imagesFolder}, a row whose file is there gets its location and content hash; rows without
     * a file are kept without pixels (location null). Rows of images already in the project complete
     * them (labels for an image imported from a folder, pixels for one imported without) or are skipped.
     *
     * @param imagesFolder the folder holding the PNGs, or null for labels only
     * @throws ImportException WRONG_COLUMNS naming the missing and unexpected columns; UNREADABLE
     */
    ImportReport importCxr14Labels(ProjectSession project, Path labelFile, Path imagesFolder, ImportProgress progress)
            throws ImportException;

    /**
     * Imports expert reads in the Google format ({@code individual_readers.csv} of the four-findings
     * set, {@code test_individual_readers.csv} of the all-findings set): one read per reader, image and
     * finding column, YES/NO/HEDGE as PRESENT/ABSENT/UNCERTAIN ({@code Abnormal} as 1/0), an empty
     * cell as no read. Readers are added as EXTERNAL readers named after their reader id; finding
     * columns the label schema lacks (Fracture, Airspace opacity, …) are added to it. Rows of images
     * that are not in the project are SKIPPED; reads that are already there unchanged are not recorded
     * again.
     *
     * @throws ImportException WRONG_COLUMNS naming the missing and unexpected columns; UNREADABLE
     */
    ImportReport importExpertReads(ProjectSession project, Path csv, ImportProgress progress) throws ImportException;

    /**
     * Imports model predictions: one row per image ({@code Image Index}), one column per finding
     * ({@code prob_<finding>} or the finding's code), probabilities in [0, 1]. Stored under
     * {@code model}; importing again replaces that model's values. Rows of images not in the project
     * are SKIPPED.
     *
     * @throws ImportException WRONG_COLUMNS naming the missing and unexpected columns; UNUSABLE for a
     *                         blank model name; UNREADABLE
     */
    ImportReport importPredictions(ProjectSession project, Path csv, String model, ImportProgress progress)
            throws ImportException;
}
