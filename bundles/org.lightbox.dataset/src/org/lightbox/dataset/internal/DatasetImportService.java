package org.lightbox.dataset.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.lightbox.dataset.DatasetImporter;
import org.lightbox.dataset.ImportException;
import org.lightbox.dataset.ImportProgress;
import org.lightbox.dataset.ImportReport;
import org.lightbox.imaging.ImageDecoder;
import org.lightbox.imaging.ImageHeaderReader;
import org.lightbox.store.ProjectSession;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link DatasetImporter} service. Images are looked at only through the imaging services that
 * are running (the DICOM adapter, the PNG/JPEG decoder), so a format plugin added later is used at once.
 */
@Component(service = DatasetImporter.class)
public final class DatasetImportService implements DatasetImporter {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ImageHeaderReader> headerReaders = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ImageDecoder> decoders = List.of();

    @Override
    public ImportReport importFolder(ProjectSession project, Path folder, ImportProgress progress)
            throws ImportException {
        return new FolderImport(probe()).run(Objects.requireNonNull(project, "project"),
                Objects.requireNonNull(folder, "folder"), orNone(progress));
    }

    @Override
    public ImportReport importCxr14Labels(ProjectSession project, Path labelFile, Path imagesFolder,
            ImportProgress progress) throws ImportException {
        return new Cxr14LabelImport(probe()).run(Objects.requireNonNull(project, "project"),
                Objects.requireNonNull(labelFile, "labelFile"), imagesFolder, orNone(progress));
    }

    @Override
    public ImportReport importExpertReads(ProjectSession project, Path csv, ImportProgress progress)
            throws ImportException {
        return new ExpertReadsImport().run(Objects.requireNonNull(project, "project"), Objects.requireNonNull(csv, "csv"),
                orNone(progress));
    }

    @Override
    public ImportReport importPredictions(ProjectSession project, Path csv, String model, ImportProgress progress)
            throws ImportException {
        return new PredictionsImport().run(Objects.requireNonNull(project, "project"), Objects.requireNonNull(csv, "csv"),
                model, orNone(progress));
    }

    private ImageProbe probe() {
        return new ImageProbe(headerReaders, decoders);
    }

    private static ImportProgress orNone(ImportProgress progress) {
        return progress == null ? ImportProgress.NONE : progress;
    }
}
