package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A verifier's judgement of one attempt: a score in [0, 1], whether a hard gate failed (which
 * forces the score to 0), a one-line summary and the tree of checks behind the score.
 */
@API(status = STABLE)
public record Verdict(double score, boolean gateFailed, String summary, List<Check> checks) {
    public Verdict {
        requireUnitInterval(score, "verdict score");
        if (gateFailed && score != 0) {
            throw new IllegalArgumentException("a verdict whose gate failed must score 0, got " + score);
        }
        summary = Objects.requireNonNullElse(summary, "");
        checks = List.copyOf(checks);
    }

    /** A verdict of the given score and checks, no gate failed. */
    public static Verdict of(double score, String summary, List<Check> checks) {
        return new Verdict(score, false, summary, checks);
    }

    /** A verdict of 0 because the named hard gate failed. */
    public static Verdict gateFailed(String summary, List<Check> checks) {
        return new Verdict(0, true, summary, checks);
    }

    /** Whether this verdict is a full pass at the given threshold. */
    public boolean fullPass(double threshold) {
        return !gateFailed && score >= threshold;
    }

    static void requireUnitInterval(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + value);
        }
    }
}
