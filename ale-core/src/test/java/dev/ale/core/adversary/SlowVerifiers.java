package dev.ale.core.adversary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
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
}
