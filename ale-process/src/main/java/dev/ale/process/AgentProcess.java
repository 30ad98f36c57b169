package dev.ale.process;

import dev.ale.process.internal.AgentProtocol;
import dev.ale.process.internal.LineReader;
import dev.ale.process.internal.OutputCapture;
import dev.ale.process.internal.Slot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;

/**
 * One long-lived agent process of a {@link PersistentCommandHarness}: its standard input (one JSON
 * line per request), its standard output read as bounded lines, its standard error drained into
 * the trajectory of the request in flight (and dropped between requests), and its private folder:
 * its {@code HOME} and, when its launcher shows it the host's paths under other names (bubblewrap),
 * the {@link Slot} that is its workspace.
 */
final class AgentProcess implements AutoCloseable {
    /** Where a process under bubblewrap finds its home folder. */
    static final String HOME = "/home/agent";

    private static final long STEP_MILLIS = 50;
    private static final long EXIT_MILLIS = 1_000;
    private static final byte[] END_OF_INPUT = new byte[0];

    private final int number;
    private final ChildProcess child;
    private final BlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>();
    private final LineReader stdout;
    private final Thread stderrDrain;
    private final Path dir;
    private final Slot slot;
    private final String workspaceInside;
    private volatile OutputCapture stderr;

    private AgentProcess(int number, ChildProcess child, Path dir, Slot slot, String workspaceInside) {
        this.number = number;
        this.child = child;
        this.dir = dir;
        this.slot = slot;
        this.workspaceInside = workspaceInside;
        feed(child.process().getOutputStream(), "ale-persistent-" + number + "-in");
        this.stdout = LineReader.start(
                child.process().getInputStream(), AgentProtocol.MAX_LINE_BYTES, "ale-persistent-" + number + "-out");
        this.stderrDrain = drain(child.process().getErrorStream(), "ale-persistent-" + number + "-err");
    }

    /**
     * Starts process number {@code number} of {@code command} with {@code launcher}, its private
     * folder made under {@code parent}.
     */
    static AgentProcess start(
            int number, ProcessLauncher launcher, List<String> command, Map<String, String> env, Path parent)
            throws IOException {
        Path dir = Files.createTempDirectory(parent, "agent-" + number + "-");
        try {
            Path home = Files.createDirectory(dir.resolve("home"));
            Mount homeMount = Mount.readWrite(home, HOME);
            Path slotDir = Files.createDirectory(dir.resolve("workspace"));
            Mount ws = Mount.readWrite(slotDir, ProcessSandbox.WORKSPACE);
            boolean mapped = !launcher.pathOf(ws).equals(slotDir.toString());
            Map<String, String> all = new LinkedHashMap<>(env);
            all.put("HOME", launcher.pathOf(homeMount));
            LaunchSpec spec = LaunchSpec.builder(command)
                    .mount(homeMount)
                    .mount(ws)
                    .directory(mapped ? slotDir : home)
                    .environment(all)
                    .build();
            ChildProcess child = launcher.start(spec);
            return new AgentProcess(
                    number, child, dir, mapped ? new Slot(slotDir) : null, mapped ? launcher.pathOf(ws) : null);
        } catch (IOException | RuntimeException e) {
            Slot.deleteTree(dir);
            throw e;
        }
    }

    int number() {
        return number;
    }

    /** The slot this process sees as its workspace; empty when it sees the attempt's workspace itself. */
    Optional<Slot> slot() {
        return Optional.ofNullable(slot);
    }

    /** Where the process finds {@code workspace} (the host path, or the slot's inside path). */
    String workspaceFor(Path workspace) {
        return workspaceInside != null ? workspaceInside : workspace.toString();
    }

    /**
     * Sends one line, on the process's writer thread: a process that does not read its input
     * cannot block the attempt past its deadline.
     */
    void send(String line) {
        outbox.add((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The next event on stdout, waiting until {@code until} or {@code stop}: null if none came. */
    LineReader.Event next(Instant until, BooleanSupplier stop) throws InterruptedException {
        return stdout.next(until, STEP_MILLIS, stop);
    }

    /** Sends the process's standard error to {@code capture} from now on (null: drop it). */
    void stderrTo(OutputCapture capture) {
        stderr = capture;
    }

    /** Whether the process can take a request: alive, and nothing written that nobody asked for. */
    Optional<String> unusable() {
        if (!child.process().isAlive()) {
            return Optional.of("it had exited (code " + child.process().exitValue() + ")");
        }
        if (stdout.pending()) {
            return Optional.of("it wrote to stdout while no request was in flight");
        }
        return Optional.empty();
    }

    /** The exit code once the process has ended (waiting a little for it, and for its stderr), or empty. */
    Optional<Integer> exitCode() throws InterruptedException {
        if (!child.waitFor(EXIT_MILLIS)) {
            return Optional.empty();
        }
        stderrDrain.join(EXIT_MILLIS);
        return Optional.of(child.process().exitValue());
    }

    /** Remembers the processes it has started by now, so that killing it later kills them too. */
    void watch() {
        child.watch();
    }

    /** Kills the process with every process it started. */
    void kill() {
        child.kill();
    }

    /** Closes the process's standard input once what was sent is written: the agent's sign that the run is over. */
    void endInput() {
        outbox.add(END_OF_INPUT);
    }

    /** Waits up to {@code millis} for the process to exit; whether it has. */
    boolean awaitExit(long millis) {
        try {
            return child.waitFor(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the whole tree and removes the process's folder; never throws. */
    @Override
    public void close() {
        child.close();
        endInput();
        try {
            Slot.deleteTree(dir);
        } catch (IOException e) {
            // a file the process made undeletable: it stays in the temporary folder
        }
    }

    private void feed(OutputStream stdin, String name) {
        Thread t = new Thread(
                () -> {
                    try (stdin) {
                        for (byte[] line = outbox.take(); line != END_OF_INPUT; line = outbox.take()) {
                            stdin.write(line);
                            stdin.flush();
                        }
                    } catch (IOException e) {
                        // the process closed its input or died: its stdout says so to whoever waits
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                name);
        t.setDaemon(true);
        t.start();
    }

    private Thread drain(InputStream in, String name) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[OutputCapture.CHUNK];
                    try (in) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            OutputCapture to = stderr;
                            if (to != null) {
                                to.accept(Arrays.copyOf(buffer, n));
                            }
                        }
                    } catch (IOException e) {
                        // the process went away
                    }
                },
                name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
