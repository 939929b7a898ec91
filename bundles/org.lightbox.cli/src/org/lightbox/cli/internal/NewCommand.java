package org.lightbox.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.lightbox.dataset.Cxr14Projects;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lightbox new <project.lightbox> [--name N]}: an empty project with the CXR14 label schema. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create an empty project with the ChestX-ray14 label schema (14 findings) in a new SQLite file.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the project was created", "1:the store could not create it",
                "2:bad arguments, or the file exists already"})
final class NewCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<project.lightbox>", description = "The project file to create.")
    Path file;

    @Option(names = "--name", paramLabel = "N", description = "The project's name (default: the file name without .lightbox).")
    String name;

    NewCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (Files.exists(file)) {
            spec.commandLine().getErr().println("lightbox new: " + file + " exists already; choose a new file");
            return 2;
        }
        String projectName = name != null ? name : Cxr14Projects.defaultName(file);
        if (projectName.isBlank()) {
            spec.commandLine().getErr().println("lightbox new: the project name must not be blank");
            return 2;
        }
        try (ProjectSession session = Cxr14Projects.create(services.store(ProjectStore.KIND_SQLITE), file, projectName)) {
            spec.commandLine().getOut().printf("Created project '%s' (%d findings) in %s%n", session.project().getName(),
                    session.project().getLabelSchema().getFindings().size(), file.toAbsolutePath());
            return 0;
        }
    }
}
