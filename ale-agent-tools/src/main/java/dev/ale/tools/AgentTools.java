package dev.ale.tools;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.ExecRequest;
import dev.ale.api.ExecResult;
import dev.ale.api.SessionContext;
import dev.ale.api.Step;
import dev.ale.api.Usage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The tools an LLM agent needs in a sandbox, for one session: {@code list_files}, {@code read_file},
 * {@code write_file}, {@code edit_file}, {@code search_files} and, where the sandbox can run
 * processes, {@code run_command}. Each is a plain Java method and, through {@link #specs()} and
 * {@link #call(String, String)}, a function a model can call by name with JSON arguments.
 *
 * <p>Every path is confined to the workspace (absolute paths, {@code ..} and symbolic links that
 * lead out are refused), every output is capped by {@link ToolLimits} with a note saying what was
 * cut, and every call is recorded in the session's trajectory: a {@code TOOL_CALL} step with the
 * arguments, then an {@code OBSERVATION} step (named after the tool) with the output. A refused or
 * failed call returns a {@link ToolResult} whose text says why; the methods never throw for a bad call.
 */
@API(status = EXPERIMENTAL)
public final class AgentTools {
    private final SessionContext ctx;
    private final ToolLimits limits;
    private volatile WorkspacePaths paths;

    private AgentTools(SessionContext ctx, ToolLimits limits) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The tools of a session with the {@linkplain ToolLimits#defaults() default limits}. */
    public static AgentTools forSession(SessionContext ctx) {
        return new AgentTools(ctx, ToolLimits.defaults());
    }

    /** The tools of a session with the given limits. */
    public static AgentTools forSession(SessionContext ctx, ToolLimits limits) {
        return new AgentTools(ctx, limits);
    }

    /** The tools on offer, with their JSON Schemas; {@code run_command} only where the sandbox can run processes. */
    public List<ToolSpec> specs() {
        return ToolSchemas.all(limits, ctx.sandbox().canExecute());
    }

    /**
     * Calls the tool {@code name} with its arguments as the model sent them (a JSON object), and
     * records the call. An unknown tool, bad JSON or a bad argument gives an error result.
     */
    public ToolResult call(String name, String argumentsJson) {
        Arguments a;
        try {
            a = Arguments.parse(argumentsJson);
            return switch (Objects.requireNonNullElse(name, "")) {
                case ToolSchemas.LIST_FILES -> listFiles(a.string("path", "."), a.integer("depth", 2));
                case ToolSchemas.READ_FILE -> readFile(
                        a.string("path"), a.integer("start_line", 1), a.integer("end_line", 0));
                case ToolSchemas.WRITE_FILE -> writeFile(a.string("path"), a.string("content"));
                case ToolSchemas.EDIT_FILE -> editFile(
                        a.string("path"), a.string("old_string"), a.string("new_string"), a.bool("replace_all", false));
                case ToolSchemas.SEARCH_FILES -> searchFiles(
                        a.string("pattern"), a.string("path", "."), a.string("include", null), a.bool("regex", false));
                case ToolSchemas.RUN_COMMAND -> runCommand(
                        a.string("command"), Duration.ofSeconds(Math.max(1, a.integer("timeout_seconds", (int)
                                limits.commandTimeout().toSeconds()))));
                default -> throw new ToolException("there is no tool '" + name + "'; the tools are "
                        + specs().stream().map(ToolSpec::name).collect(Collectors.joining(", ")));
            };
        } catch (ToolException e) {
            return record(
                    Objects.requireNonNullElse(name, ""),
                    argumentsJson == null ? "" : argumentsJson,
                    ToolResult.failed(e.getMessage()));
        }
    }

    /** Lists {@code path} (relative to the workspace) down to {@code depth} levels (1 to 10). */
    public ToolResult listFiles(String path, int depth) {
        ObjectNode args = Arguments.object().put("path", path).put("depth", depth);
        return invoke(ToolSchemas.LIST_FILES, args, false, () -> files().list(path, depth));
    }

    /** Reads lines {@code startLine} to {@code endLine} (1-based, inclusive; 0 for the end) of a text file. */
    public ToolResult readFile(String path, int startLine, int endLine) {
        ObjectNode args = Arguments.object()
                .put("path", path)
                .put("start_line", startLine)
                .put("end_line", endLine);
        return invoke(ToolSchemas.READ_FILE, args, false, () -> files().read(path, startLine, endLine));
    }

    /** Creates or overwrites a file with {@code content} (UTF-8), creating missing parent directories. */
    public ToolResult writeFile(String path, String content) {
        ObjectNode args = Arguments.object().put("path", path).put("content", content);
        return invoke(ToolSchemas.WRITE_FILE, args, false, () -> files().write(path, content));
    }

    /** Replaces {@code oldText} by {@code newText} in a text file: it must occur once, or {@code replaceAll}. */
    public ToolResult editFile(String path, String oldText, String newText, boolean replaceAll) {
        ObjectNode args = Arguments.object()
                .put("path", path)
                .put("old_string", oldText)
                .put("new_string", newText)
                .put("replace_all", replaceAll);
        return invoke(ToolSchemas.EDIT_FILE, args, false, () -> files().edit(path, oldText, newText, replaceAll));
    }

    /** The lines under {@code path} holding {@code pattern} (a regular expression when {@code regex}), in files matching {@code include} (a glob, or null). */
    public ToolResult searchFiles(String pattern, String path, @Nullable String include, boolean regex) {
        ObjectNode args = Arguments.object()
                .put("pattern", pattern)
                .put("path", path)
                .put("include", include)
                .put("regex", regex);
        return invoke(ToolSchemas.SEARCH_FILES, args, false, () -> new SearchTool(paths(), limits)
                .search(pattern, path, include, regex));
    }

    /** Runs a shell command in the workspace through the sandbox, for at most {@code timeout} (and the limits and deadline). */
    public ToolResult runCommand(String command, Duration timeout) {
        ObjectNode args = Arguments.object().put("command", command).put("timeout_seconds", timeout.toSeconds());
        return invoke(ToolSchemas.RUN_COMMAND, args, true, () -> command(command, timeout));
    }

    private String command(String command, Duration requested) throws ToolException, IOException {
        if (!ctx.sandbox().canExecute()) {
            throw new ToolException("this sandbox cannot run processes; run_command is not available");
        }
        Duration left = Duration.between(Instant.now(), ctx.deadline());
        Duration timeout = min(min(requested, limits.commandTimeout()), left);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ToolException("the session's deadline has passed");
        }
        ExecResult r =
                ctx.sandbox().exec(new ExecRequest(List.of("/bin/sh", "-c", command), "", Map.of(), "", timeout));
        StringBuilder b = new StringBuilder("exit code ").append(r.exitCode());
        if (r.timedOut()) {
            b.append(" (stopped after ").append(timeout.toSeconds()).append(" s)");
        }
        b.append('\n').append(r.stdout());
        if (!r.stderr().isEmpty()) {
            b.append(r.stdout().isEmpty() || r.stdout().endsWith("\n") ? "" : "\n")
                    .append("[stderr]\n")
                    .append(r.stderr());
        }
        return b.toString();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One tool's work: the output text, or a refusal. */
    @FunctionalInterface
    private interface Body {
        String run() throws ToolException, IOException;
    }

    private ToolResult invoke(String name, ObjectNode args, boolean keepTail, Body body) {
        ToolResult result;
        try {
            String out = body.run();
            boolean over = Output.over(out, limits.maxOutputChars());
            result = new ToolResult(
                    keepTail
                            ? Output.headAndTail(out, limits.maxOutputChars())
                            : Output.head(out, limits.maxOutputChars()),
                    false,
                    over);
        } catch (ToolException e) {
            result = ToolResult.failed(e.getMessage());
        } catch (IOException e) {
            result = ToolResult.failed(name + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + relativeMessage(e.getMessage())));
        } catch (SearchTool.RegexBudgetExceeded e) {
            result = ToolResult.failed(e.getMessage());
        } catch (RuntimeException e) {
            result = ToolResult.failed(name + " failed: " + e.getClass().getSimpleName());
        }
        return record(name, args.toString(), result);
    }

    /** An I/O message with the workspace's absolute location taken out (the model works with relative paths). */
    private String relativeMessage(String message) {
        WorkspacePaths p = paths;
        return p == null
                ? message
                : message.replace(p.root().toString() + p.root().getFileSystem().getSeparator(), "")
                        .replace(p.root().toString(), ".");
    }

    private ToolResult record(String name, String arguments, ToolResult result) {
        ctx.trajectory().toolCall(name, arguments);
        ctx.trajectory()
                .record(new Step(
                        Instant.now(), Step.Kind.OBSERVATION, name, result.output(), Usage.ZERO, ctx.session()));
        return result;
    }

    private FileTools files() throws IOException {
        return new FileTools(paths(), limits);
    }

    private WorkspacePaths paths() throws IOException {
        WorkspacePaths p = paths;
        if (p == null) {
            p = new WorkspacePaths(ctx.workspace());
            paths = p;
        }
        return p;
    }
}
