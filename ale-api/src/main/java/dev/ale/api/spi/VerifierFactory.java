package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.databind.JsonNode;
import org.apiguardian.api.API;

/**
 * The plugin SPI: makes verifiers of one type from their JSON configuration. Implementations are
 * found with {@link java.util.ServiceLoader} through {@code META-INF/services/dev.ale.api.spi.VerifierFactory}.
 * Built-in types have bare names ({@code csv}); plugin types are namespaced ({@code acme.double-entry}).
 */
@API(status = STABLE)
public interface VerifierFactory {
    /** The type name this factory answers to in {@code "type"}. */
    String type();

    /**
     * Checks the configuration and builds a verifier from it. All validation happens here, so a
     * bad config fails when the pack is opened, not in the middle of a run.
     *
     * @param config the verifier's JSON object (including {@code "type"})
     * @param nested creates child verifiers, for composites
     * @throws VerifierConfigException naming the JSON Pointer (relative to {@code config}) and rule
     */
    Verifier create(JsonNode config, VerifierFactories nested) throws VerifierConfigException;
}
