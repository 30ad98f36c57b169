package dev.ale.cli;

import dev.ale.api.Outcome;
import dev.ale.api.spi.VerifierPolicy;
import dev.ale.core.EvaluationListener;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.RunHandle;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import dev.ale.verifiers.VerifierRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code ale run} and {@code ale demo}: run a harness over a pack, with progress, a summary and an exit code. */
final class RunCommand {
    /** How often an attempt that ended in ERROR is run again, as the SDK's default. */
    static final int DEFAULT_RETRIES = 2;

    /** The options of one run, checked before anything is opened. */
    record Options(
            int trials,
            int parallel,
            int shardIndex,
            int shardCount,
            Optional<Path> out,
            Optional<Double> failUnder,
            Optional<Duration> timeout,
            SandboxChoice sandbox,
            int retries,
            VerifierPolicy policy,
            Optional<String> referenceKeyFile) {}

    private RunCommand() {}

    static int run(Cli cli, List<String> tokens) {
        Args a = Args.parse(Usages.RUN, tokens);
        String location =
                a.positional(1, "one pack (a directory, .zip, .tar or .tgz)").get(0);
        Harnesses harnesses = Harnesses.of(
                a.required("harness"),
                Harnesses.passEnv(a.value("pass-env")),
                Harnesses.CommandMode.of(a.value("cmd-mode")));
        Options o = options(a, harnesses.external());
        o.sandbox().warning().ifPresent(w -> cli.err().println("ale: warning: " + w));
        try (harnesses;
                TaskPack pack = cli.open(location, a.value("select"), o.policy())) {
            return finish(cli, execute(cli, pack, harnesses, o), o);
        }
    }

    /** A fresh run directory for the demo, {@code runs/demo-<UTC time>}, so its reports can be opened. */
    private static Path demoDirectory() {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        return Path.of("runs", "demo-" + stamp);
    }

    static int demo(Cli cli, List<String> tokens) throws IOException {
        Args a = Args.parse(Usages.DEMO, tokens);
        a.positional(0, "no arguments");
        Options o = new Options(
                a.integer("trials", 1, 1),
                a.integer("parallel", Math.min(4, Runtime.getRuntime().availableProcessors()), 1),
                0,
                1,
                Optional.of(a.value("out").map(Path::of).orElseGet(RunCommand::demoDirectory)),
                Optional.empty(),
                Optional.empty(),
                SandboxChoice.MEMORY,
                DEFAULT_RETRIES,
                VerifierPolicy.DEFAULT,
                Optional.empty());
        try (StarterPack.Found starter = StarterPack.locate(StarterPack.defaultStarts());
                TaskPack pack = TaskPacks.open(starter.path())) {
            cli.err().println("ale demo: the rule-based sample agent on the starter pack (" + starter.where() + ")");
            return finish(cli, execute(cli, pack, Harnesses.of(Harnesses.RULE_BASED), o), o);
        }
    }

    static Options options(Args a, boolean external) {
        int shardIndex = 0;
        int shardCount = 1;
        Optional<String> shard = a.value("shard");
        if (shard.isPresent()) {
            String[] parts = shard.get().split("/", -1);
            try {
                shardIndex = Integer.parseInt(parts[0].strip());
                shardCount = Integer.parseInt(parts[1].strip());
            } catch (RuntimeException e) {
                shardCount = 0;
            }
            if (parts.length != 2 || shardCount < 1 || shardIndex < 0 || shardIndex >= shardCount) {
                throw new UsageException(
                        "run: --shard must be i/n with 0 <= i < n (such as 0/4), got '" + shard.get() + "'");
            }
        }
        return new Options(
                a.integer("trials", 1, 1),
                a.integer("parallel", 1, 1),
                shardIndex,
                shardCount,
                a.value("out").map(Path::of),
                a.value("fail-under").map(RunCommand::rate),
                a.value("timeout").map(RunCommand::duration),
                SandboxChoice.of(a, external),
                a.integer("retries", DEFAULT_RETRIES, 0),
                Cli.policy(a),
                a.value(Cli.KEY_FILE));
    }

