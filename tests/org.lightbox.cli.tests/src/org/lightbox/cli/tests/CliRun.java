package org.lightbox.cli.tests;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lightbox.cli.internal.CliApplication;

/** One run of the command line as {@code ./lightbox <command>} runs it, with stdout and stderr captured. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CliApplication.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * A project as a lead makes one: {@code new panel.lightbox} in the folder, then {@code import cxr14} of these
     * Data_Entry rows (the header is added). Returns the project file; fails when either command does.
     */
    static String cxr14Project(Path dir, String dataEntryRows) throws IOException {
        String file = dir.resolve("panel.lightbox").toString();
        CliRun created = run("new", file);
        if (created.exitCode() != 0) {
            throw new AssertionError("new failed: " + created.err());
        }
        Path labels = Files.writeString(dir.resolve("Data_Entry.csv"),
                "Image Index,Finding Labels,Follow-up #,Patient ID,Patient Age,Patient Gender,View Position\n" + dataEntryRows);
        CliRun imported = run("import", "cxr14", file, labels.toString());
        if (imported.exitCode() != 0) {
            throw new AssertionError("import cxr14 failed: " + imported.err());
        }
        return file;
    }
}
