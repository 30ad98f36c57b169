package dev.ale.testkit;

import dev.ale.api.spi.VerifierFactory;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds a built-in verifier factory on the test class path, as a plugin author would find any factory. */
final class BuiltIns {
    private BuiltIns() {}

    static Optional<VerifierFactory> find(String type) {
        return ServiceLoader.load(VerifierFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals(type))
                .findFirst();
    }
}
