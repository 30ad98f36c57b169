package dev.ale.testkit;

import dev.ale.api.spi.VerifierFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract applied to one built-in verifier, found as a plugin author would find any factory.
 * An optional one (newer than some installed ale-verifiers jars) is skipped where it is missing.
 */
abstract class BuiltInContract extends VerifierContract {
    private final String type;
    private final boolean optional;

    BuiltInContract(String type, boolean optional) {
        this.type = type;
        this.optional = optional;
    }

    @BeforeEach
    void present() {
        if (optional) {
            Assumptions.assumeTrue(BuiltIns.find(type).isPresent(), "this ale-verifiers has no " + type + " verifier");
        }
    }

    @Override
    protected VerifierFactory factory() {
        return BuiltIns.find(type).orElseThrow();
    }
}
