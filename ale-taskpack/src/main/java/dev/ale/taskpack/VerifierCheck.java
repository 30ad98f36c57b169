package dev.ale.taskpack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskPart;
import dev.ale.api.task.TaskSpec;
import dev.ale.archive.Listing;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Checks verifier configurations when a pack is opened, with the registry of the options or the
 * first {@link VerifierFactories} service on the class path, under the options' verifier policy;
 * without a registry, a warning is recorded.
 */
final class VerifierCheck {
    static final String NO_REGISTRY = "verifier configurations not checked: no verifier registry on the class path";

    private final Optional<VerifierFactories> registry;

    private VerifierCheck(Optional<VerifierFactories> registry) {
        this.registry = registry;
    }

    /** The check for these options; adds the warning to {@code warnings} when there is no registry. */
    static VerifierCheck of(PackOptions options, List<String> warnings) {
        Optional<VerifierFactories> registry = options.verifiers();
        if (registry.isEmpty()) {
            Iterator<VerifierFactories> found =
                    ServiceLoader.load(VerifierFactories.class).iterator();
            registry = found.hasNext() ? Optional.of(found.next()) : Optional.empty();
        }
        if (registry.isEmpty()) {
            warnings.add(NO_REGISTRY);
        } else if (!options.policy().equals(registry.get().policy())) {
            try {
                registry = Optional.of(registry.get().withPolicy(options.policy()));
            } catch (UnsupportedOperationException e) {
                warnings.add("verifier configurations checked under the registry's own policy: " + e.getMessage());
            }
        }
        return new VerifierCheck(registry);
    }

    /** The registry the verifiers are built with; empty when there is none. */
    Optional<VerifierFactories> registry() {
        return registry;
    }

    /**
     * Builds the task's verifier to validate its configuration, and checks that every reference file
     * it names is in the task's {@code reference/} folder (a sealed reference is not looked into).
     *
     * @return the verifier built, kept by the task for runs under the same registry; null without a registry
     * @throws VerifierConfigException located in the task's task.json, at the pointer under /verifier
     * @throws TaskPackException naming the task.json and the pointer of a reference file the task lacks
     */
    @Nullable
    Verifier check(TaskSpec spec, String taskJson, Listing listing) {
        if (registry.isEmpty()) {
            return null;
        }
        JsonNode config = spec.verifier(); // a copy: taken once for both uses
        Verifier built;
        try {
            built = registry.get().create(config, "/verifier");
        } catch (VerifierConfigException e) {
            throw e.in(taskJson);
        }
        if (listing.files().containsKey(SealedReference.entry(spec.id()))) {
            return built;
        }
        String folder = TaskLayout.folder(spec.id()) + TaskPart.REFERENCE.folder();
        for (Map.Entry<String, String> named :
                registry.get().referenceFiles(config, "/verifier").entrySet()) {
            if (!listing.files().containsKey(folder + named.getValue())) {
                throw new TaskPackException(
                        taskJson,
                        named.getKey(),
                        "the verifier reads the reference file '" + named.getValue() + "', but there is no " + folder
                                + named.getValue());
            }
        }
        return built;
    }
}
