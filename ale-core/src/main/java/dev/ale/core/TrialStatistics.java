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

    /** The scored attempts of one task: how many trials, how many passed, and their mean score. */
    record TaskTrials(int n, int passes, double meanScore) {}

    /** One task's figures while they are summed up, in the order its attempts come. */
    private static final class Tally {
        int n;
        int passes;
        double sum;
    }

    /** A task by id and digest (a changed task is another task), without building a string per attempt. */
    private record Key(String id, String digest) {}

    /**
     * Groups scored attempts by task (id and digest), in first-seen order: one small tally per
     * task, no list of attempts or boxed scores, so 100,000 tasks cost a few megabytes.
     */
    static List<TaskTrials> byTask(List<AttemptResult> attempts) {
        Map<Key, Tally> groups = new LinkedHashMap<>();
        for (AttemptResult a : attempts) {
            if (a.scored()) {
                Tally t = groups.computeIfAbsent(new Key(a.taskId(), a.taskDigest()), k -> new Tally());
                t.n++;
                t.sum += a.score();
                if (a.outcome() == Outcome.PASSED) {
                    t.passes++;
                }
            }
        }
        List<TaskTrials> out = new ArrayList<>(groups.size());
        groups.values().forEach(t -> out.add(new TaskTrials(t.n, t.passes, t.sum / t.n)));
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

    /**
     * 2.5% and 97.5% percentiles of the resampled means of {@code values}. When every value is the
     * same (every task passed, say), every resample adds the same numbers in the same order, so the
     * one sum stands for all of them: the same figures without the {@code RESAMPLES x n} draws.
     */
    static double[] bootstrap(double[] values, long seed) {
        int n = values.length;
        if (allEqual(values)) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[0];
            }
            return new double[] {sum / n, sum / n};
        }
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

    private static boolean allEqual(double[] values) {
        for (double v : values) {
            if (Double.doubleToLongBits(v) != Double.doubleToLongBits(values[0])) {
                return false;
            }
        }
        return true;
    }
}
