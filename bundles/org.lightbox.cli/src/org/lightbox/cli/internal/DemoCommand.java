package org.lightbox.cli.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.lightbox.dataset.DatasetImporter;
import org.lightbox.demo.DemoProject;
import org.lightbox.store.ProjectStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lightbox demo <folder>}: writes the built-in demo project. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Create the built-in demo project (synthetic images, no patient data) in a folder.")
final class DemoCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<folder>", description = "Folder to write it to; kept if it has a demo already.")
    Path folder;

    DemoCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Path file = DemoProject.ensure(folder, services.store(ProjectStore.KIND_SQLITE),
                services.service(DatasetImporter.class));
        spec.commandLine().getOut().println("Demo project: " + file.toAbsolutePath());
        return 0;
    }
}
