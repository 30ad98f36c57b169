package dev.ale.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.AleException;
import dev.ale.taskpack.PackLimits;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apiguardian.api.API;

/**
 * The {@code ale} command: {@code run}, {@code pack validate|build|list|check}, {@code report
 * show|merge|compare}, {@code rescore} and {@code demo} (see {@code docs/cli.md}). {@link #run}
 * does the work without exiting the JVM, for tests and embedding; {@link #main} exits with its code.
 */
@API(status = EXPERIMENTAL)
public final class Main {
    /** Exit code: the command did what was asked (the run finished; the pack is sound). */
    public static final int OK = 0;
    /** Exit code: the full pass rate is below {@code --fail-under}, or {@code pack check} found unsound tasks. */
    public static final int BELOW = 1;
    /** Exit code: a usage error, or input that cannot be used (a pack that does not open, not a run directory). */
    public static final int USAGE = 2;
    /** Exit code: the run had errors (attempts that ended in {@code ERROR}), or the command failed unexpectedly. */
    public static final int ERRORS = 3;
    /**
     * Exit code: the run was interrupted before it finished (Ctrl-C, a signal, or a harness that
     * called {@code System.exit}); run.json records the session as interrupted.
     */
    public static final int INTERRUPTED = 130;

    /** Kept here: JUL holds loggers weakly, and a collected one would forget its level. */
    private static final Logger SDK_LOG = Logger.getLogger("dev.ale");

    private Main() {}

    /** Runs the command and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, true));
    }

    /**
     * Runs the command with {@code args}, writing results to {@code out} and progress, warnings and
     * errors to {@code err}; returns the exit code ({@link #OK}, {@link #BELOW}, {@link #USAGE}, {@link #ERRORS}).
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean console) {
        List<String> rest = new ArrayList<>(List.of(args));
        int end = rest.indexOf("--");
        List<String> head = end < 0 ? rest : rest.subList(0, end);
        boolean verbose = head.remove("--verbose");
        if (console) {
            // the SDK's System.Logger lines (JUL here): warnings only, unless --verbose; progress has its own line
            SDK_LOG.setLevel(verbose ? Level.INFO : Level.WARNING);
        }
        PackLimits limits;
        try {
            limits = packLimits(head);
        } catch (UsageException e) {
            err.println("ale: " + e.getMessage());
            return USAGE;
        }
        Cli cli = new Cli(out, err, verbose, console && System.console() != null, console, limits);
        try {
            return dispatch(cli, rest);
        } catch (UsageException e) {
            err.println("ale: " + e.getMessage());
            return USAGE;
        } catch (RunFailure e) {
            return fail(cli, e, e.getMessage(), ERRORS);
        } catch (AleException | IllegalArgumentException | IllegalStateException e) {
            return fail(cli, e, e.getMessage(), USAGE);
        } catch (UncheckedIOException e) {
            return fail(cli, e, describe(e.getCause()), USAGE);
        } catch (IOException e) {
            return fail(cli, e, describe(e), USAGE);
        } catch (RuntimeException e) {
            return fail(cli, e, "unexpected failure: " + e, ERRORS);
        }
    }

    private static int dispatch(Cli cli, List<String> args) throws IOException {
        if (args.isEmpty()) {
            cli.err().print(Help.overview());
            return USAGE;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            cli.out()
                    .print(Help.of(
                            command.equals("--version") ? "version" : command.startsWith("-") ? "help" : command));
            return OK;
        }
        return switch (command) {
            case "run" -> RunCommand.run(cli, rest);
            case "demo" -> RunCommand.demo(cli, rest);
            case "pack" -> PackCommand.run(cli, rest);
            case "report" -> ReportCommand.report(cli, rest);
            case "rescore" -> ReportCommand.rescore(cli, rest);
            case "import" -> ImportCommand.run(cli, rest);
            case "help", "--help", "-h" -> {
                cli.out().print(rest.isEmpty() ? Help.overview() : Help.of(rest.get(0)));
                yield OK;
            }
            case "version", "--version" -> {
                cli.out().println("ale " + Help.version());
                yield OK;
            }
            default -> throw new UsageException(
                    "unknown command '" + command + "'; commands: run, pack, report, rescore, import, demo, help");
        };
    }

    private static int fail(Cli cli, Exception e, String message, int code) {
        cli.err().println("ale: " + message);
        if (cli.verbose()) {
            e.printStackTrace(cli.err());
        }
        return code;
    }

    /** A one-line description of an I/O failure. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file or directory: " + n.getFile();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** Takes every {@code --pack-limit NAME=VALUE} out of {@code head}: the limits packs are opened with. */
    static PackLimits packLimits(List<String> head) {
        PackLimits.Builder limits = PackLimits.builder();
        for (int i = head.indexOf("--pack-limit"); i >= 0; i = head.indexOf("--pack-limit")) {
            head.remove(i);
            String setting = i < head.size() ? head.remove(i) : "";
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--pack-limit needs NAME=VALUE (such as maxEntries=2000000), got '" + setting
                        + "'; the limits are " + String.join(", ", PackLimits.NAMES));
            }
            try {
                limits.set(setting.substring(0, eq), setting.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--pack-limit: " + e.getMessage());
            }
        }
        try {
            return limits.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--pack-limit: " + e.getMessage());
        }
    }
}
