package dev.ale.core;

import dev.ale.api.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The arithmetic behind {@link Reports#compare}. */
final class Comparisons {
    private Comparisons() {}

    static Comparison compare(EvaluationReport a, EvaluationReport b, long seed) {
        Map<String, Map<Integer, Boolean>> passesA = passes(a);
        Map<String, Map<Integer, Boolean>> passesB = passes(b);
        Set<String> idsA = ids(passesA.keySet());
        Set<String> idsB = ids(passesB.keySet());
        List<String> paired = new ArrayList<>();
        for (String key : passesA.keySet()) {
            if (passesB.containsKey(key)) {
                paired.add(key);
            }
        }
        Set<String> allIds = new LinkedHashSet<>(idsA);
        allIds.addAll(idsB);
        int leftOut = allIds.size() - paired.size();
        int n = paired.size();
        double[] diffs = new double[n];
        double sumA = 0;
        double sumB = 0;
        int onlyA = 0;
        int onlyB = 0;
        List<String> newlyPassing = new ArrayList<>();
        List<String> newlyFailing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = paired.get(i);
            Map<Integer, Boolean> ta = passesA.get(key);
            Map<Integer, Boolean> tb = passesB.get(key);
            double ra = rate(ta);
            double rb = rate(tb);
            sumA += ra;
            sumB += rb;
            diffs[i] = rb - ra;
            String id = key.substring(0, key.indexOf('@'));
            if (ra < 0.5 && rb >= 0.5) {
                newlyPassing.add(id);
            } else if (ra >= 0.5 && rb < 0.5) {
                newlyFailing.add(id);
            }
            for (Map.Entry<Integer, Boolean> e : ta.entrySet()) {
                Boolean other = tb.get(e.getKey());
                if (other != null && !other.equals(e.getValue())) {
                    if (e.getValue()) {
                        onlyA++;
                    } else {
                        onlyB++;
                    }
                }
            }
        }
        if (n == 0) {
            return new Comparison(0, leftOut, Double.NaN, Double.NaN, Estimate.EMPTY, Double.NaN, List.of(), List.of());
        }
        double rateA = sumA / n;
        double rateB = sumB / n;
        double diff = rateB - rateA;
        double[] interval = TrialStatistics.bootstrap(diffs, seed);
        return new Comparison(
                n,
                leftOut,
                rateA,
                rateB,
                new Estimate(diff, Math.min(diff, interval[0]), Math.max(diff, interval[1])),
                mcnemarExact(onlyA, onlyB),
                newlyPassing,
                newlyFailing);
    }

    /** Exact two-sided McNemar test: the binomial test of b against b + c with p = 1/2. */
    static double mcnemarExact(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1;
        }
        int k = Math.min(b, c);
        double tail = 0;
        double logHalfN = n * Math.log(0.5);
        for (int i = 0; i <= k; i++) {
            tail += Math.exp(logChoose(n, i) + logHalfN);
        }
        return Math.min(1, 2 * tail);
    }

    private static double logChoose(int n, int k) {
        double r = 0;
        for (int i = 1; i <= k; i++) {
            r += Math.log(n - k + i) - Math.log(i);
        }
        return r;
    }

    private static double rate(Map<Integer, Boolean> trials) {
        long passed = trials.values().stream().filter(Boolean::booleanValue).count();
        return (double) passed / trials.size();
    }

    /** task id @ digest → trial → passed, over scored attempts only. */
    private static Map<String, Map<Integer, Boolean>> passes(EvaluationReport r) {
        Map<String, Map<Integer, Boolean>> out = new LinkedHashMap<>();
        for (AttemptResult a : r.attempts()) {
            if (a.scored()) {
                out.computeIfAbsent(a.taskId() + "@" + a.taskDigest(), k -> new HashMap<>())
                        .put(a.trial(), a.outcome() == Outcome.PASSED);
            }
        }
        return out;
    }

    private static Set<String> ids(Set<String> keys) {
        Set<String> ids = new LinkedHashSet<>();
        keys.forEach(k -> ids.add(k.substring(0, k.indexOf('@'))));
        return ids;
    }
}
