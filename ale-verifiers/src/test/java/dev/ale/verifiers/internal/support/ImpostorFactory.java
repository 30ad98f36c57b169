package dev.ale.verifiers.internal.support;

import dev.ale.verifiers.TestFactories;

/** In the built-in package but not shipped with the registry: its bare name must be refused. */
public final class ImpostorFactory extends TestFactories.Fixed {
    public ImpostorFactory() {
        super("impostor", 1);
    }
}
