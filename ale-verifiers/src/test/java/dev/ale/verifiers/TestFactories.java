package dev.ale.verifiers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierFactory;
import java.util.List;

/** Plugin factories for the registry tests, public so that ServiceLoader can build them. */
public final class TestFactories {
    private TestFactories() {}

    /** A factory of one type whose verifiers always give one score. */
    public abstract static class Fixed implements VerifierFactory {
        private final String type;
        private final Verifier verifier;

        protected Fixed(String type, double score) {
            this.type = type;
            this.verifier = ctx -> Verdict.of(score, type, List.of());
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public Verifier create(JsonNode config, VerifierFactories nested) {
            return verifier;
        }
    }

    /** A well-behaved plugin, {@code acme.double-entry}: scores {@code "score"} (default 1), refuses {@code "bad"}. */
    public static final class Acme extends Fixed {
        public Acme() {
            super("acme.double-entry", 1);
        }

        @Override
        public Verifier create(JsonNode config, VerifierFactories nested) {
            if (config.has("bad")) {
                throw new VerifierConfigException("/bad", "acme refuses bad");
            }
            double score = config.path("score").asDouble(1);
            return ctx -> Verdict.of(score, "acme", List.of());
        }
    }

    /** Claims the same type as {@link Acme}. */
    public static final class AcmeTwin extends Fixed {
        public AcmeTwin() {
            super("acme.double-entry", 0);
        }
    }

    /** A plugin with a bare (not namespaced) name. */
    public static final class Bare extends Fixed {
        public Bare() {
            super("double-entry", 1);
        }
    }

    /** A plugin whose constructor throws, as a broken plugin might. */
    public static final class Broken extends Fixed {
        public Broken() {
            super("acme.broken", 1);
            throw new IllegalStateException("broken on purpose");
        }
    }

    /** A plugin that throws when asked its type. */
    public static final class Mute extends Fixed {
        public Mute() {
            super("acme.mute", 1);
        }

        @Override
        public String type() {
            throw new UnsupportedOperationException("no comment");
        }
    }

    /** A plugin that returns no verifier. */
    public static final class Null extends Fixed {
        public Null() {
            super("acme.null", 1);
        }

        @Override
        public Verifier create(JsonNode config, VerifierFactories nested) {
            return null;
        }
    }

    /** A factory with the given type name. */
    static VerifierFactory named(String type) {
        return new Fixed(type, 1) {};
    }
}
