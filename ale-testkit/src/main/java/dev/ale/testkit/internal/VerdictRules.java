package dev.ale.testkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** The invariants every verdict must keep, and a search of its text for a token. */
@API(status = INTERNAL)
public final class VerdictRules {
    private VerdictRules() {}

    /** What is wrong with a verdict (null, score or a check's score outside [0, 1], NaN); empty when nothing. */
    public static List<String> problems(Verdict v) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            out.add("verify returned no verdict");
            return out;
        }
        if (!(v.score() >= 0 && v.score() <= 1)) {
            out.add("score " + v.score() + " is not in [0, 1]");
        }
        if (v.gateFailed() && v.score() != 0) {
            out.add("a failed gate must score 0, got " + v.score());
        }
        List<Check> todo = new ArrayList<>(v.checks());
        while (!todo.isEmpty()) {
            Check c = todo.remove(todo.size() - 1);
            if (!(c.score() >= 0 && c.score() <= 1)) {
                out.add("check '" + c.name() + "' scores " + c.score() + ", not in [0, 1]");
            }
            if (!(c.weight() >= 0) || Double.isInfinite(c.weight())) {
                out.add("check '" + c.name() + "' has weight " + c.weight());
            }
            todo.addAll(c.children());
        }
        return out;
    }

    /** Whether {@code token} occurs anywhere in the verdict's text: summary, check names, expected, actual. */
    public static boolean mentions(Verdict v, String token) {
        if (v.summary().contains(token)) {
            return true;
        }
        List<Check> todo = new ArrayList<>(v.checks());
        while (!todo.isEmpty()) {
            Check c = todo.remove(todo.size() - 1);
            if (c.name().contains(token)
                    || c.expected().contains(token)
                    || c.actual().contains(token)) {
                return true;
            }
            todo.addAll(c.children());
        }
        return false;
    }
}
