package org.lightbox.cli.internal;

import picocli.CommandLine;

/** Hands the OSGi services to the commands picocli creates. */
final class CommandFactory implements CommandLine.IFactory {

    private final Services services;

    CommandFactory(Services services) {
        this.services = services;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == InfoCommand.class) {
            return type.cast(new InfoCommand(services));
        }
        if (type == DemoCommand.class) {
            return type.cast(new DemoCommand(services));
        }
        if (type == NewCommand.class) {
            return type.cast(new NewCommand(services));
        }
        if (type == ImportCommand.class) {
            return type.cast(new ImportCommand(services));
        }
        if (type == AgreeCommand.class) {
            return type.cast(new AgreeCommand(services));
        }
        if (type == EvaluateCommand.class) {
            return type.cast(new EvaluateCommand(services));
        }
        if (type == ConsensusCommand.class) {
            return type.cast(new ConsensusCommand(services));
        }
        if (type == ExportCommand.class) {
            return type.cast(new ExportCommand(services));
        }
        if (type == AssignCommand.class) {
            return type.cast(new AssignCommand(services));
        }
        if (type == PhantomCommand.class) {
            return type.cast(new PhantomCommand());
        }
        return CommandLine.defaultFactory().create(type);
    }
}
