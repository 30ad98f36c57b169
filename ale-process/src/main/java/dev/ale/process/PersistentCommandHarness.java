package dev.ale.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.Harness;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import dev.ale.process.internal.AgentProtocol;
import dev.ale.process.internal.CommandLine;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * Runs an external command-line agent as long-lived processes instead of one process per session:
 * each process reads one task per line as JSON on its standard input (the attempt, the instruction,
 * the workspace it must work in, the session and the deadline) and answers each with one JSON line
 * on its standard output ({@code done} or {@code failed} with a message, optional usage and
 * trajectory steps); the first line it gets says the protocol version ({@value #PROTOCOL_VERSION}).
 * The protocol is documented in {@code docs/cli-agents.md}. Make one with
 * {@link CommandHarness#persistent()}, and close it when the run is over.
 *
 * <p>One request is in flight per process: the harness starts a process when an attempt needs one
 * and none is idle (so parallelism {@code n} gives at most {@code n} processes), gives the next
 * session of an attempt to the process that did the last one when it is idle, and replaces a
 * process that exits, hangs past the attempt's deadline (killed: the attempt times out), or writes
 * anything but one JSON object of at most {@link #MAX_LINE_BYTES} bytes per answer on its stdout (a
 * {@link PersistentAgentException} naming the attempt and the rule: a harness error). Its standard
 * error goes to the trajectory of the request in flight (at most {@link #CAPTURE_BYTES} per
 * session) and is dropped between requests. {@link #close()} closes each process's standard input,
 * waits half a second, and kills every process tree.
 *
 * <p>Processes start with the attempt's sandbox's launcher ({@link ProcessSandbox}), with the
 * environment a {@link CommandHarness} would give them but {@code HOME} a private folder of the
 * process. Under bubblewrap a process sees one workspace, {@code /workspace}: before each task the
 * attempt's files are moved (renamed) into it, and after the answer moved back, so it never sees
 * another attempt's folder. What a long-lived process can carry from one attempt to the next
 * (memory, its home folder) is its own; see the documentation for what per-attempt mode isolates
 * that this mode cannot.
 */
@API(status = EXPERIMENTAL)
public final class PersistentCommandHarness implements Harness, AutoCloseable {
    /** The protocol version this harness speaks, sent in the {@code hello} line. */
    public static final int PROTOCOL_VERSION = AgentProtocol.VERSION;

    /** The longest line a process may write on its standard output, in bytes. */
    public static final int MAX_LINE_BYTES = AgentProtocol.MAX_LINE_BYTES;

    /** The most bytes of a process's stderr recorded in the trajectory per session. */
    public static final int CAPTURE_BYTES = CommandHarness.CAPTURE_BYTES;

    private static final List<String> PLACEHOLDERS = List.of("{instruction}", "{workspace}", "{session}", "{task}");
    private static final int REMEMBERED_ATTEMPTS = 4096;

    private final List<String> command;
    private final Map<String, String> environment;
    private final Set<String> passed;
    private final AtomicLong requests = new AtomicLong();
    private final Map<Path, Attempt> attempts = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Attempt> eldest) {
            return size() > REMEMBERED_ATTEMPTS;
        }
    };
    private final AtomicLong attemptNumbers = new AtomicLong();
    private AgentPool pool;
    private boolean closed;

    /** What the harness remembers of an attempt: its id in the protocol and the process of its last session. */
    private static final class Attempt {
        final String id;
        volatile AgentProcess last;

        Attempt(String id) {
            this.id = id;
        }
    }

    PersistentCommandHarness(List<String> command, Map<String, String> environment, Set<String> passed) {
        for (String word : command) {
            for (String p : PLACEHOLDERS) {
                if (word.contains(p)) {
                    throw new IllegalArgumentException("a persistent agent's command cannot hold " + p
                            + ": it starts once for many tasks, each of which it gets on its standard input");
                }
            }
        }
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.passed = Set.copyOf(passed);
    }

    /** The command (program and arguments). */
    public List<String> command() {
        return command;
    }

    /** How many processes this harness has started so far (replacements included). */
    public int processesStarted() {
        AgentPool p;
        synchronized (this) {
            p = pool;
        }
        return p == null ? 0 : p.started();
    }

    @Override
    public String name() {
        return "cmd:" + Path.of(command.get(0)).getFileName();
    }

    @Override
    public String description() {
        return "persistent (protocol " + PROTOCOL_VERSION + "): "
                + String.join(" ", command.stream().map(CommandLine::quote).toList());
    }

    @Override
    public SessionOutcome run(SessionContext ctx) throws Exception {
        ctx.trajectory().message("user", ctx.instruction());
        if (!Instant.now().isBefore(ctx.deadline()) || ctx.cancelled()) {
            return SessionOutcome.gaveUp("not started: the attempt's time was up");
        }
        if (ctx.workspace().getFileSystem() != FileSystems.getDefault()) {
            throw new IllegalStateException("a persistent agent needs a workspace on the local file system;"
                    + " run it with Sandboxes.bubblewrap() or Sandboxes.localDirectory()");
        }
        AgentPool agents = pool(ProcessSandbox.launcherOf(ctx.sandbox()));
        Attempt attempt = attempt(ctx);
        long id = requests.incrementAndGet();
        while (true) {
            AgentProcess process =
                    agents.idle(attempt.last, note -> ctx.trajectory().observation(note));
            boolean fresh = process == null;
            if (fresh) {
                process = agents.start(ctx.workspace());
            }
            attempt.last = process;
            ctx.trajectory().toolCall("exec", "request " + id + " to persistent process " + process.number());
            AgentRequest request = new AgentRequest(agents, process, fresh, ctx, id, attempt.id);
            SessionOutcome outcome = fresh ? request.hello() : null;
            if (outcome == null) {
                outcome = request.run();
            }
            if (outcome != null) {
                return outcome;
            }
            ctx.trajectory()
                    .observation("persistent process " + process.number() + " was replaced: it wrote to stdout"
                            + " while no request was in flight (an answer to an earlier request)");
        }
    }

    /** Ends every process: standard input closed, half a second of grace, then each whole process tree killed. */
    @Override
    public void close() {
        AgentPool p;
        synchronized (this) {
            closed = true;
            p = pool;
            attempts.clear();
        }
        if (p != null) {
            p.close();
        }
    }

    private synchronized Attempt attempt(SessionContext ctx) {
        return attempts.computeIfAbsent(
                ctx.workspace(), w -> new Attempt(ctx.task().id() + "#" + attemptNumbers.incrementAndGet()));
    }

    private synchronized AgentPool pool(ProcessLauncher launcher) {
        if (closed) {
            throw new IllegalStateException("this persistent harness is closed");
        }
        ProcessLauncher base = launcher instanceof ProcessGroup g ? g.launcher() : launcher;
        if (pool == null) {
            Map<String, String> env = new LinkedHashMap<>(ChildEnvironment.of("", passed));
            env.putAll(environment);
            env.put("ALE_AGENT_MODE", "persistent");
            env.put("ALE_PROTOCOL", String.valueOf(PROTOCOL_VERSION));
            pool = new AgentPool(base, command, env);
        } else if (!pool.launcher().name().equals(base.name())) {
            throw new IllegalStateException("this persistent harness runs its processes with the "
                    + pool.launcher().name() + " launcher; this attempt's sandbox uses " + base.name());
        }
        return pool;
    }
}
