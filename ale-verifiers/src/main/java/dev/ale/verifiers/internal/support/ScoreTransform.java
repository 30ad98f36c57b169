package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A transform of a verifier's score, configured on any verifier or composite with the options
 * {@code normalize}, {@code clamp} and {@code round}, applied in that order to a verdict whose
 * gate did not fail:
 * <ul>
 * <li>{@code normalize: {"threshold": t}}: 1 when the raw score reaches {@code t}, else
 *     raw / {@code t} (ALE's usual {@code 1.0 if passed else raw / threshold}), 0 < t <= 1;</li>
 * <li>{@code clamp: [lo, hi]}: the score limited to [lo, hi], 0 <= lo <= hi <= 1;</li>
 * <li>{@code round: n}: rounded to n decimals (0 to 15), half to even on the exact binary value,
 *     as Python's {@code round(x, n)}.</li>
 * </ul>
 * A failed gate stays a failed gate at 0. The verdict gets one more check, {@code score
 * transform}, weight 0, with the raw and the transformed score.
 *
 * @param threshold the normalize threshold, or null
 * @param lo        the lower clamp bound, or null
 * @param hi        the upper clamp bound, or null
 * @param decimals  the decimals to round to, or -1
 */
@API(status = INTERNAL)
public record ScoreTransform(Double threshold, Double lo, Double hi, int decimals) {
    /** The option names a transform takes, reserved on every verifier configuration. */
    public static final List<String> OPTIONS = List.of("normalize", "clamp", "round");

    /** Whether {@code config} (a verifier configuration object) asks for a transform. */
    public static boolean wanted(JsonNode config) {
        for (String option : OPTIONS) {
            if (config.has(option)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the transform options of {@code config}; errors name the JSON Pointer under
     * {@code pointer}.
     */
    public static ScoreTransform read(JsonNode config, String pointer) {
        Double threshold = null;
        JsonNode n = config.get("normalize");
        if (n != null) {
            Options o = Options.at(n, pointer + "/normalize", "threshold");
            BigDecimal t = o.decimal("threshold");
            if (t.signum() <= 0 || t.compareTo(BigDecimal.ONE) > 0) {
                throw o.error("threshold", "must be a number > 0 and <= 1, got " + t.toPlainString());
            }
            threshold = t.doubleValue();
        }
        Double lo = null;
        Double hi = null;
        JsonNode c = config.get("clamp");
        if (c != null) {
            if (!c.isArray()
                    || c.size() != 2
                    || !c.get(0).isNumber()
                    || !c.get(1).isNumber()) {
                throw new VerifierConfigException(
                        pointer + "/clamp", "must be [lo, hi], two numbers, got " + Options.kind(c));
            }
            lo = c.get(0).doubleValue();
            hi = c.get(1).doubleValue();
            if (!(lo >= 0 && lo <= hi && hi <= 1)) {
                throw new VerifierConfigException(
                        pointer + "/clamp", "needs 0 <= lo <= hi <= 1, got [" + c.get(0) + ", " + c.get(1) + "]");
            }
        }
        int decimals = -1;
        JsonNode r = config.get("round");
        if (r != null) {
            if (!r.isIntegralNumber() || r.asInt() < 0 || r.asInt() > 15 || !r.canConvertToInt()) {
                throw new VerifierConfigException(
                        pointer + "/round", "must be a whole number of decimals from 0 to 15, got " + r);
            }
            decimals = r.asInt();
        }
        return new ScoreTransform(threshold, lo, hi, decimals);
    }

    /** {@code config} without the transform options (a copy), for the verifier's own factory. */
    public static JsonNode without(JsonNode config) {
        ObjectNode copy = ((ObjectNode) config).deepCopy();
        copy.remove(OPTIONS);
        return copy;
    }

    /** The transformed score of a raw score in [0, 1]. */
    public double apply(double raw) {
        double s = raw;
        if (threshold != null) {
            s = s >= threshold ? 1.0 : Math.max(0.0, s / threshold);
        }
        if (lo != null) {
            s = Math.min(Math.max(s, lo), hi);
        }
        if (decimals >= 0) {
            s = new BigDecimal(s).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
        }
        return Math.min(1.0, Math.max(0.0, s));
    }

    /** The transform in a few words: {@code normalize at 0.7, clamp [0, 0.69], round to 6}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (threshold != null) {
            parts.add("normalize at " + number(threshold));
        }
        if (lo != null) {
            parts.add("clamp [" + number(lo) + ", " + number(hi) + "]");
        }
        if (decimals >= 0) {
            parts.add("round to " + decimals);
        }
        return String.join(", ", parts);
    }

    /** {@code verifier} with this transform applied to its verdicts. */
    public Verifier wrap(Verifier verifier) {
        return new Transformed(verifier, this);
    }

    private static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** A verifier whose verdicts are transformed; immutable if its inner verifier is. */
    record Transformed(Verifier inner, ScoreTransform transform) implements Verifier {
        @Override
        public Verdict verify(VerificationContext ctx) throws Exception {
            Verdict v = inner.verify(ctx);
            if (v == null || v.gateFailed()) {
                return v;
            }
            double raw = v.score();
            double score = transform.apply(raw);
            List<Check> checks = new ArrayList<>(v.checks());
            String shown = "raw " + format(raw) + " -> " + format(score);
            checks.add(
                    new Check("score transform", score, 0, false, score >= 1, transform.describe(), shown, List.of()));
            return Verdict.of(score, v.summary() + "; " + transform.describe() + ": " + shown, checks);
        }

        private static String format(double d) {
            return String.format(Locale.ROOT, "%.6f", d).replaceAll("0+$", "").replaceAll("\\.$", ".0");
        }
    }
}
