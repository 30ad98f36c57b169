package dev.ale.core.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.verifiers.VerifierRegistry;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The built-in verifiers plus hostile plugins: one that throws, one that hangs and ignores
 * interrupts (until {@link Release}), one that builds a verdict with the score of its
 * configuration ({@code "score": "1.5"}, {@code "NaN"}), one that returns null, and one whose check
 * has a weight of NaN.
 */
final class HostileVerifiers implements VerifierFactories {
    private static final Set<String> HOSTILE =
            Set.of("hostile.throws", "hostile.hangs", "hostile.score", "hostile.null", "hostile.nan-weight");

    private final VerifierRegistry builtIn = VerifierRegistry.discover();

    @Override
    public Verifier create(JsonNode config, String pointer) {
        String type = config.path("type").asText();
        switch (type) {
            case "hostile.throws":
                return ctx -> {
                    throw new IllegalStateException("plugin bug in hostile.throws");
                };
            case "hostile.hangs":
                return ctx -> {
                    Release.sleepIgnoringInterrupts();
                    return Verdict.of(1, "woke up", List.of());
                };
            case "hostile.score": {
                double score = Double.parseDouble(config.path("score").asText());
                return ctx -> new Verdict(score, false, "a score of " + score, List.of());
            }
            case "hostile.null":
                return ctx -> null;
            case "hostile.nan-weight":
                return ctx -> Verdict.of(
                        1, "weighted by NaN", List.of(Check.pass("c", "", "").withWeight(Double.NaN)));
            default:
                return builtIn.create(config, pointer);
        }
    }

    @Override
    public Set<String> types() {
        Set<String> all = new TreeSet<>(builtIn.types());
        all.addAll(HOSTILE);
        return all;
    }
}
