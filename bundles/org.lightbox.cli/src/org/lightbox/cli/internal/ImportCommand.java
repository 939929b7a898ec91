package org.lightbox.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.lightbox.dataset.DatasetImporter;
import org.lightbox.dataset.ImportException;
import org.lightbox.dataset.ImportReport;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lightbox import folder|cxr14|reads|predictions <project> …}: the dataset imports, with progress
 * on stderr, the summary on stdout and Ctrl-C stopping after the batch in hand.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import images, CXR14 labels, expert reads or model predictions into a project.",
        subcommands = {ImportCommand.Folder.class, ImportCommand.Cxr14.class, ImportCommand.Reads.class,
                ImportCommand.Predictions.class})
final class ImportCommand implements Runnable {

    final Services services;

    @Spec
    CommandSpec spec;

    ImportCommand(Services services) {
        this.services = services;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What the four subcommands share: the project, the report file, and running the import. */
    abstract static class Subcommand implements Callable<Integer> {

        @ParentCommand
        ImportCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<project>", description = "The project's .lightbox file.")
        Path project;

        @Option(names = "--report", paramLabel = "out.csv", description = "Also write one line per file or row"
                + " (item, outcome, image_id, detail) to this CSV file.")
        Path reportFile;

        /** The path the import reads, checked to exist before the project is opened. */
        abstract Path input();

        abstract ImportReport run(DatasetImporter importer, ProjectSession session, StderrProgress progress)
                throws ImportException;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            String name = "lightbox import " + spec.name();
            if (!Files.isRegularFile(project)) {
                err.println(name + ": no project file at " + project + " (create one with: lightbox new " + project + ")");
                return 2;
            }
            if (!Files.exists(input())) {
                err.println(name + ": " + input() + " does not exist");
                return 2;
            }
            DatasetImporter importer = parent.services.service(DatasetImporter.class);
            ProjectStore store = parent.services.store(ProjectStore.KIND_SQLITE);
            StderrProgress progress = new StderrProgress(err, name);
            ImportReport report;
            try (ProjectSession session = store.open(new StoreLocation.SqliteFile(project));
                    StderrProgress.CtrlC stop = progress.stopOnCtrlC()) {
                report = run(importer, session, progress);
            } catch (ImportException e) {
                err.println(name + ": " + e.getMessage());
                return e.reason() == ImportException.Reason.UNREADABLE ? 2 : 1;
            }
            spec.commandLine().getOut().println(report.summary());
            if (reportFile != null) {
                report.writeCsv(reportFile);
                spec.commandLine().getOut().println("  report: " + reportFile.toAbsolutePath());
            }
            return report.failed() == 0 && !report.cancelled() ? 0 : 1;
        }
    }

    @Command(name = "folder", mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n",
            description = {"Import every DICOM, PNG and JPEG file under a folder, one outcome per file.",
                    "Files already in the project (same SHA-256) are skipped; broken files are reported as failed."},
            exitCodeList = {"0:every item imported or skipped (the summary gives the reasons)",
                    "1:some items failed, or the import was cancelled", "2:bad arguments: a missing project or folder"})
    static final class Folder extends Subcommand {

        @Parameters(index = "1", paramLabel = "<dir>", description = "The folder to import, with its sub-folders.")
        Path folder;

        @Override
        Path input() {
            return folder;
        }

        @Override
        ImportReport run(DatasetImporter importer, ProjectSession session, StderrProgress progress)
                throws ImportException {
            return importer.importFolder(session, folder, progress);
        }
    }

    @Command(name = "cxr14", mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n",
            description = {"Import the NIH ChestX-ray14 label file (Data_Entry_2017 in its 2017 or v2020 form, plain or"
                    + " .gz): one image per row with its metadata and report-mined (NLP) labels.",
                    "With --images, rows whose PNG is in that folder get its location and content hash; the others are"
                            + " kept without pixels."},
            exitCodeList = {"0:every row imported or skipped", "1:some rows failed, the import was cancelled, or the"
                    + " file has the wrong columns (then nothing was written)", "2:bad arguments: a missing file"})
    static final class Cxr14 extends Subcommand {

        @Parameters(index = "1", paramLabel = "<Data_Entry csv[.gz]>", description = "The CXR14 label file.")
        Path labels;

        @Option(names = "--images", paramLabel = "DIR", description = "The folder holding the CXR14 PNGs (sub-folders are searched too).")
        Path images;

        @Override
        Path input() {
            return labels;
        }

        @Override
        ImportReport run(DatasetImporter importer, ProjectSession session, StderrProgress progress)
                throws ImportException {
            return importer.importCxr14Labels(session, labels, images, progress);
        }
    }

    @Command(name = "reads", mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n",
            description = {"Import expert reads in the Google format (individual_readers.csv,"
                    + " test_individual_readers.csv) as reads by external readers.",
                    "YES/NO/HEDGE become present/absent/uncertain; rows of images not in the project are skipped."},
            exitCodeList = {"0:every row imported or skipped", "1:some rows failed, the import was cancelled, or the"
                    + " file has the wrong columns (then nothing was written)", "2:bad arguments: a missing file"})
    static final class Reads extends Subcommand {

        @Parameters(index = "1", paramLabel = "<csv>", description = "The expert reads file.")
        Path csv;

        @Override
        Path input() {
            return csv;
        }

        @Override
        ImportReport run(DatasetImporter importer, ProjectSession session, StderrProgress progress)
                throws ImportException {
            return importer.importExpertReads(session, csv, progress);
        }
    }

    @Command(name = "predictions", mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n",
            description = {"Import a model's probabilities: one row per image (Image Index), one column per finding"
                    + " (prob_<finding>).", "Importing the same model again replaces its values."},
            exitCodeList = {"0:every row imported or skipped", "1:some rows failed, the import was cancelled, or the"
                    + " file has the wrong columns (then nothing was written)", "2:bad arguments: a missing file"})
    static final class Predictions extends Subcommand {

        @Parameters(index = "1", paramLabel = "<csv>", description = "The predictions file.")
        Path csv;

        @Option(names = "--model", required = true, paramLabel = "NAME", description = "The name to store the predictions under.")
        String model;

        @Override
        Path input() {
            return csv;
        }

        @Override
        ImportReport run(DatasetImporter importer, ProjectSession session, StderrProgress progress)
                throws ImportException {
            return importer.importPredictions(session, csv, model, progress);
        }
    }
}
