package org.lightbox.cli.internal;

import picocli.CommandLine.Command;

/** Top-level command: only subcommands do work. */
@Command(name = "lightbox", mixinStandardHelpOptions = true, version = "Lightbox 0.1.0",
        description = {"Relabel medical image datasets with a panel of readers, measure agreement, export consensus.",
                "Run without arguments to open the workbench on the demo project."},
        subcommands = {InfoCommand.class, DemoCommand.class},
        footer = {"", "Examples:", "  ./lightbox demo ~/lightbox-demo", "  ./lightbox info ~/lightbox-demo/demo.lightbox"})
final class LightboxCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
