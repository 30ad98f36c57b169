package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Adds up weighted conditions: score = sum(weight x check score) / sum(weight), which with
 * weights of 1 and pass/fail checks is satisfied / total. No conditions scores 1. Not thread-safe;
 * one per verification.
 */
@API(status = INTERNAL)
public final class WeightedScore {
    private final List<Check> checks = new ArrayList<>();
    private double earned;
    private double total;
    private int passed;
    private boolean weighted;

    /** Reads an optional {@code weight} option: a finite number > 0, default 1. */
    public static double weight(Options o) {
        if (!o.has("weight")) {
            return 1;
        }
        double w = o.decimal("weight").doubleValue();
        if (!(w > 0) || Double.isInfinite(w)) {
            throw o.error("weight", "must be a number > 0, got " + o.raw("weight"));
        }
        return w;
    }

    /** Adds one condition's check; its weight is the check's weight. */
    public void add(Check c) {
        checks.add(c);
        earned += c.weight() * c.score();
        total += c.weight();
        passed += c.passed() ? 1 : 0;
        weighted |= c.weight() != 1;
    }

    /** Adds a pass/fail condition. */
    public void add(boolean ok, String name, double weight, String expected, String actual) {
        add((ok ? Check.pass(name, expected, actual) : Check.fail(name, expected, actual)).withWeight(weight));
    }

    List<Check> checks() {
        return List.copyOf(checks);
    }

    double score() {
        return total == 0 ? 1 : Math.min(1, earned / total);
    }

    /** The verdict: "{passed} of {n} {what}", with the weighted score when weights differ. */
    public Verdict verdict(String what) {
        String summary = passed + " of " + checks.size() + " " + what;
        if (weighted) {
            summary += String.format(Locale.ROOT, "; weighted score %.3f", score());
        }
        return Verdict.of(score(), summary, checks);
    }
}
