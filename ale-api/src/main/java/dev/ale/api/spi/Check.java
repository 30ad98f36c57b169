package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One graded point of a verdict, so a person can see why a task scored what it did: a name, a
 * score in [0, 1], a weight, whether it is a hard gate, whether it passed, what was expected and
 * what was found (a few words each), and the checks it is made of. Build one with
 * {@link #builder(String)}, or with {@link #pass}, {@link #fail}, {@link #gate} and {@link #partial}
 * for the common leaves; the canonical constructor stays for plugins that call it.
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
    /** Checks the score and weight; a null {@code expected} or {@code actual} becomes empty. */
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

    /**
     * A builder of a check named {@code name}: by default a leaf of score 0 and weight 1, not a
     * gate, that passes when its score is 1, with nothing said of what was expected and found.
     */
    @API(status = EXPERIMENTAL)
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A passed leaf check with weight 1. */
    public static Check pass(String name, @Nullable String expected, @Nullable String actual) {
        return builder(name).score(1).expected(expected).actual(actual).build();
    }

    /** A failed leaf check with weight 1. */
    public static Check fail(String name, @Nullable String expected, @Nullable String actual) {
        return builder(name).expected(expected).actual(actual).build();
    }

    /** A failed hard gate (weight 1): a required output missing or malformed. */
    public static Check gate(String name, @Nullable String expected, @Nullable String actual) {
        return builder(name).gate(true).expected(expected).actual(actual).build();
    }

    /** A leaf check with a partial score; it passes when the score is 1. */
    public static Check partial(String name, double score, @Nullable String expected, @Nullable String actual) {
        return builder(name).score(score).expected(expected).actual(actual).build();
    }

    /** A builder holding this check's values, to change some of them. */
    @API(status = EXPERIMENTAL)
    public Builder toBuilder() {
        return builder(name)
                .score(score)
                .weight(weight)
                .gate(gate)
                .passed(passed)
                .expected(expected)
                .actual(actual)
                .children(children);
    }

    /** This check with another weight. */
    public Check withWeight(double newWeight) {
        return toBuilder().weight(newWeight).build();
    }

    /** This check marked as a hard gate (or not). */
    public Check asGate(boolean isGate) {
        return toBuilder().gate(isGate).build();
    }

    /** This check with the given children. */
    public Check withChildren(List<Check> newChildren) {
        return toBuilder().children(newChildren).build();
    }

    /** Builds a {@link Check}; {@link #build()} applies the record's rules. Not thread-safe. */
    @API(status = EXPERIMENTAL)
    public static final class Builder {
        private final String name;
        private double score;
        private double weight = 1;
        private boolean gate;
        private @Nullable Boolean passed;
        private @Nullable String expected;
        private @Nullable String actual;
        private List<Check> children = List.of();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The score in [0, 1]; default 0. */
        public Builder score(double value) {
            this.score = value;
            return this;
        }

        /** The weight among its siblings, finite and at least 0; default 1. */
        public Builder weight(double value) {
            this.weight = value;
            return this;
        }

        /** Whether the check is a hard gate (failing it fails the verdict); default no. */
        public Builder gate(boolean value) {
            this.gate = value;
            return this;
        }

        /** Whether the check passed; default: whether the score is 1. */
        public Builder passed(boolean value) {
            this.passed = value;
            return this;
        }

        /** What was expected, in a few words; null or absent: nothing said. */
        public Builder expected(@Nullable String value) {
            this.expected = value;
            return this;
        }

        /** What was found, in a few words; null or absent: nothing said. */
        public Builder actual(@Nullable String value) {
            this.actual = value;
            return this;
        }

        /** The checks this one is made of; default none. */
        public Builder children(List<Check> value) {
            this.children = List.copyOf(value);
            return this;
        }

        /**
         * The check.
         *
         * @throws IllegalArgumentException for a score outside [0, 1] or a negative or infinite weight
         */
        public Check build() {
            boolean didPass = passed != null ? passed : score >= 1;
            return new Check(name, score, weight, gate, didPass, expected, actual, children);
        }
    }
}
