package org.lightbox.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.lightbox.ui.OpenProject;
import org.lightbox.ui.internal.imports.ImportRequest;
import org.lightbox.ui.internal.imports.ImportRequest.Kind;
import org.lightbox.ui.internal.imports.Imports;

import jakarta.inject.Named;

/**
 * File › Import › …: asks for the folder or file (and, for CXR14 labels, the images folder; for predictions,
 * the model's name) and starts the import in the background; the Import view shows progress and the report.
 */
public final class ImportHandler {

    /** The command parameter naming the kind: folder, cxr14_labels, expert_reads, predictions. */
    public static final String KIND_PARAMETER = "org.lightbox.ui.commandparameter.importKind";

    @CanExecute
    public boolean canExecute(@Optional OpenProject project, @Optional Imports imports) {
        return project != null && imports != null && !imports.isRunning();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Named(KIND_PARAMETER) String kindName,
            Imports imports) {
        Kind kind = Kind.of(kindName);
        ImportRequest request = ask(shell, kind);
        if (request != null) {
            ProjectErrors.run(shell, "Cannot start the import", () -> imports.start(request));
        }
    }

    private static ImportRequest ask(Shell shell, Kind kind) {
        return switch (kind) {
            case FOLDER -> {
                String folder = folder(shell, "Import Images", "Every DICOM, PNG and JPEG file under this folder"
                        + " (and its subfolders) is imported; a file already in the project is skipped.");
                yield folder == null ? null : new ImportRequest(kind, Path.of(folder), null, null);
            }
            case CXR14_LABELS -> {
                String labels = csv(shell, "Import CXR14 Labels (Data_Entry_2017 or v2020, .csv or .csv.gz)",
                        new String[] {"*.csv;*.csv.gz", "*"});
                if (labels == null) {
                    yield null;
                }
                String images = folder(shell, "Images for These Labels", "The folder with the PNGs the label file"
                        + " names. Cancel to import the labels only (rows without pixels are kept and say so).");
                yield new ImportRequest(kind, Path.of(labels), images == null ? null : Path.of(images), null);
            }
            case EXPERT_READS -> {
                String reads = csv(shell, "Import Expert Reads (one row per image, one column per finding)",
                        new String[] {"*.csv", "*"});
                yield reads == null ? null : new ImportRequest(kind, Path.of(reads), null, null);
            }
            case PREDICTIONS -> {
                String scores = csv(shell, "Import Model Predictions (one row per image, one column per finding)",
                        new String[] {"*.csv", "*"});
                if (scores == null) {
                    yield null;
                }
                String model = modelName(shell, Path.of(scores));
                yield model == null ? null : new ImportRequest(kind, Path.of(scores), null, model);
            }
        };
    }

    private static String folder(Shell shell, String title, String message) {
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setText(title);
        dialog.setMessage(message);
        return dialog.open();
    }

    private static String csv(Shell shell, String title, String[] extensions) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText(title);
        dialog.setFilterExtensions(extensions);
        return dialog.open();
    }

    private static String modelName(Shell shell, Path scores) {
        String suggested = scores.getFileName().toString().replaceFirst("\\.csv$", "");
        IInputValidator notBlank = text -> text == null || text.isBlank() ? "The model needs a name" : null;
        InputDialog dialog = new InputDialog(shell, "Model Name", "The name these predictions are stored under"
                + " (importing again under the same name replaces them):", suggested, notBlank);
        return dialog.open() == Window.OK ? dialog.getValue().strip() : null;
    }
}
