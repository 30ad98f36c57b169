package dev.ale.core.adversary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.Outcome;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.core.AttemptResult;
import dev.ale.core.EvaluationReport;
import dev.ale.verifiers.VerifierRegistry;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built-in verifiers, with {@code text} holding on for a while after it has read the reference,
 * so that a verification overlaps the scans of the agents still running beside it.
 */
final class SlowVerifiers implements VerifierFactories {
    private final VerifierRegistry builtIn = VerifierRegistry.discover();
    final AtomicInteger verified = new AtomicInteger();

    @Override
    public Verifier create(JsonNode config, String pointer) {
        Verifier text = builtIn.create(config, pointer);
        if (!config.path("type").asText().equals("text")) {
            return text;
        }
        return ctx -> {
            Verdict v = text.verify(ctx);
            verified.incrementAndGet();
            Thread.sleep(300);
            return v;
        };
    }

    @Override
    public Set<String> types() {
        return builtIn.types();
    }

    /**
     * Checks that each of the {@code trials} attempts failed (no agent found the answer) and that
     * every one was scored, {@code meanwhile} (what the other agents were doing) naming the failure.
     */
    void assertEveryTrialFailedAndScored(EvaluationReport report, int trials, String meanwhile) {
        assertEquals(trials, report.attempts().size(), report.summary());
        for (AttemptResult a : report.attempts()) {
            assertEquals(Outcome.FAILED, a.outcome(), a.taskId() + " trial " + a.trial() + ": " + a.message());
        }
        assertEquals(trials, verified.get(), "every trial was scored while others " + meanwhile);
    }
}
