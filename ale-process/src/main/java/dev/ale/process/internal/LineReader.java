package dev.ale.process.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * Reads a process's standard output as lines of at most {@code maxBytes} bytes on a daemon thread
 * of its own, and hands them over one at a time, with a bounded wait. A longer line, or the end of
 * the stream, is handed over as such and ends the reading.
 */
@API(status = INTERNAL)
public final class LineReader {
    /** What the reader saw next. */
    @API(status = INTERNAL)
    public enum Kind {
        /** A whole line (without its line break). */
        LINE,
        /** A line longer than the limit: reading stopped there. */
        TOO_LONG,
        /** More lines than anyone asked for were waiting: reading stopped there. */
        FLOOD,
        /** The end of the stream: the process closed it or exited. */
        END
    }

    /** One thing the reader saw: a line's bytes, or an empty array for {@link Kind#TOO_LONG} and {@link Kind#END}. */
    @API(status = INTERNAL)
    public record Event(Kind kind, byte[] bytes) {}

    private static final int BUFFER = 8192;
    /** At most this many lines wait to be taken: reading stops at the next (one answer is expected per task). */
    private static final int QUEUED = 16;

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final int maxBytes;

    private LineReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Starts reading {@code in} on a daemon thread named {@code name}. */
    public static LineReader start(InputStream in, int maxBytes, String name) {
        LineReader r = new LineReader(maxBytes);
        Thread t = new Thread(() -> r.read(in), name);
        t.setDaemon(true);
        t.start();
        return r;
    }

    /**
     * The next event, waiting until {@code until} at most in steps of {@code stepMillis} (between
     * which {@code stop} is asked whether to give up); null when the time ran out or {@code stop} said so.
     */
    public Event next(Instant until, long stepMillis, BooleanSupplier stop) throws InterruptedException {
        while (true) {
            long left = until.toEpochMilli() - System.currentTimeMillis();
            if (left <= 0 || stop.getAsBoolean()) {
                return events.poll();
            }
            Event e = events.poll(Math.min(left, stepMillis), TimeUnit.MILLISECONDS);
            if (e != null) {
                return e;
            }
        }
    }

    /** Whether something was written that nobody has taken yet. */
    public boolean pending() {
        return !events.isEmpty();
    }

    private void read(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, start, i - start);
                        if (line.size() > maxBytes) {
                            events.add(new Event(Kind.TOO_LONG, new byte[0]));
                            return;
                        }
                        if (events.size() >= QUEUED) {
                            events.add(new Event(Kind.FLOOD, new byte[0]));
                            return;
                        }
                        events.add(new Event(Kind.LINE, line.toByteArray()));
                        line.reset();
                        start = i + 1;
                    }
                }
                line.write(buffer, start, n - start);
                if (line.size() > maxBytes) {
                    events.add(new Event(Kind.TOO_LONG, new byte[0]));
                    return;
                }
            }
        } catch (IOException e) {
            // the process went away: that is the end of its output
        }
        events.add(new Event(Kind.END, new byte[0]));
    }
}
