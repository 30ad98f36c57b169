package dev.ale.samples;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.ExecRequest;
import dev.ale.api.ExecResult;
import dev.ale.api.Harness;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import dev.ale.api.Step;
import dev.ale.api.Usage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Runs an external command-line agent ({@code claude -p}, {@code codex exec}, a shell script) as
 * the harness, once per session, in the session's workspace. The instruction reaches it three
 * ways: on standard input, in place of a {@code {instruction}} placeholder in the command, and in
 * the environment variable {@code ALE_INSTRUCTION} (with {@code ALE_WORKSPACE}, {@code ALE_SESSION},
 * {@code ALE_SESSIONS}, {@code ALE_TASK_ID} and {@code ALE_DEADLINE}). Placeholders {@code {workspace}},
 * {@code {session}} and {@code {task}} are replaced too. The command is run directly, never through a
 * shell, so an instruction cannot inject commands.
 *
 * <p>Its output is recorded in the trajectory as observation steps named {@code stdout} and
 * {@code stderr} (the first {@link #CAPTURE_BYTES} bytes of each per session). Exit code 0 ends the
 * session as completed; any other as gave up, with the exit code and the last lines of its error
 * output. At the deadline, or as soon as the run cancels the attempt, the command is killed with
 * every process it started; when it exits, the processes it left running are killed too. It needs
 * a workspace on the local file system ({@code Sandboxes.localDirectory()}), or a sandbox that can
 * run processes itself.
 */
@API(status = EXPERIMENTAL)
public final class CommandHarness implements Harness {
    /** The most bytes of each of stdout and stderr recorded in the trajectory per session. */
    public static final int CAPTURE_BYTES = 256 * 1024;

    private static final int CHUNK = 8 * 1024;
    private static final int TAIL_LINES = 10;

    private final List<String> command;
    private final Map<String, String> environment;

    /** A harness running {@code command} (program and arguments, placeholders allowed). */
    public CommandHarness(List<String> command) {
        this(command, Map.of());
    }

    private CommandHarness(List<String> command, Map<String, String> environment) {
        this.command = List.copyOf(command);
        if (this.command.isEmpty() || this.command.get(0).isBlank()) {
            throw new IllegalArgumentException("the command of a CommandHarness must name a program");
        }
        this.environment = Map.copyOf(environment);
    }

    /**
     * A harness for a command line, split into words the way a POSIX shell does (single quotes,
     * double quotes with {@code \"}, {@code \\}, {@code \$}, {@code \`} escapes, backslash outside quotes),
     * without any expansion: {@code claude -p --output-format text} or {@code ./agent.sh '{instruction}'}.
     *
     * @throws IllegalArgumentException for an empty line or an unclosed quote
     */
    public static CommandHarness parse(String commandLine) {
        return new CommandHarness(split(commandLine));
    }

    /** This harness with more environment variables for the command (API keys, model names). */
    public CommandHarness withEnvironment(Map<String, String> more) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(more);
        return new CommandHarness(command, env);
    }

    /** The command, placeholders unreplaced. */
    public List<String> command() {
        return command;
    }

    @Override
    public String name() {
        return "cmd:" + Path.of(command.get(0)).getFileName();
    }

    @Override
    public String description() {
        return String.join(" ", command.stream().map(CommandHarness::quote).toList());
    }

    @Override
    public SessionOutcome run(SessionContext ctx) throws Exception {
        ctx.trajectory().message("user", ctx.instruction());
        List<String> argv = new ArrayList<>();
        command.forEach(word -> argv.add(word.replace("{instruction}", ctx.instruction())
                .replace("{workspace}", ctx.workspace().toString())
                .replace("{session}", String.valueOf(ctx.session()))
                .replace("{task}", ctx.task().id())));
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("ALE_INSTRUCTION", ctx.instruction());
        env.put("ALE_WORKSPACE", ctx.workspace().toAbsolutePath().toString());
        env.put("ALE_SESSION", String.valueOf(ctx.session()));
        env.put("ALE_SESSIONS", String.valueOf(ctx.sessions()));
        env.put("ALE_TASK_ID", ctx.task().id());
        env.put("ALE_DEADLINE", ctx.deadline().toString());
        ctx.trajectory().toolCall("exec", description());
        if (!Instant.now().isBefore(ctx.deadline()) || ctx.cancelled()) {
            return SessionOutcome.gaveUp("not started: the attempt's time was up");
        }
        String stdin = ctx.instruction().endsWith("\n") ? ctx.instruction() : ctx.instruction() + "\n";
        if (ctx.workspace().getFileSystem() == FileSystems.getDefault()) {
            return runLocally(ctx, argv, env, stdin);
        }
        if (ctx.sandbox().canExecute()) {
            Duration left = Duration.between(Instant.now(), ctx.deadline());
            ExecResult r = ctx.sandbox().exec(new ExecRequest(argv, "", env, stdin, left));
            Capture out = new Capture(ctx, "stdout");
            Capture err = new Capture(ctx, "stderr");
            out.accept(r.stdout().getBytes(StandardCharsets.UTF_8));
            err.accept(r.stderr().getBytes(StandardCharsets.UTF_8));
            out.finish();
            err.finish();
            return r.timedOut() ? SessionOutcome.gaveUp("killed at the deadline") : ended(r.exitCode(), err);
        }
        throw new IllegalStateException("CommandHarness needs a workspace on the local file system or a sandbox"
                + " that can run processes; run it with Sandboxes.localDirectory()");
    }

    private SessionOutcome runLocally(SessionContext ctx, List<String> argv, Map<String, String> env, String stdin)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(ctx.workspace().toFile());
        pb.environment().putAll(env);
        Process process = pb.start();
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        Capture out = new Capture(ctx, "stdout");
        Capture err = new Capture(ctx, "stderr");
        List<Thread> threads = List.of(
                drain(process.getInputStream(), out),
                drain(process.getErrorStream(), err),
                daemon("ale-cmd-stdin", () -> feed(process.getOutputStream(), stdin)));
        String killed = null;
        try {
            for (int polls = 0; !process.waitFor(50, TimeUnit.MILLISECONDS); polls++) {
                if (polls % 10 == 0) {
                    process.descendants().forEach(tree::add);
                }
                if (ctx.cancelled()) {
                    killed = "killed: the attempt was cancelled";
                } else if (!Instant.now().isBefore(ctx.deadline())) {
                    killed = "killed at the deadline";
                }
                if (killed != null) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            killed = "killed: the harness was interrupted";
            Thread.currentThread().interrupt();
        }
        killTree(process, tree);
        for (Thread t : threads) {
            joinQuietly(t);
        }
        out.finish();
        err.finish();
        return killed != null ? SessionOutcome.gaveUp(killed) : ended(process.exitValue(), err);
    }

    private static SessionOutcome ended(int exitCode, Capture err) {
        if (exitCode == 0) {
            return SessionOutcome.completed();
        }
        String tail = err.tail();
        return SessionOutcome.gaveUp("exit " + exitCode + (tail.isEmpty() ? "" : ": " + tail));
    }

    /**
     * Kills the process (unless it has exited) and every process it started that is still alive: those
     * alive now and those seen while it ran. Killing through the process handle leaves the output
     * streams open, so the readers still get everything that was written.
     */
    private static void killTree(Process process, Set<ProcessHandle> seen) {
        Set<ProcessHandle> all = new LinkedHashSet<>(seen);
        process.descendants().forEach(all::add);
        process.toHandle().destroyForcibly();
        process.descendants().forEach(all::add);
        all.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            for (ProcessHandle h : all) {
                h.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a process that will not die is the operating system's to reap
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Thread drain(InputStream in, Capture sink) {
        return daemon("ale-cmd-" + sink.stream, () -> {
            byte[] buffer = new byte[CHUNK];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    sink.accept(java.util.Arrays.copyOf(buffer, n));
                }
            } catch (IOException e) {
                // the process went away: keep what was read
            }
        });
    }

    private static void feed(OutputStream stdin, String text) {
        try (stdin) {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the command closed its input without reading it all: that is its business
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Turns one output stream into observation steps (capped, cut at line ends) and keeps its last lines. */
    private static final class Capture {
        private final SessionContext ctx;
        private final String stream;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final ArrayDeque<String> lastLines = new ArrayDeque<>();
        private long kept;
        private long dropped;

        Capture(SessionContext ctx, String stream) {
            this.ctx = ctx;
            this.stream = stream;
        }

        synchronized void accept(byte[] bytes) {
            for (byte b : bytes) {
                if (b == '\n') {
                    keepLine();
                } else if (line.size() < 500) {
                    line.write(b);
                }
            }
            int room = (int) Math.max(0, CAPTURE_BYTES - kept);
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

        synchronized void finish() {
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

        synchronized String tail() {
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

    /** Splits a command line into words like a POSIX shell, without expansions. */
    static List<String> split(String line) {
        Objects.requireNonNull(line, "commandLine");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException(
                    "unclosed " + (quote == '"' ? "double" : "single") + " quote in: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the command line is empty");
        }
        return words;
    }

    private static String quote(String word) {
        return !word.isEmpty()
                        && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./:=@%+,{}".indexOf(c) >= 0)
                ? word
                : "'" + word.replace("'", "'\\''") + "'";
    }
}
