package dev.ale.core;

import dev.ale.api.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Figures over repeated trials: pass@k and pass^k with the unbiased estimators, the share of
 * tasks whose outcome flips between trials, and the bootstrap interval of the mean score that
 * resamples tasks (not attempts), since the trials of one task are not independent.
 */
final class TrialStatistics {
    /** Bootstrap resamples behind each interval. */
    static final int RESAMPLES = 2000;

    private TrialStatistics() {}

    /** The scored attempts of one task: how many trials, how many passed, and their scores. */
    record TaskTrials(String key, int n, int passes, List<Double> scores) {
        double meanScore() {
            double sum = 0;
            for (double s : scores) {
                sum += s;
            }
            return sum / scores.size();
        }
    }

    /** Groups scored attempts by task (id and digest), in first-seen order. */
    static List<TaskTrials> byTask(List<AttemptResult> attempts) {
        Map<String, List<AttemptResult>> groups = new LinkedHashMap<>();
        for (AttemptResult a : attempts) {
            if (a.scored()) {
                groups.computeIfAbsent(a.taskId() + "@" + a.taskDigest(), k -> new ArrayList<>())
                        .add(a);
            }
        }
        List<TaskTrials> out = new ArrayList<>(groups.size());
        groups.forEach((key, list) -> {
            int passes = (int)
                    list.stream().filter(a -> a.outcome() == Outcome.PASSED).count();
            out.add(new TaskTrials(
                    key,
                    list.size(),
                    passes,
                    list.stream().map(AttemptResult::score).toList()));
        });
        return out;
    }

    /** C(n, k) as a double (exact for the small n of trials). */
    static double choose(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    /** Mean over tasks with at least k trials of 1 - C(n-c, k) / C(n, k); NaN when no task has k trials. */
    static double passAtK(List<TaskTrials> tasks, int k) {
        return meanOver(tasks, k, t -> 1 - choose(t.n() - t.passes(), k) / choose(t.n(), k));
    }

    /** Mean over tasks with at least k trials of C(c, k) / C(n, k): all k trials pass. */
    static double passHatK(List<TaskTrials> tasks, int k) {
        return meanOver(tasks, k, t -> choose(t.passes(), k) / choose(t.n(), k));
    }

    /** Share of tasks with at least two scored trials whose trials did not all end alike. */
    static double flipShare(List<TaskTrials> tasks) {
        int eligible = 0;
        int flipped = 0;
        for (TaskTrials t : tasks) {
            if (t.n() >= 2) {
                eligible++;
                if (t.passes() > 0 && t.passes() < t.n()) {
                    flipped++;
                }
            }
        }
        return eligible == 0 ? Double.NaN : (double) flipped / eligible;
    }

    private static double meanOver(List<TaskTrials> tasks, int k, ToDoubleFunction<TaskTrials> f) {
        double sum = 0;
        int count = 0;
        for (TaskTrials t : tasks) {
            if (t.n() >= k) {
                sum += f.applyAsDouble(t);
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * The mean score over tasks (each task's mean over its trials) with a 95% percentile bootstrap
     * interval from {@link #RESAMPLES} resamples of tasks, seeded so the same run gives the same interval.
     */
    static Estimate bootstrapMeanScore(List<TaskTrials> tasks, long seed) {
        int n = tasks.size();
        if (n == 0) {
            return Estimate.EMPTY;
        }
        double[] means = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            means[i] = tasks.get(i).meanScore();
            total += means[i];
        }
        double value = total / n;
        double[] resampled = bootstrap(means, seed);
        return new Estimate(value, Math.min(value, resampled[0]), Math.max(value, resampled[1]));
    }

    /** 2.5% and 97.5% percentiles of the resampled means of {@code values}. */
    static double[] bootstrap(double[] values, long seed) {
        int n = values.length;
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            stats[b] = sum / n;
        }
        Arrays.sort(stats);
        return new double[] {
            stats[(int) Math.floor(0.025 * (RESAMPLES - 1))], stats[(int) Math.ceil(0.975 * (RESAMPLES - 1))]
        };
    }
}
