package dev.ale.verifiers.internal.composite;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.OptionsFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The {@code checkpoints} verifier: partial progress as TheAgentCompany grades it. Each child of
 * {@code checks} is a named checkpoint worth {@code points} (a number > 0, default 1), earned only
 * when its verifier fully passes (score 1, no failed gate).
 *
 * <pre>{"type": "checkpoints", "fullCreditOn": "submitted", "checks": [
 *   {"name": "data loaded", "points": 1, "type": "file-exists", "path": "data/clean.csv"},
 *   {"name": "report written", "points": 2, "type": "markdown", "file": "report.md", "headings": ["Findings"]},
 *   {"name": "submitted", "points": 3, "type": "json", "file": "submission.json", "expectedFile": "submission.json"}]}</pre>
 * Score = points earned / total points. When every checkpoint passes, or the one named by
 * {@code fullCreditOn} passes, the score is 1. With {@code completionBonus} b (in [0, 1)), the
 * share b of the score is kept for completing everything: short of that the score is
 * (1 - b) x earned / total (TheAgentCompany uses b = 0.5). A child marked {@code gate} that does not
 * fully pass fails the whole verdict's gate, as in the composites.
 */
@API(status = INTERNAL)
public final class CheckpointsVerifierFactory extends OptionsFactory {
    private static final String[] OPTIONS = {"checks", "fullCreditOn", "completionBonus"};

    public CheckpointsVerifierFactory() {
        super("checkpoints", OPTIONS);
    }

    @Override
    protected Verifier build(Options o, VerifierFactories nested) {
        List<CompositeVerifierFactory.Child> children = CompositeVerifierFactory.children(o, nested, "points");
        String fullCreditOn = null;
        if (o.has("fullCreditOn")) {
            fullCreditOn = o.string("fullCreditOn");
            List<String> names =
                    children.stream().map(CompositeVerifierFactory.Child::name).toList();
            if (!names.contains(fullCreditOn)) {
                throw o.error(
                        "fullCreditOn",
                        "no checkpoint is named '" + fullCreditOn + "'; names: " + String.join(", ", names));
            }
        }
        double bonus = 0;
        if (o.has("completionBonus")) {
            bonus = o.decimal("completionBonus").doubleValue();
            if (!(bonus >= 0 && bonus < 1)) {
                throw o.error(
                        "completionBonus",
                        "must be a number from 0 up to (not including) 1, got " + o.raw("completionBonus"));
            }
        }
        return new Checkpoints(children, fullCreditOn, bonus);
    }

    /** The verifier; immutable if its children are. */
    record Checkpoints(List<CompositeVerifierFactory.Child> children, String fullCreditOn, double bonus)
            implements Verifier {
        Checkpoints {
            children = List.copyOf(children);
        }

        @Override
        public Verdict verify(VerificationContext ctx) throws Exception {
            double total = children.stream()
                    .mapToDouble(CompositeVerifierFactory.Child::weight)
                    .reduce(0, Double::sum);
            List<Check> checks = new ArrayList<>();
            double earned = 0;
            int passed = 0;
            boolean finalPassed = false;
            Check failedGate = null;
            for (CompositeVerifierFactory.Child c : children) {
                Verdict v = CompositeVerifierFactory.run(c, ctx);
                boolean full = v.fullPass(1.0);
                String actual =
                        full ? "full pass" : String.format(Locale.ROOT, "score %.3f: %s", v.score(), v.summary());
                Check check = c.check(
                        v,
                        full ? 1 : 0,
                        full,
                        "full pass for " + points(c.weight()) + " points" + (c.gate() ? " (gate)" : ""),
                        actual);
                checks.add(check);
                if (full) {
                    earned += c.weight();
                    passed++;
                    finalPassed |= c.name().equals(fullCreditOn);
                } else if (c.gate() && failedGate == null) {
                    failedGate = check;
                }
            }
            String tally = passed + " of " + children.size() + " checkpoints pass, " + points(earned) + " of "
                    + points(total) + " points";
            if (failedGate != null) {
                return Verdict.gateFailed(
                        "gate checkpoint '" + failedGate.name() + "' failed: " + failedGate.actual(), checks);
            }
            if (finalPassed) {
                return Verdict.of(1, tally + "; '" + fullCreditOn + "' passed: full credit", checks);
            }
            if (passed == children.size()) {
                return Verdict.of(1, tally, checks);
            }
            double score = Math.min(1, (1 - bonus) * earned / total);
            return Verdict.of(
                    score,
                    tally
                            + (bonus > 0
                                    ? String.format(
                                            Locale.ROOT, " (%.0f%% of the score is for completing all)", bonus * 100)
                                    : ""),
                    checks);
        }

        private static String points(double p) {
            return p == Math.rint(p) && Math.abs(p) < 1e15 ? String.valueOf((long) p) : String.valueOf(p);
        }
    }
}
