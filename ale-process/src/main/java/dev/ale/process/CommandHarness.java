package dev.ale.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.ExecRequest;
import dev.ale.api.ExecResult;
import dev.ale.api.Harness;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import dev.ale.process.internal.CommandLine;
import dev.ale.process.internal.OutputCapture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>It starts the command the way the attempt's sandbox says ({@link ProcessSandbox}): under
 * bubblewrap with {@code Sandboxes.bubblewrap()}, where the workspace is {@code /workspace} and
 * nothing else of the host's files but the system directories is visible, or directly with
 * {@code Sandboxes.localDirectory()}. The environment is never the SDK's: it is
 * {@link ChildEnvironment}'s allow-list ({@code HOME} is the workspace), the variables named in
 * {@link #withPassedEnvironment}, those given to {@link #withEnvironment} and the {@code ALE_} ones above.
 *
 * <p>Its output is recorded in the trajectory as observation steps named {@code stdout} and
 * {@code stderr} (the first {@link #CAPTURE_BYTES} bytes of each per session). Exit code 0 ends the
 * session as completed; any other as gave up, with the exit code and the last lines of its error
 * output. At the deadline, or as soon as the run cancels the attempt, the command is killed with
 * every process it started; when it exits, the processes it left running are killed too.
 */
@API(status = EXPERIMENTAL)
public final class CommandHarness implements Harness {
    /** The most bytes of each of stdout and stderr recorded in the trajectory per session. */
    public static final int CAPTURE_BYTES = 256 * 1024;

    private static final long POLL_MILLIS = 50;
    /** How long the output of a killed command is still read: a process that escaped may hold a pipe open. */
    private static final long JOIN_MILLIS = 1_000;

    private final List<String> command;
    private final Map<String, String> environment;
    private final Set<String> passed;

    /** A harness running {@code command} (program and arguments, placeholders allowed). */
    public CommandHarness(List<String> command) {
        this(command, Map.of(), Set.of());
    }

    private CommandHarness(List<String> command, Map<String, String> environment, Set<String> passed) {
        this.command = List.copyOf(command);
        if (this.command.isEmpty() || this.command.get(0).isBlank()) {
            throw new IllegalArgumentException("the command of a CommandHarness must name a program");
        }
        this.environment = Map.copyOf(environment);
        this.passed = Set.copyOf(passed);
    }

    /**
     * A harness for a command line, split into words the way a POSIX shell does (single quotes,
     * double quotes with {@code \"}, {@code \\}, {@code \$}, {@code \`} escapes, backslash outside quotes),
     * without any expansion: {@code claude -p --output-format text} or {@code ./agent.sh '{instruction}'}.
     *
     * @throws IllegalArgumentException for an empty line or an unclosed quote
     */
    public static CommandHarness parse(String commandLine) {
        return new CommandHarness(CommandLine.split(commandLine));
    }

    /** This harness with more environment variables for the command (model names, settings). */
    public CommandHarness withEnvironment(Map<String, String> more) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        more.keySet().forEach(ChildEnvironment::checkName);
        env.putAll(more);
        return new CommandHarness(command, env, passed);
    }

    /**
     * This harness passing the SDK's own values of the variables {@code names} (API keys) to the command.
     *
     * @throws IllegalArgumentException for a name that is not a variable name or starts with {@code ALE_}
     */
    public CommandHarness withPassedEnvironment(Collection<String> names) {
        Set<String> all = new LinkedHashSet<>(passed);
        names.forEach(n -> all.add(ChildEnvironment.checkName(n)));
        return new CommandHarness(command, environment, all);
    }

    /**
     * This harness with its program made absolute: a program written with a {@code /}
     * ({@code ./my-agent.sh}) resolved against {@code directory} (where {@code ale} was started),
     * a bare name ({@code claude}) looked up on the PATH.
     *
     * @throws IllegalArgumentException when there is no such executable file, naming it
     */
    public CommandHarness resolvedIn(Path directory) {
        String program = command.get(0);
        Path resolved;
        if (program.contains("/")) {
            resolved = directory.toAbsolutePath().resolve(program).normalize();
        } else {
            resolved = BubblewrapOptions.findOnPath(program, System.getenv("PATH"))
                    .orElseThrow(() ->
                            new IllegalArgumentException("the agent program '" + program + "' is not on the PATH"));
        }
        if (!Files.isRegularFile(resolved)) {
            throw new IllegalArgumentException("the agent program " + resolved + " does not exist"
                    + (program.contains("/")
                            ? " (relative programs are resolved against " + directory.toAbsolutePath() + ")"
                            : ""));
        }
        if (!Files.isExecutable(resolved)) {
            throw new IllegalArgumentException("the agent program " + resolved
                    + " is not executable (chmod +x it, or run it as: sh " + program + ")");
        }
        List<String> absolute = new ArrayList<>(command);
        absolute.set(0, resolved.toString());
        return new CommandHarness(absolute, environment, passed);
    }

    /**
     * This command as a persistent agent: long-lived processes, one per attempt in flight, each
     * taking tasks as JSON lines on stdin and answering on stdout (see {@link PersistentCommandHarness}).
     *
     * @throws IllegalArgumentException when the command holds a placeholder ({@code {instruction}}, ...)
     */
    public PersistentCommandHarness persistent() {
        return new PersistentCommandHarness(command, environment, passed);
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
        return String.join(" ", command.stream().map(CommandLine::quote).toList());
    }

    @Override
    public SessionOutcome run(SessionContext ctx) throws Exception {
        ctx.trajectory().message("user", ctx.instruction());
        ctx.trajectory().toolCall("exec", description());
        if (!Instant.now().isBefore(ctx.deadline()) || ctx.cancelled()) {
            return SessionOutcome.gaveUp("not started: the attempt's time was up");
        }
        String stdin = ctx.instruction().endsWith("\n") ? ctx.instruction() : ctx.instruction() + "\n";
        if (ctx.workspace().getFileSystem() == FileSystems.getDefault()) {
            return runWith(ProcessSandbox.launcherOf(ctx.sandbox()), ctx, stdin);
        }
        if (ctx.sandbox().canExecute()) {
            String ws = ctx.workspace().toString();
            Map<String, String> env = new LinkedHashMap<>(environment);
            passed.forEach(n -> {
                if (System.getenv(n) != null) {
                    env.put(n, System.getenv(n));
                }
            });
            env.putAll(protocol(ctx, ws));
            Duration left = Duration.between(Instant.now(), ctx.deadline());
            ExecResult r = ctx.sandbox().exec(new ExecRequest(arguments(ctx, ws), "", env, stdin, left));
            OutputCapture out = new OutputCapture(ctx, "stdout", CAPTURE_BYTES);
            OutputCapture err = new OutputCapture(ctx, "stderr", CAPTURE_BYTES);
            out.accept(r.stdout().getBytes(StandardCharsets.UTF_8));
            err.accept(r.stderr().getBytes(StandardCharsets.UTF_8));
            out.finish();
            err.finish();
            return r.timedOut() ? SessionOutcome.gaveUp("killed at the deadline") : ended(r.exitCode(), err);
        }
        throw new IllegalStateException("CommandHarness needs a workspace on the local file system or a sandbox"
                + " that can run processes; run it with Sandboxes.bubblewrap() or Sandboxes.localDirectory()");
    }

    private List<String> arguments(SessionContext ctx, String workspace) {
        List<String> argv = new ArrayList<>();
        command.forEach(word -> argv.add(word.replace("{instruction}", ctx.instruction())
                .replace("{workspace}", workspace)
                .replace("{session}", String.valueOf(ctx.session()))
                .replace("{task}", ctx.task().id())));
        return argv;
    }

    private static Map<String, String> protocol(SessionContext ctx, String workspace) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ALE_INSTRUCTION", ctx.instruction());
        env.put("ALE_WORKSPACE", workspace);
        env.put("ALE_SESSION", String.valueOf(ctx.session()));
        env.put("ALE_SESSIONS", String.valueOf(ctx.sessions()));
        env.put("ALE_TASK_ID", ctx.task().id());
        env.put("ALE_DEADLINE", ctx.deadline().toString());
        return env;
    }

    private SessionOutcome runWith(ProcessLauncher launcher, SessionContext ctx, String stdin) throws IOException {
        Mount ws = Mount.readWrite(ctx.workspace(), ProcessSandbox.WORKSPACE);
        String home = launcher.pathOf(ws);
        Map<String, String> env = new LinkedHashMap<>(ChildEnvironment.of(home, passed));
        env.putAll(environment);
        env.putAll(protocol(ctx, home));
        LaunchSpec spec = LaunchSpec.builder(arguments(ctx, home))
                .mount(ws)
                .directory(ctx.workspace())
                .environment(env)
                .build();
        OutputCapture out = new OutputCapture(ctx, "stdout", CAPTURE_BYTES);
        OutputCapture err = new OutputCapture(ctx, "stderr", CAPTURE_BYTES);
        String killed = null;
        List<Thread> threads;
        int exit;
        try (ChildProcess child = launcher.start(spec)) {
            Process process = child.process();
            threads = List.of(
                    out.drain(process.getInputStream()), err.drain(process.getErrorStream()), feed(process, stdin));
            try {
                while (!child.waitFor(POLL_MILLIS)) {
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
            child.kill();
            exit = killed == null ? process.exitValue() : -1;
        }
        for (Thread t : threads) {
            joinQuietly(t);
        }
        out.finish();
        err.finish();
        return killed != null ? SessionOutcome.gaveUp(killed) : ended(exit, err);
    }

    private static SessionOutcome ended(int exitCode, OutputCapture err) {
        if (exitCode == 0) {
            return SessionOutcome.completed();
        }
        String tail = err.tail();
        return SessionOutcome.gaveUp("exit " + exitCode + (tail.isEmpty() ? "" : ": " + tail));
    }

    private static Thread feed(Process process, String text) {
        Thread t = new Thread(
                () -> {
                    try (OutputStream stdin = process.getOutputStream()) {
                        stdin.write(text.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        // the command closed its input without reading it all: that is its business
                    }
                },
                "ale-cmd-stdin");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
