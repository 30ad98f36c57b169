package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One graded point of a verdict, so a person can see why a task scored what it did: a name, a
 * score in [0, 1], a weight, whether it is a hard gate, whether it passed, what was expected and
 * what was found (a few words each), and the checks it is made of.
 */
@API(status = STABLE)
public record Check(
        String name,
        double score,
        double weight,
        boolean gate,
        boolean passed,
        String expected,
        String actual,
        List<Check> children) {
    public Check {
        Objects.requireNonNull(name, "name");
        Verdict.requireUnitInterval(score, "check '" + name + "' score");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("check '" + name + "' weight must be finite and >= 0, got " + weight);
        }
        expected = Objects.requireNonNullElse(expected, "");
        actual = Objects.requireNonNullElse(actual, "");
        children = List.copyOf(children);
    }

    /** A passed leaf check with weight 1. */
    public static Check pass(String name, String expected, String actual) {
        return new Check(name, 1, 1, false, true, expected, actual, List.of());
    }

    /** A failed leaf check with weight 1. */
    public static Check fail(String name, String expected, String actual) {
        return new Check(name, 0, 1, false, false, expected, actual, List.of());
    }

    /** A failed hard gate (weight 1): a required output missing or malformed. */
    public static Check gate(String name, String expected, String actual) {
        return new Check(name, 0, 1, true, false, expected, actual, List.of());
    }

    /** A leaf check with a partial score; it passes when the score is 1. */
    public static Check partial(String name, double score, String expected, String actual) {
        return new Check(name, score, 1, false, score >= 1, expected, actual, List.of());
    }

    /** This check with another weight. */
    public Check withWeight(double newWeight) {
        return new Check(name, score, newWeight, gate, passed, expected, actual, children);
    }

    /** This check marked as a hard gate (or not). */
    public Check asGate(boolean isGate) {
        return new Check(name, score, weight, isGate, passed, expected, actual, children);
    }

    /** This check with the given children. */
    public Check withChildren(List<Check> newChildren) {
        return new Check(name, score, weight, gate, passed, expected, actual, newChildren);
    }
}
