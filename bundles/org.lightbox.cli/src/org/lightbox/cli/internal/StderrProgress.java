package org.lightbox.cli.internal;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.lightbox.dataset.ImportProgress;

/** Import progress as a line on stderr every 10 %; Ctrl-C asks the import to stop after its current batch. */
final class StderrProgress implements ImportProgress {

    private static final int STEP_PERCENT = 10;
    /** How long Ctrl-C waits for the batch in hand to commit before the JVM goes down anyway. */
    private static final long STOP_WAIT_SECONDS = 30;

    private final PrintWriter err;
    private final String name;
    private volatile boolean cancelled;
    private long total = -1;
    private long done;
    private int lastPercent = -STEP_PERCENT;

    StderrProgress(PrintWriter err, String name) {
        this.err = err;
        this.name = name;
    }

    @Override
    public void begin(String task, long totalUnits) {
        total = totalUnits;
        err.println(name + ": " + task);
    }

    @Override
    public void worked(long units) {
        done += units;
        if (total > 0) {
            int percent = (int) Math.min(100, done * 100 / total);
            if (percent >= lastPercent + STEP_PERCENT) {
                lastPercent = percent - percent % STEP_PERCENT;
                err.println(String.format(Locale.ROOT, "%s: %d%%", name, lastPercent));
            }
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** While open, Ctrl-C (or a TERM signal) cancels the import and waits for it to end cleanly. */
    CtrlC stopOnCtrlC() {
        return new CtrlC();
    }

    /** The shutdown hook of one import. */
    final class CtrlC implements AutoCloseable {
        private final CountDownLatch finished = new CountDownLatch(1);
        private final Thread hook = new Thread(this::stop, "lightbox-import-stop");

        private CtrlC() {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        private void stop() {
            cancelled = true;
            err.println(name + ": stopping after the batch in hand; what was committed stays");
            try {
                finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running and now returns
            }
        }
    }
}
