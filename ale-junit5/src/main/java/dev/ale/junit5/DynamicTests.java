package dev.ale.junit5;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.spi.Check;
import dev.ale.core.AttemptResult;
import dev.ale.core.Estimate;
import dev.ale.core.EvaluationReport;
import dev.ale.core.NotRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Turns a report into dynamic tests: a container per cluster, a test per task (or a container of trials). */
final class DynamicTests {
    /** Failed checks listed in one failure message at most. */
    static final int MAX_CHECKS = 20;

    private DynamicTests() {}

    static List<DynamicNode> of(EvaluationReport report, double failUnder) {
        Map<String, Map<String, List<AttemptResult>>> byCluster = new LinkedHashMap<>();
        for (AttemptResult a : report.attempts()) {
            byCluster
                    .computeIfAbsent(cluster(a.cluster()), c -> new LinkedHashMap<>())
                    .computeIfAbsent(a.taskId(), t -> new ArrayList<>())
                    .add(a);
        }
        Map<String, String> clusterOf = new LinkedHashMap<>();
        byCluster.forEach((cluster, tasks) -> tasks.keySet().forEach(t -> clusterOf.put(t, cluster)));
        Map<String, List<NotRun>> notRun = new LinkedHashMap<>();
        for (NotRun n : report.notRun()) {
            notRun.computeIfAbsent(n.taskId(), t -> new ArrayList<>()).add(n);
            if (!clusterOf.containsKey(n.taskId())) {
                byCluster
                        .computeIfAbsent(cluster(""), c -> new LinkedHashMap<>())
                        .computeIfAbsent(n.taskId(), t -> new ArrayList<>());
            }
        }
        boolean trials = report.trials() > 1;
        List<DynamicNode> nodes = new ArrayList<>();
        byCluster.forEach((cluster, tasks) -> {
            List<DynamicNode> children = new ArrayList<>();
            tasks.forEach((task, attempts) ->
                    children.add(task(task, attempts, notRun.getOrDefault(task, List.of()), trials)));
            nodes.add(DynamicContainer.dynamicContainer(cluster, children.stream()));
        });
        if (!Double.isNaN(failUnder)) {
            nodes.add(floor(report, failUnder));
        }
        return nodes;
    }

    private static String cluster(String cluster) {
        return cluster == null || cluster.isEmpty() ? "tasks" : cluster;
    }

    private static DynamicNode task(String task, List<AttemptResult> attempts, List<NotRun> notRun, boolean trials) {
        if (!trials && attempts.size() == 1 && notRun.isEmpty()) {
            AttemptResult a = attempts.get(0);
            return DynamicTest.dynamicTest(task, () -> check(a));
        }
        if (!trials && attempts.isEmpty() && notRun.size() == 1) {
            NotRun n = notRun.get(0);
            return DynamicTest.dynamicTest(task, () -> notRun(n));
        }
        List<DynamicNode> runs = new ArrayList<>();
        attempts.forEach(a -> runs.add(DynamicTest.dynamicTest("trial " + a.trial(), () -> check(a))));
        notRun.forEach(n -> runs.add(DynamicTest.dynamicTest("trial " + n.trial(), () -> notRun(n))));
        return DynamicContainer.dynamicContainer(task, runs.stream());
    }

    static void check(AttemptResult a) {
        if (a.outcome() == Outcome.ERROR) {
            throw new TestAbortedException("ERROR (" + a.cause() + ", infrastructure, not counted): " + a.message());
        }
        if (a.outcome() == Outcome.FAILED) {
            throw new AssertionFailedError(failure(a));
        }
    }

    private static void notRun(NotRun n) {
        throw new TestAbortedException("not run: " + n.reason());
    }

    /** The verdict's summary, the cause, and the failed checks with what was expected and found. */
    static String failure(AttemptResult a) {
        StringBuilder b = new StringBuilder();
        b.append(a.taskId()).append(" trial ").append(a.trial()).append(" FAILED");
        if (a.cause() != Cause.NONE) {
            b.append(" (").append(a.cause()).append(')');
        }
        b.append(String.format(Locale.ROOT, ", score %.4f", a.score()));
        if (!a.message().isEmpty()) {
            b.append(": ").append(a.message());
        }
        String summary = a.verdict().summary();
        if (!summary.isEmpty() && !summary.equals(a.message())) {
            b.append("\nverdict: ").append(summary);
        }
        List<String> failed = new ArrayList<>();
        failedChecks(a.verdict().checks(), "", failed);
        if (!failed.isEmpty()) {
            b.append("\nfailed checks:");
            failed.stream().limit(MAX_CHECKS).forEach(line -> b.append("\n  - ").append(line));
            if (failed.size() > MAX_CHECKS) {
                b.append("\n  ... and ").append(failed.size() - MAX_CHECKS).append(" more");
            }
        }
        return b.toString();
    }

    private static void failedChecks(List<Check> checks, String path, List<String> out) {
        for (Check c : checks) {
            if (c.passed()) {
                continue;
            }
            String name = path.isEmpty() ? c.name() : path + " > " + c.name();
            if (c.children().isEmpty() || c.children().stream().allMatch(Check::passed)) {
                StringBuilder line = new StringBuilder(name);
                if (c.gate()) {
                    line.append(" [gate]");
                }
                line.append(String.format(Locale.ROOT, " (score %.2f)", c.score()));
                if (!c.expected().isEmpty() || !c.actual().isEmpty()) {
                    line.append(": expected ")
                            .append(c.expected())
                            .append(", found ")
                            .append(c.actual());
                }
                out.add(line.toString());
            } else {
                failedChecks(c.children(), name, out);
            }
        }
    }

    private static DynamicNode floor(EvaluationReport report, double failUnder) {
        String name = String.format(Locale.ROOT, "full pass rate >= %.1f%%", 100 * failUnder);
        return DynamicTest.dynamicTest(name, () -> {
            Estimate rate = report.fullPassRate();
            long scored =
                    report.attempts().stream().filter(AttemptResult::scored).count();
            long passed = report.count(Outcome.PASSED);
            if (scored == 0) {
                throw new AssertionFailedError("no attempt was scored (" + report.count(Outcome.ERROR)
                        + " ended in ERROR), so the full pass rate is unknown");
            }
            if (!(rate.value() >= failUnder)) {
                throw new AssertionFailedError(String.format(
                        Locale.ROOT,
                        "full pass rate %.1f%% (%d of %d scored attempts, 95%% interval %.1f%%-%.1f%%) is below %.1f%%",
                        100 * rate.value(),
                        passed,
                        scored,
                        100 * rate.low(),
                        100 * rate.high(),
                        100 * failUnder));
            }
        });
    }
}