    private static EvaluationReport execute(Cli cli, TaskPack pack, Harnesses harnesses, Options o) {
        Evaluator.Builder b = Evaluator.builder()
                .tasks(pack)
                .harnessFactory(harnesses.factory())
                .sandboxProvider(o.sandbox().provider())
                .trials(o.trials())
                .parallelism(o.parallel())
                .retries(o.retries(), Duration.ofSeconds(1))
                .verifiers(VerifierRegistry.discover().withPolicy(o.policy()));
        if (o.shardCount() > 1) {
            b.shard(o.shardIndex(), o.shardCount());
        }
        o.out().ifPresent(b::runDirectory);
        o.timeout().ifPresent(b::timeout);
        if (o.referenceKeyFile().isPresent()) {
            char[] key = Cli.readReferenceKey(o.referenceKeyFile().get());
            b.referenceKey(key); // the builder keeps a copy
            Arrays.fill(key, '\0');
        }
        b.listener(new EvaluationListener() {
            @Override
            public void runResumed(int alreadyDone, int attempts) {
                cli.err()
                        .println("ale: resuming: " + alreadyDone + " of " + attempts
                                + (attempts == 1 ? " attempt" : " attempts") + " already done");
            }
        });
        RunHandle handle = b.build().start();
        Thread hook = cli.process() ? new Thread(() -> cancelAndWait(handle, cli, o, harnesses), "ale-cancel") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try (ProgressReporter progress = new ProgressReporter(handle, cli.err(), cli.terminal())) {
            progress.start();
            return handle.await();
        } catch (UncheckedIOException e) {
            throw new RunFailure(e);
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: the run was cancelled", e);
        } finally {
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it cancels the run and waits for its report
                }
            }
        }
    }

    /**
     * When the JVM begins to exit while the run goes on (Ctrl-C, a signal, or a harness calling
     * {@code System.exit}): cancel (running attempts are not journaled, so a resume runs them), let
     * the report and run.json (which records the interruption) be written, and end with
     * {@link Main#INTERRUPTED}, whatever exit code the exit asked for, so a run cut short never
     * exits 0.
     */
    private static void cancelAndWait(RunHandle handle, Cli cli, Options o, Harnesses harnesses) {
        handle.cancel();
        try {
            handle.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            cli.err().println("ale: " + e.getMessage());
        }
        harnesses.close();
        cli.err()
                .println("ale: interrupted: the run was cancelled before it finished"
                        + o.out()
                                .map(d -> "; run again with --out " + d + " to resume")
                                .orElse(""));
        cli.err().flush();
        Runtime.getRuntime().halt(Main.INTERRUPTED);
    }

    private static int finish(Cli cli, EvaluationReport r, Options o) {
        cli.out().println();
        Summary.print(r, cli.out());
        o.out().ifPresent(dir -> cli.out()
                .println(String.format(Locale.ROOT, "%n%-16s%s (ale report show %s)", "run directory", dir, dir)));
        int errors = r.count(Outcome.ERROR);
        if (errors > 0) {
            cli.err()
                    .println("ale: " + errors + (errors == 1 ? " attempt" : " attempts")
                            + " ended in ERROR (infrastructure)"
                            + (o.out().isPresent() ? "; run again with the same --out to retry them" : ""));
            return Main.ERRORS;
        }
        if (o.failUnder().isPresent()
                && !(r.fullPassRate().value() >= o.failUnder().get())) {
            cli.err()
                    .println(String.format(
                            Locale.ROOT,
                            "ale: full pass rate %s is below --fail-under %.1f%%",
                            r.fullPassRate().isEmpty()
                                    ? "n/a"
                                    : String.format(
                                            Locale.ROOT,
                                            "%.1f%%",
                                            100 * r.fullPassRate().value()),
                            100 * o.failUnder().get()));
            return Main.BELOW;
        }
        return Main.OK;
    }

    /** A rate in [0, 1], written {@code 0.9} or {@code 90%}. */
    static double rate(String text) {
        String t = text.strip();
        try {
            double v =
                    t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(
                "run: --fail-under must be a rate between 0 and 1 (0.9) or a percentage (90%), got '" + text + "'");
    }

    /** A duration written {@code PT10M}, {@code 600} (seconds), or {@code <n>s}, {@code <n>m}, {@code <n>h}. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.startsWith("pt")) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else if (t.matches("\\d+[smh]?")) {
                long n = Long.parseLong(t.replaceAll("[smh]$", ""));
                d = t.endsWith("m")
                        ? Duration.ofMinutes(n)
                        : t.endsWith("h") ? Duration.ofHours(n) : Duration.ofSeconds(n);
            } else {
                d = Duration.ZERO;
            }
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            // reported below
        }
        throw new UsageException(
                "run: --timeout must be a positive duration (90s, 10m, 1h, PT10M or seconds), got '" + text + "'");
    }
}
