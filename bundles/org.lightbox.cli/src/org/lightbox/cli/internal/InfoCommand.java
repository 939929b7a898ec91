package org.lightbox.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.lightbox.model.Project;
import org.lightbox.model.Read;
import org.lightbox.model.Reader;
import org.lightbox.store.PanelLists;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.ReadingList;
import org.lightbox.store.StoreLocation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lightbox info <project>}: what a project holds. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show a project's name, store, label schema, readers, counts and reading lists with their progress.")
final class InfoCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<project>", description = "The project's .lightbox file.")
    Path file;

    InfoCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("lightbox info: no project file at " + file);
            return 2;
        }
        ProjectStore store = services.store(ProjectStore.KIND_SQLITE);
        try (ProjectSession session = store.open(new StoreLocation.SqliteFile(file))) {
            Project project = session.project();
            out.printf("Project:      %s%n", project.getName());
            if (project.getDescription() != null) {
                out.printf("Description:  %s%n", project.getDescription());
            }
            out.printf("Store:        %s (schema version %d)%n", session.location(), session.schemaVersion());
            if (project.getLabelSchema() != null) {
                out.printf("Label schema: %s %s, %d findings%n", project.getLabelSchema().getName(),
                        project.getLabelSchema().getVersion() == null ? "" : project.getLabelSchema().getVersion(),
                        project.getLabelSchema().getFindings().size());
            }
            out.printf("Readers:      %d%s%n", project.getReaders().size(), project.getReaders().isEmpty() ? ""
                    : " (" + project.getReaders().stream().map(Reader::getId).collect(Collectors.joining(", ")) + ")");
            out.printf("Images:       %,d%n", session.imageCount());
            List<Read> reads = session.allReads();
            out.printf("Reads:        %,d%n", reads.size());
            printReadingLists(out, session.readingLists(), reads);
            return 0;
        }
    }

    /** Each reading list with how much of it its reader has read (an image counts once the reader called any finding). */
    private static void printReadingLists(PrintWriter out, List<ReadingList> lists, List<Read> reads) {
        if (lists.isEmpty()) {
            return;
        }
        out.printf("Reading lists: %d%n", lists.size());
        for (PanelLists.Progress p : PanelLists.progress(lists, reads)) {
            out.printf("  '%s' for %s: %,d of %,d read (%s)%n", p.list().name(), p.list().readerId(), p.read(), p.total(),
                    p.list().origin());
        }
    }
}
