package dev.ale.core;

import static org.apiguardian.api.API.Status.STABLE;

import dev.ale.api.Outcome;
import dev.ale.api.task.PackRef;
import dev.ale.api.task.Tier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The result of a run: every attempt, the headline full pass rate and the mean score (each with a
 * 95% interval), the count of each outcome and breakdowns by tier and cluster. Attempts that ended
 * in {@link Outcome#ERROR} are infrastructure failures: counted on their own, never in the rates.
 */
@API(status = STABLE)
public final class EvaluationReport {
    /** The version of the {@code report.json} layout; it changes when a field changes meaning. */
    public static final int SCHEMA_VERSION = 1;

    /** Who and what a report is about, besides its attempts. */
    record Meta(
            List<PackRef> packs,
            String harness,
            String sandbox,
            int trials,
            Instant startedAt,
            Duration duration,
            long seed,
            int shardIndex,
            int shardCount,
            List<String> warnings,
            List<NotRun> notRun,
            List<AttemptResult> superseded) {
        Meta {
            packs = List.copyOf(packs);
            warnings = List.copyOf(warnings);
            notRun = List.copyOf(notRun);
            superseded = List.copyOf(superseded);
        }
    }

    private final Meta meta;
    private final List<AttemptResult> attempts;
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final List<TrialStatistics.TaskTrials> byTask;
    private final Estimate fullPassRate;
    private final Estimate meanScore;

    EvaluationReport(Meta meta, List<AttemptResult> attempts) {
        this.meta = meta;
        this.attempts = List.copyOf(attempts);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        for (AttemptResult a : attempts) {
            counts.merge(a.outcome(), 1, Integer::sum);
        }
        this.byTask = TrialStatistics.byTask(this.attempts);
        this.fullPassRate = breakdown("all", this.attempts).fullPassRate();
        this.meanScore = TrialStatistics.bootstrapMeanScore(byTask, meta.seed());
    }

    /** The headline figure: the share of scored attempts that were a full pass, with its Wilson interval. */
    public Estimate fullPassRate() {
        return fullPassRate;
    }

    /**
     * The mean score, reported beside the full pass rate, never instead of it: the mean over tasks of
     * each task's mean over its scored trials, with a seeded bootstrap 95% interval that resamples tasks.
     */
    public Estimate meanScore() {
        return meanScore;
    }

    /** How many attempts ended in the given outcome. */
    public int count(Outcome outcome) {
        return counts.get(outcome);
    }

    /** Every attempt, ordered by task (in pack order) then trial. */
    public List<AttemptResult> attempts() {
        return attempts;
    }

    /** The attempts that ended in {@code ERROR}, which the rates leave out. */
    public List<AttemptResult> errors() {
        return attempts.stream().filter(a -> a.outcome() == Outcome.ERROR).toList();
    }

    /** One row per difficulty tier present in the run, in tier order. */
    public List<Breakdown> byTier() {
        return breakdowns(a -> a.tier().id(), false);
    }

    /** One row per industry cluster present in the run, by cluster name. */
    public List<Breakdown> byCluster() {
        return breakdowns(AttemptResult::cluster, true);
    }

    /** One row per subfield present in the run, by subfield name. */
    public List<Breakdown> bySubfield() {
        return breakdowns(AttemptResult::subfield, true);
    }

    /** One row per SOC 2018 major group (of each task's first occupation code), such as {@code 13}. */
    public List<Breakdown> bySocMajorGroup() {
        return breakdowns(a -> a.soc().isEmpty() ? "" : a.soc().get(0).substring(0, 2), true);
    }

    /**
     * pass@k: the chance that at least one of k trials of a task passes, with the unbiased estimator
     * 1 - C(n-c, k) / C(n, k) per task (n scored trials, c passes), averaged over tasks with n >= k.
     * NaN when no task has k scored trials.
     */
    public double passAtK(int k) {
        return TrialStatistics.passAtK(byTask, k);
    }

    /** pass^k: the chance that all of k trials pass, C(c, k) / C(n, k) per task, averaged like {@link #passAtK}. */
    public double passHatK(int k) {
        return TrialStatistics.passHatK(byTask, k);
    }

    /** The share of tasks (with two or more scored trials) whose trials did not all end alike; NaN with one trial. */
    public double flipShare() {
        return TrialStatistics.flipShare(byTask);
    }

    /** Whether some planned attempts did not run (the run was cancelled or hit a run-level cap). */
    public boolean partial() {
        return !meta.notRun().isEmpty();
    }

    /** The planned attempts that did not run, and why. */
    public List<NotRun> notRun() {
        return meta.notRun();
    }

    /** Results kept from an earlier session for tasks whose content has changed since: never in the figures. */
    public List<AttemptResult> superseded() {
        return meta.superseded();
    }

    /** The packs the tasks came from (name, version, digest). */
    public List<PackRef> packs() {
        return meta.packs();
    }

    /** The harness's name. */
    public String harness() {
        return meta.harness();
    }

    /** The sandbox provider's name. */
    public String sandbox() {
        return meta.sandbox();
    }

    /** Trials per task. */
    public int trials() {
        return meta.trials();
    }

    /** The seed of the bootstrap intervals. */
    public long seed() {
        return meta.seed();
    }

    /** The shard this report covers, as {@code index/count} ({@code 0/1} for a whole run). */
    public String shard() {
        return meta.shardIndex() + "/" + meta.shardCount();
    }

    /** When the run started (its first session, for a resumed run). */
    public Instant startedAt() {
        return meta.startedAt();
    }

    /** Wall time of the run, summed over its sessions when it was resumed. */
    public Duration duration() {
        return meta.duration();
    }

    /** Things that went wrong around the run without stopping it (a listener that threw, a torn journal line, ...). */
    public List<String> warnings() {
        return meta.warnings();
    }

    Meta meta() {
        return meta;
    }

    /** The report as {@code report.json} holds it (see the README for its schema). */
    public String toJson() {
        return ReportJson.write(this);
    }

    /** Writes {@code report.json} into {@code directory}, atomically. */
    public Path writeTo(Path directory) throws IOException {
        return ReportJson.writeTo(this, directory);
    }

    /** A few lines for a terminal: the headline with its interval, mean score, outcomes. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append("full pass rate ").append(percent(fullPassRate)).append('\n');
        b.append("mean score     ").append(percent(meanScore)).append('\n');
        b.append("attempts       ")
                .append(attempts.size())
                .append(": ")
                .append(count(Outcome.PASSED))
                .append(" passed, ")
                .append(count(Outcome.FAILED))
                .append(" failed, ")
                .append(count(Outcome.ERROR))
                .append(count(Outcome.ERROR) == 1 ? " error\n" : " errors\n");
        if (partial()) {
            b.append("partial        ")
                    .append(notRun().size())
                    .append(notRun().size() == 1 ? " attempt not run: " : " attempts not run: ")
                    .append(notRun().get(0).reason())
                    .append('\n');
        }
        return b.toString();
    }

    static String percent(Estimate e) {
        return e.isEmpty()
                ? "n/a"
                : String.format(Locale.ROOT, "%.1f%% [%.1f%%, %.1f%%]", 100 * e.value(), 100 * e.low(), 100 * e.high());
    }

    private List<Breakdown> breakdowns(Function<AttemptResult, String> key, boolean sortByKey) {
        Map<String, List<AttemptResult>> groups = sortByKey ? new TreeMap<>() : new LinkedHashMap<>();
        if (!sortByKey) {
            for (Tier t : Tier.values()) {
                groups.put(t.id(), new ArrayList<>());
            }
        }
        for (AttemptResult a : attempts) {
            groups.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a);
        }
        List<Breakdown> rows = new ArrayList<>();
        groups.forEach((k, list) -> {
            if (!list.isEmpty()) {
                rows.add(breakdown(k, list));
            }
        });
        return List.copyOf(rows);
    }

    static Breakdown breakdown(String key, List<AttemptResult> list) {
        int passed = 0;
        int errors = 0;
        List<Double> scores = new ArrayList<>(list.size());
        for (AttemptResult a : list) {
            if (!a.scored()) {
                errors++;
                continue;
            }
            if (a.outcome() == Outcome.PASSED) {
                passed++;
            }
            scores.add(a.score());
        }
        return new Breakdown(
                key, scores.size(), passed, errors, Statistics.wilson(passed, scores.size()), Statistics.mean(scores));
    }
}
