/**
 * Bringing data into a Lightbox project: image folders (DICOM, PNG, JPEG, through the imaging
 * services), the NIH ChestX-ray14 label file, expert reads in the Google format and model
 * predictions. The {@link org.lightbox.dataset.DatasetImporter} service does each in batches that
 * commit whole or not at all, reports one {@link org.lightbox.dataset.ImportOutcome} per file or row,
 * and stores patient keys only as the project's keyed pseudonyms. Nothing here knows a widget toolkit
 * or Eclipse Jobs: progress and cancellation go through {@link org.lightbox.dataset.ImportProgress}.
 */
package org.lightbox.dataset;
