package dev.ale.process.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.SessionContext;
import dev.ale.api.Step;
import dev.ale.api.Usage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Turns one output stream of a command-line agent into observation steps of the trajectory (capped,
 * cut at line ends into pieces of about {@link #CHUNK} bytes) and keeps its last lines for messages.
 */
@API(status = INTERNAL)
public final class OutputCapture {
    /** The size of the pieces recorded. */
    public static final int CHUNK = 8 * 1024;

    private static final int TAIL_LINES = 10;
    private static final int LINE_CAP = 500;

    private final SessionContext ctx;
    private final String stream;
    private final long cap;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ArrayDeque<String> lastLines = new ArrayDeque<>();
    private long kept;
    private long dropped;

    /** A capture of {@code stream} ({@code stdout} or {@code stderr}) keeping at most {@code cap} bytes. */
    public OutputCapture(SessionContext ctx, String stream, long cap) {
        this.ctx = ctx;
        this.stream = stream;
        this.cap = cap;
    }

    /** Reads {@code in} to its end on a daemon thread of its own, which it returns. */
    public Thread drain(InputStream in) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[CHUNK];
                    try (in) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            accept(Arrays.copyOf(buffer, n));
                        }
                    } catch (IOException e) {
                        // the process went away: keep what was read
                    }
                },
                "ale-cmd-" + stream);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Takes more bytes of the stream. */
    public synchronized void accept(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n') {
                keepLine();
            } else if (line.size() < LINE_CAP) {
                line.write(b);
            }
        }
        int room = (int) Math.max(0, cap - kept);
        int taken = Math.min(room, bytes.length);
        pending.write(bytes, 0, taken);
        kept += taken;
        dropped += bytes.length - taken;
        if (pending.size() >= CHUNK) {
            byte[] all = pending.toByteArray();
            int cut = all.length;
            while (cut > 0 && all[cut - 1] != '\n') {
                cut--;
            }
            cut = cut == 0 ? all.length : cut;
            record(new String(all, 0, cut, StandardCharsets.UTF_8));
            pending.reset();
            pending.write(all, cut, all.length - cut);
        }
    }

    /** Records what is left, and how much was not recorded. */
    public synchronized void finish() {
        keepLine();
        if (pending.size() > 0) {
            record(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
        }
        if (dropped > 0) {
            record("[" + dropped + " more bytes of " + stream + " not recorded]");
            dropped = 0;
        }
    }

    /** The last lines seen, joined with {@code " | "}. */
    public synchronized String tail() {
        return String.join(" | ", lastLines);
    }

    private void keepLine() {
        String s = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (!s.isEmpty()) {
            lastLines.addLast(s);
            if (lastLines.size() > TAIL_LINES) {
                lastLines.removeFirst();
            }
        }
    }

    private void record(String text) {
        ctx.trajectory()
                .record(new Step(Instant.now(), Step.Kind.OBSERVATION, stream, text, Usage.ZERO, ctx.session()));
    }
}
