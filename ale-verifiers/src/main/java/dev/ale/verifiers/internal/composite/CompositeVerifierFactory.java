package dev.ale.verifiers.internal.composite;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.AleException;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierFactory;
import dev.ale.verifiers.internal.support.JsonPointers;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.Render;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The composite verifiers {@code all}, {@code any} and {@code weighted}, which combine the
 * verdicts of child verifiers listed in {@code "checks"}.
 *
 * <pre>{"type": "weighted", "checks": [
 *   {"type": "file-exists", "paths": ["out.csv"], "name": "delivered", "gate": true},
 *   {"type": "csv", "file": "out.csv", "expectedFile": "expected.csv", "key": "id", "weight": 3}]}</pre>
 * Each child is a verifier configuration plus, optionally: {@code name} (its check's name,
 * unique; default {@code <type> [<index>]}), {@code gate} (true: when this child is not a full
 * pass the composite's gate fails and it scores 0) and, for {@code weighted} only,
 * {@code weight} (a number > 0, default 1; 0 for a pure gate, a child with {@code gate: true}
 * that decides the gate and adds nothing to the score). A child's own failed gate scores that child 0 and
 * fails the composite's gate only when the child is marked {@code gate}.
 * <ul>
 * <li>{@code all}: score = the lowest child score; a full pass only when every child fully passes.</li>
 * <li>{@code any}: score = the highest child score.</li>
 * <li>{@code weighted}: score = sum(weight * score) / sum(weight).</li>
 * </ul>
 * The composite has one check per child, whose children are that child's checks.
 */
@API(status = INTERNAL)
public abstract class CompositeVerifierFactory implements VerifierFactory {
    private final Mode mode;

    private CompositeVerifierFactory(Mode mode) {
        this.mode = mode;
    }

    /** The {@code all} verifier: every child must pass; score = minimum. */
    @API(status = INTERNAL)
    public static final class All extends CompositeVerifierFactory {
        public All() {
            super(Mode.ALL);
        }
    }

    /** The {@code any} verifier: score = maximum of the children. */
    @API(status = INTERNAL)
    public static final class Any extends CompositeVerifierFactory {
        public Any() {
            super(Mode.ANY);
        }
    }

    /** The {@code weighted} verifier: score = weighted mean of the children. */
    @API(status = INTERNAL)
    public static final class Weighted extends CompositeVerifierFactory {
        public Weighted() {
            super(Mode.WEIGHTED);
        }
    }

    @API(status = INTERNAL)
    public enum Mode {
        ALL,
        ANY,
        WEIGHTED
    }

    @Override
    public final String type() {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public final Verifier create(JsonNode config, VerifierFactories nested) {
        Options o = Options.of(config, "checks");
        return new Composite(mode, children(o, nested, mode == Mode.WEIGHTED ? "weight" : null));
    }

    /**
     * Reads the non-empty {@code "checks"} array of {@code o}: each child's {@code name} (unique;
     * default {@code <type> [<index>]}), {@code gate} flag and, when {@code weightKey} is not null,
     * the number > 0 under that key (default 1), then builds the rest of it through {@code nested}.
     * A child carrying {@code "weight"} when {@code weightKey} is not {@code "weight"} is an error.
     */
    public static List<Child> children(Options o, VerifierFactories nested, String weightKey) {
        JsonNode list = o.require("checks");
        if (!list.isArray() || list.isEmpty()) {
            throw o.error("checks", "must be a non-empty array of verifier configurations, got " + Options.kind(list));
        }
        List<Child> children = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean weighed = false;
        for (int i = 0; i < list.size(); i++) {
            String at = JsonPointers.child(o.pointer("checks"), i);
            JsonNode c = list.get(i);
            if (!c.isObject()) {
                throw new VerifierConfigException(at, "must be a JSON object, got " + Options.kind(c));
            }
            String name = c.has("name")
                    ? Options.text(c.get("name"), at + "/name")
                    : c.path("type").asText("?") + " [" + i + "]";
            if (!names.add(name)) {
                throw new VerifierConfigException(at + "/name", "duplicate check name '" + name + "'");
            }
            if (c.has("weight") && !"weight".equals(weightKey)) {
                throw new VerifierConfigException(at + "/weight", "weight applies to children of weighted only");
            }
            JsonNode g = c.path("gate");
            if (!g.isMissingNode() && !g.isBoolean()) {
                throw new VerifierConfigException(at + "/gate", "must be true or false, got " + Options.kind(g));
            }
            double weight = 1;
            if (weightKey != null && c.has(weightKey)) {
                weight = weight(c.get(weightKey), g.asBoolean(false), at + "/" + weightKey);
            }
            weighed |= weight > 0;
            ObjectNode child = ((ObjectNode) c).deepCopy();
            child.remove(weightKey == null ? List.of("name", "gate") : List.of("name", "gate", weightKey));
            children.add(new Child(name, weight, g.asBoolean(false), nested.create(child, at)));
        }
        if (!weighed) {
            throw o.error("checks", "every child has " + weightKey + " 0: at least one needs a " + weightKey + " > 0");
        }
        return List.copyOf(children);
    }

    /**
     * A child's weight: a number > 0, or 0 for a pure gate (a child with {@code gate: true} that
     * decides the gate and adds nothing to the score).
     */
    private static double weight(JsonNode w, boolean gate, String at) {
        if (!w.isNumber() || !(w.doubleValue() >= 0) || Double.isInfinite(w.doubleValue())) {
            throw new VerifierConfigException(at, "must be a number >= 0, got " + w);
        }
        if (w.doubleValue() == 0 && !gate) {
            throw new VerifierConfigException(
                    at, "0 is the weight of a pure gate: add \"gate\": true, or give a number > 0");
        }
        return w.doubleValue();
    }

    /** Runs one child; a verifier that returns no verdict is an error naming the check. */
    static Verdict run(Child c, VerificationContext ctx) throws Exception {
        Verdict v = c.verifier().verify(ctx);
        if (v == null) {
            throw new AleException("", "", "verifier of check '" + c.name() + "' returned no verdict");
        }
        return v;
    }

    /** One child: its check name, weight, whether it is a gate, and its verifier. */
    @API(status = INTERNAL)
    public record Child(String name, double weight, boolean gate, Verifier verifier) {
        /** This child's check in its parent's verdict: its own checks below, {@code actual} cut short. */
        Check check(Verdict v, double score, boolean full, String expected, String actual) {
            return new Check(
                    name, score, weight, gate, full, expected, Render.brief(actual, 2 * Render.WIDTH), v.checks());
        }
    }

    /** The verifier; immutable if its children are. */
    @API(status = INTERNAL)
    public record Composite(Mode mode, List<Child> children) implements Verifier {
        public Composite {
            children = List.copyOf(children);
        }

        @Override
        public Verdict verify(VerificationContext ctx) throws Exception {
            List<Check> checks = new ArrayList<>();
            double min = 1;
            double max = 0;
            double weighted = 0;
            double weights = 0;
            int passed = 0;
            Check failedGate = null;
            for (Child c : children) {
                Verdict v = run(c, ctx);
                boolean full = v.fullPass(1.0);
                Check check = c.check(v, v.score(), full, c.gate() ? "full pass (gate)" : "full pass", v.summary());
                checks.add(check);
                passed += full ? 1 : 0;
                if (c.gate() && !full && failedGate == null) {
                    failedGate = check;
                }
                min = Math.min(min, v.score());
                max = Math.max(max, v.score());
                weighted += c.weight() * v.score();
                weights += c.weight();
            }
            if (failedGate != null) {
                return Verdict.gateFailed("gate '" + failedGate.name() + "' failed: " + failedGate.actual(), checks);
            }
            double score =
                    switch (mode) {
                        case ALL -> min;
                        case ANY -> max;
                        case WEIGHTED -> Math.min(1, Math.max(0, weighted / weights));
                    };
            String how =
                    switch (mode) {
                        case ALL -> "lowest";
                        case ANY -> "highest";
                        case WEIGHTED -> "weighted";
                    };
            return Verdict.of(
                    score,
                    passed + " of " + children.size() + " checks pass; " + how + " score "
                            + String.format(Locale.ROOT, "%.3f", score),
                    checks);
        }
    }
}
