package dev.ale.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifierFactoriesTest {
    /** A registry without verifiers; one that is not {@code changeable} keeps its policy. */
    private record Registry(VerifierPolicy policy, boolean changeable) implements VerifierFactories {
        @Override
        public Verifier create(JsonNode config, String pointer) {
            throw new VerifierConfigException(pointer + "/type", "no verifiers here");
        }

        @Override
        public Set<String> types() {
            return Set.of();
        }

        @Override
        public VerifierFactories withPolicy(VerifierPolicy newPolicy) {
            return changeable ? new Registry(newPolicy, true) : VerifierFactories.super.withPolicy(newPolicy);
        }
    }

    @Test
    void allowingCommandsKeepsThePythonOfThePolicy() {
        Path python = Path.of("/opt/python3");
        VerifierFactories allowed = new Registry(VerifierPolicy.DEFAULT.withPython(python), true).withCommandsAllowed();
        assertEquals(new VerifierPolicy(true, Optional.of(python)), allowed.policy());
    }

    @Test
    void aRegistryThatAlreadyAllowsCommandsIsReturnedAsItIs() {
        VerifierFactories registry = new Registry(new VerifierPolicy(true), true);
        assertSame(registry, registry.withCommandsAllowed());
    }

    @Test
    void aRegistryThatCannotChangeItsPolicyAnswersForItself() {
        VerifierFactories fixed = new Registry(VerifierPolicy.DEFAULT, false);
        assertSame(fixed, fixed.withCommandsAllowed());
        assertFalse(fixed.withCommandsAllowed().policy().allowCommands());
    }
}
