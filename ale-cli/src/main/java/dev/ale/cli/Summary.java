package dev.ale.cli;

import dev.ale.api.Outcome;
import dev.ale.api.task.PackRef;
import dev.ale.core.AttemptResult;
import dev.ale.core.Breakdown;
import dev.ale.core.Comparison;
import dev.ale.core.Estimate;
import dev.ale.core.EvaluationReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The tables the CLI prints: a report's summary with its breakdowns, and a comparison of two runs. */
final class Summary {
    /** How many attempts that did not pass are listed one by one. */
    static final int LISTED = 20;

    private Summary() {}

    /** The report: headline figures with intervals, outcomes, breakdowns by tier and cluster, what did not pass. */
    static void print(EvaluationReport r, PrintStream out) {
        for (PackRef p : r.packs()) {
            out.println(row(
                    "pack",
                    p.name() + " " + p.version() + " (digest "
                            + p.digest().substring(0, Math.min(12, p.digest().length())) + ")"));
        }
        out.println(row(
                "harness",
                r.harness() + " on " + r.sandbox() + " sandboxes, " + r.trials()
                        + (r.trials() == 1 ? " trial" : " trials") + " per task"
                        + (r.shard().equals("0/1") ? "" : ", shard " + r.shard())));
        int scored = r.count(Outcome.PASSED) + r.count(Outcome.FAILED);
        out.println(row(
                "full pass rate",
                percent(r.fullPassRate()) + "   (" + r.count(Outcome.PASSED) + " of " + scored + " scored attempts)"));
        out.println(row("mean score", percent(r.meanScore())));
        out.println(row(
                "outcomes",
                r.count(Outcome.PASSED) + " passed, " + r.count(Outcome.FAILED) + " failed, " + r.count(Outcome.ERROR)
                        + (r.count(Outcome.ERROR) == 1 ? " error" : " errors")));
        if (r.trials() > 1) {
            out.println(row(
                    "pass@k",
                    String.format(
                            Locale.ROOT,
                            "pass@%d %s, pass^%d %s, flip share %s",
                            r.trials(),
                            plain(r.passAtK(r.trials())),
                            r.trials(),
                            plain(r.passHatK(r.trials())),
                            plain(r.flipShare()))));
        }
        out.println(row("duration", ProgressReporter.format(r.duration())));
        if (r.partial()) {
            out.println(row(
                    "partial",
                    r.notRun().size() + (r.notRun().size() == 1 ? " attempt" : " attempts") + " not run: "
                            + r.notRun().get(0).reason()));
        }
        breakdown("tier", r.byTier(), out);
        breakdown("cluster", r.byCluster(), out);
        List<AttemptResult> notPassed =
                r.attempts().stream().filter(a -> a.outcome() != Outcome.PASSED).toList();
        if (!notPassed.isEmpty()) {
            out.println();
            out.println("not passed");
            notPassed.stream().limit(LISTED).forEach(a -> out.println(line(a)));
            if (notPassed.size() > LISTED) {
                out.println("  ... and " + (notPassed.size() - LISTED) + " more (ale report show <run dir> --all)");
            }
        }
        if (!r.warnings().isEmpty()) {
            out.println();
            r.warnings().forEach(w -> out.println("warning: " + w));
        }
    }

    /** Every attempt, one line each. */
    static void attempts(EvaluationReport r, PrintStream out) {
        out.println();
        out.println("attempts");
        r.attempts().forEach(a -> out.println(line(a)));
    }

    /** One attempt in one line: task and trial, outcome, cause, score, and the message or verdict summary. */
    private static String line(AttemptResult a) {
        return String.format(
                Locale.ROOT,
                "  %-32s %-6s %-13s %5.3f  %s",
                a.taskId() + "#" + a.trial(),
                a.outcome(),
                a.cause(),
                a.score(),
                oneLine(a.message().isEmpty() ? a.verdict().summary() : a.message()));
    }

    private static void breakdown(String by, List<Breakdown> rows, PrintStream out) {
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println(String.format(
                Locale.ROOT,
                "%-26s %5s %7s %7s  %-24s %s",
                "by " + by,
                "n",
                "passed",
                "errors",
                "full pass rate",
                "mean score"));
        for (Breakdown b : rows) {
            out.println(String.format(
                    Locale.ROOT,
                    "  %-24s %5d %7d %7d  %-24s %s",
                    b.key(),
                    b.n(),
                    b.passed(),
                    b.errors(),
                    percent(b.fullPassRate()),
                    b.meanScore().isEmpty() ? "n/a" : pct(b.meanScore().value())));
        }
    }

    /** Run B against run A on the tasks they share with identical content. */
    static void comparison(Comparison c, String a, String b, PrintStream out) {
        out.println(row("run A", a));
        out.println(row("run B", b));
        out.println(row(
                "paired tasks",
                c.pairedTasks() + " (left out: " + c.leftOut() + ", their content or presence differs)"));
        out.println(row("full pass rate", "A " + plain(c.fullPassRateA()) + ", B " + plain(c.fullPassRateB())));
        Estimate d = c.difference();
        out.println(row(
                "B - A",
                d.isEmpty()
                        ? "n/a"
                        : String.format(
                                Locale.ROOT,
                                "%+.1f points [%+.1f, %+.1f]",
                                100 * d.value(),
                                100 * d.low(),
                                100 * d.high())));
        out.println(row(
                "McNemar p", Double.isNaN(c.mcnemarP()) ? "n/a" : String.format(Locale.ROOT, "%.4f", c.mcnemarP())));
        out.println(row("newly passing", c.newlyPassing().isEmpty() ? "none" : String.join(", ", c.newlyPassing())));
        out.println(row("newly failing", c.newlyFailing().isEmpty() ? "none" : String.join(", ", c.newlyFailing())));
    }

    static String percent(Estimate e) {
        return e.isEmpty() ? "n/a" : pct(e.value()) + " [" + pct(e.low()) + ", " + pct(e.high()) + "]";
    }

    private static String plain(double v) {
        return Double.isNaN(v) ? "n/a" : pct(v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, "%-16s%s", label, value);
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 119) + "…" : flat;
    }
}
