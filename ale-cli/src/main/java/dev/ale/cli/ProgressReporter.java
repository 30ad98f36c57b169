package dev.ale.cli;

import dev.ale.core.Progress;
import dev.ale.core.RunHandle;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Shows how a run is going on stderr: attempts done of the total, passed so far, elapsed time and
 * an estimate of the time left. On a terminal it is one bar redrawn in place; otherwise (a CI log,
 * a file) a plain line whenever attempts finish, at most one every {@link #PLAIN_EVERY}, and always
 * a last one.
 */
final class ProgressReporter implements AutoCloseable {
    static final Duration PLAIN_EVERY = Duration.ofSeconds(5);
    private static final int BAR = 24;

    private final Supplier<Progress> progress;
    private final PrintStream err;
    private final boolean terminal;
    private final Thread thread;
    private volatile boolean stopped;
    private int lastDone = -1;
    private long lastLineNanos;
    private Progress first;

    ProgressReporter(RunHandle handle, PrintStream err, boolean terminal) {
        this(handle::progress, err, terminal);
    }

    ProgressReporter(Supplier<Progress> progress, PrintStream err, boolean terminal) {
        this.progress = progress;
        this.err = err;
        this.terminal = terminal;
        this.thread = new Thread(this::loop, "ale-progress");
        thread.setDaemon(true);
    }

    /** Starts printing progress until {@link #close()}. */
    void start() {
        thread.start();
    }

    private void loop() {
        while (!stopped) {
            tick();
            try {
                Thread.sleep(terminal ? 200 : 500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Shows the progress now if a line is due. */
    void tick() {
        show(progress.get(), false);
    }

    private synchronized void show(Progress p, boolean last) {
        if (first == null) {
            first = p;
        }
        if (terminal) {
            err.print("\r" + line(p, first, true) + "\033[K" + (last ? "\n" : ""));
            err.flush();
            return;
        }
        long now = System.nanoTime();
        boolean due = p.done() != lastDone && now - lastLineNanos >= PLAIN_EVERY.toNanos();
        // the last line only when the state it shows has not been printed already
        if ((last && p.done() != lastDone) || due) {
            err.println(line(p, first, false));
            lastDone = p.done();
            lastLineNanos = now;
        }
    }

    /** The progress in one line, with a bar when {@code bar}; the ETA goes by the pace since {@code base}. */
    static String line(Progress p, Progress base, boolean bar) {
        StringBuilder b = new StringBuilder();
        if (bar) {
            int filled = p.total() == 0 ? BAR : (int) ((long) BAR * p.done() / p.total());
            b.append('[')
                    .append("#".repeat(filled))
                    .append("-".repeat(BAR - filled))
                    .append("] ");
        }
        b.append(p.done())
                .append('/')
                .append(p.total())
                .append(" done, ")
                .append(p.passed())
                .append(" passed");
        if (p.failed() > 0) {
            b.append(", ").append(p.failed()).append(" failed");
        }
        if (p.errors() > 0) {
            b.append(", ").append(p.errors()).append(p.errors() == 1 ? " error" : " errors");
        }
        b.append(", elapsed ").append(format(p.elapsed()));
        Duration eta = eta(base, p);
        if (eta != null && p.done() < p.total()) {
            b.append(", ETA ").append(format(eta));
        }
        return b.toString();
    }

    /**
     * Time left at the pace of the attempts finished since {@code base} (the first progress seen, so
     * attempts resumed from the journal do not count as fast work); null before any has finished.
     */
    static @Nullable Duration eta(Progress base, Progress p) {
        int finished = p.done() - base.done();
        if (finished <= 0) {
            return null;
        }
        long nanos = p.elapsed().minus(base.elapsed()).toNanos();
        return Duration.ofNanos(nanos / finished * (p.total() - p.done()));
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        }
        return s < 3600
                ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    /** Stops the updates and shows the final state. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        show(progress.get(), true);
    }
}
