package org.lightbox.cli.tests;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.lightbox.cli.internal.CliApplication;

/** One run of the command line as {@code ./lightbox <command>} runs it, with stdout and stderr captured. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CliApplication.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
