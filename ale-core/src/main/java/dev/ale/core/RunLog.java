package dev.ale.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * What a run says in the application's log, through {@link System.Logger} (logger {@code dev.ale.core};
 * no binding is forced: JUL by default, SLF4J or Log4j through their usual bridges). INFO: the run's
 * start (pack, harness, sandbox, attempts) and end (the summary line), a resume, and each retry of an
 * attempt that ended in ERROR with its cause. WARNING: the run's warnings. Nothing per attempt above DEBUG.
 */
final class RunLog {
    private static final Logger LOG = System.getLogger("dev.ale.core");

    private RunLog() {}

    static void started(RunConfig config, int attempts) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        StringBuilder packs = new StringBuilder();
        config.packs().forEach(p -> packs.append(packs.length() == 0 ? "" : " + ")
                .append(p.name())
                .append('@')
                .append(p.version()));
        LOG.log(
                Level.INFO,
                String.format(
                        Locale.ROOT,
                        "run started: %s (%s x %s%s) of %s," + " harness %s, sandbox %s, parallelism %d%s",
                        count(attempts, "attempt"),
                        count(config.tasks().size(), "task"),
                        count(config.trials(), "trial"),
                        config.shardCount() > 1 ? ", shard " + config.shardIndex() + " of " + config.shardCount() : "",
                        packs,
                        config.harnessName(),
                        config.sandboxes().name(),
                        config.parallelism(),
                        config.runDirectory() == null ? "" : ", run directory " + config.runDirectory()));
    }

    /** {@code n} and the noun, plural unless n is 1. */
    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The line the CLI prints too: {@code resuming: 7 of 15 attempts already done}. */
    static String resumeLine(int done, int attempts) {
        return "resuming: " + done + " of " + count(attempts, "attempt") + " already done";
    }

    static void resumed(int done, int attempts) {
        LOG.log(Level.INFO, resumeLine(done, attempts));
    }

    static void retrying(AttemptResult result, int retry, int maxRetries, long backoffMillis) {
        LOG.log(
                Level.INFO,
                () -> String.format(
                        Locale.ROOT,
                        "retry %d of %d of %s trial %d in %d ms: it ended in ERROR (%s): %s",
                        retry,
                        maxRetries,
                        result.taskId(),
                        result.trial(),
                        backoffMillis,
                        result.cause(),
                        result.message()));
    }

    static void warning(String warning) {
        LOG.log(Level.WARNING, warning);
    }

    static void attemptFinished(AttemptResult result) {
        LOG.log(
                Level.DEBUG,
                () -> String.format(
                        Locale.ROOT,
                        "%s trial %d: %s (%s) score %.4f in %d ms%s",
                        result.taskId(),
                        result.trial(),
                        result.outcome(),
                        result.cause(),
                        result.score(),
                        result.duration().toMillis(),
                        result.message().isEmpty() ? "" : ": " + result.message()));
    }

    static void finished(EvaluationReport report) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(
                    Level.INFO,
                    "run finished in " + report.duration().toMillis() + " ms: "
                            + report.summary().strip().replaceAll(" {2,}", " ").replace("\n", "; "));
        }
    }
}
