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
        return CommandLine.defaultFactory().create(type);
    }
}
