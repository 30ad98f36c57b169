package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A registry of verifier factories by type name; composites use it to build their children.
 * The SDK's registry is itself a {@link java.util.ServiceLoader} service of this type, so modules
 * that do not depend on the built-in verifiers can still validate verifier configurations.
 */
@API(status = STABLE)
public interface VerifierFactories {
    /**
     * Builds the verifier a configuration describes.
     *
     * @param config  a JSON object with a {@code "type"}
     * @param pointer where {@code config} sits within the enclosing configuration ({@code ""} at the top,
     *                {@code "/checks/2"} for a child); errors are reported under it
     * @throws VerifierConfigException for an unknown type or an invalid configuration
     */
    Verifier create(JsonNode config, String pointer) throws VerifierConfigException;

    /** The type names known to this registry. */
    Set<String> types();

    /**
     * The reference files a configuration names, as paths relative to the task's {@code reference/}
     * folder, by the JSON Pointer (under {@code pointer}) of the field that names each. Opening a
     * pack checks that each exists, so a verifier naming a file the task lacks fails when the pack
     * is validated, not after an agent has run. A registry that cannot tell returns an empty map.
     */
    @API(status = EXPERIMENTAL)
    default Map<String, String> referenceFiles(JsonNode config, String pointer) {
        return Map.of();
    }

    /** What verifiers built by this registry may do (command verifiers refuse to build without it). */
    default VerifierPolicy policy() {
        return VerifierPolicy.DEFAULT;
    }

    /**
     * This registry building its verifiers under {@code policy} (the SDK's registry returns a copy;
     * a registry that cannot change its policy returns itself when the policy is its own).
     *
     * @throws UnsupportedOperationException when this registry cannot build under {@code policy}
     */
    @API(status = EXPERIMENTAL)
    default VerifierFactories withPolicy(VerifierPolicy policy) {
        if (policy.equals(policy())) {
            return this;
        }
        throw new UnsupportedOperationException(getClass().getName() + " cannot change its verifier policy");
    }

    /**
     * This registry with {@code command} verifiers allowed (the Python of its policy kept), for an
     * application that was asked to run the graders of a pack; a registry that cannot change its
     * policy returns itself and answers for itself through {@link #policy()}.
     */
    @API(status = EXPERIMENTAL)
    default VerifierFactories withCommandsAllowed() {
        VerifierPolicy allowed = new VerifierPolicy(true, policy().python());
        if (allowed.equals(policy())) {
            return this;
        }
        try {
            return withPolicy(allowed);
        } catch (UnsupportedOperationException e) {
            return this;
        }
    }
}
