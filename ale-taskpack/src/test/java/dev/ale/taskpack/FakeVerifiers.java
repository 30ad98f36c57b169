package dev.ale.taskpack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierPolicy;
import java.util.List;
import java.util.Set;

/**
 * A stand-in for the verifier registry of ale-verifiers, registered as a service for the tests:
 * it knows the built-in type names, requires "checks" of composites and "path" of file-exists,
 * and refuses "command" unless its policy allows commands.
 */
public final class FakeVerifiers implements VerifierFactories {
    private final VerifierPolicy policy;

    public FakeVerifiers() {
        this(VerifierPolicy.DEFAULT);
    }

    private FakeVerifiers(VerifierPolicy policy) {
        this.policy = policy;
    }

    @Override
    public VerifierPolicy policy() {
        return policy;
    }

    @Override
    public FakeVerifiers withPolicy(VerifierPolicy newPolicy) {
        return new FakeVerifiers(newPolicy);
    }

    private static final Set<String> COMPOSITES = Set.of("all", "weighted", "any");
    private static final Set<String> TYPES =
            Set.of("file-exists", "text", "json", "number", "csv", "all", "weighted", "any", "command");

    @Override
    public Verifier create(JsonNode config, String pointer) {
        if (!config.isObject() || !config.path("type").isTextual()) {
            throw new VerifierConfigException(pointer + "/type", "a verifier needs a \"type\"");
        }
        String type = config.get("type").asText();
        if (!TYPES.contains(type)) {
            throw new VerifierConfigException(pointer + "/type", "unknown verifier type '" + type + "'");
        }
        if (type.equals("command") && !policy.allowCommands()) {
            throw new VerifierConfigException(pointer + "/type", "command verifiers are not allowed");
        }
        if (COMPOSITES.contains(type)) {
            JsonNode checks = config.path("checks");
            if (!checks.isArray() || checks.isEmpty()) {
                throw new VerifierConfigException(
                        pointer + "/checks", "a composite needs a non-empty \"checks\" array");
            }
            for (int i = 0; i < checks.size(); i++) {
                create(checks.get(i), pointer + "/checks/" + i);
            }
        }
        if (type.equals("file-exists") && !config.path("path").isTextual()) {
            throw new VerifierConfigException(pointer + "/path", "file-exists needs a \"path\"");
        }
        return ctx -> Verdict.of(1, "fake", List.of());
    }

    @Override
    public Set<String> types() {
        return TYPES;
    }
}
