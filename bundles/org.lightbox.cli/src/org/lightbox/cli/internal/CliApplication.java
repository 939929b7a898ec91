package org.lightbox.cli.internal;

import java.io.PrintWriter;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

import picocli.CommandLine;

/** The headless Equinox application behind {@code ./lightbox <command> ...}; returns the command's exit code. */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        context.applicationRunning();
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        return run(args == null ? new String[0] : args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs one command line; separate from {@link #start} so that tests can capture the output. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Services services = new Services();
        try {
            CommandLine cli = new CommandLine(new LightboxCommand(), new CommandFactory(services));
            cli.setOut(out);
            cli.setErr(err);
            cli.setExecutionExceptionHandler((e, line, parsed) -> {
                line.getErr().println("lightbox: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
                return 1;
            });
            return cli.execute(args);
        } finally {
            services.close();
        }
    }

    @Override
    public void stop() {
        // commands are short; nothing to interrupt
    }
}
