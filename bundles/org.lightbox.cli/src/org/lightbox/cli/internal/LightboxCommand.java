package org.lightbox.cli.internal;

import picocli.CommandLine.Command;

/** Top-level command: only subcommands do work. */
@Command(name = "lightbox", mixinStandardHelpOptions = true, version = "Lightbox 0.1.0",
        description = {"Relabel medical image datasets with a panel of readers, measure agreement, export consensus.",
                "Run without arguments to open the workbench on the demo project."},
        subcommands = {InfoCommand.class, DemoCommand.class, NewCommand.class, ImportCommand.class, AgreeCommand.class,
                PhantomCommand.class, EvaluateCommand.class, ConsensusCommand.class, ExportCommand.class, AssignCommand.class},
        footer = {"", "Examples:", "  ./lightbox demo ~/lightbox-demo",
                "  ./lightbox info ~/lightbox-demo/demo.lightbox",
                "  ./lightbox phantom --count 1000 --seed 42 --out ~/phantoms --size 512 --format png16",
                "  ./lightbox agree ratings.csv --layout wide --json",
                "  ./lightbox evaluate --scores preds.csv --labels Data_Entry_2017_v2020.csv.gz --strata sex,age --report out/",
                "  ./lightbox consensus cxr14.lightbox --method majority",
                "  ./lightbox export cxr14.lightbox --format cxr14 --method majority --out consensus.csv",
                "  ./lightbox assign cxr14.lightbox --name \"first look\" --reader r1 --reader r2 --random-per-class 100 --seed 42",
                "  ./lightbox new cxr14.lightbox --name \"CXR14 relabelling\"",
                "  ./lightbox import cxr14 cxr14.lightbox Data_Entry_2017_v2020.csv.gz --images images/"})
final class LightboxCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
