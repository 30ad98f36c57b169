package dev.ale.taskpack.internal;

import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.task.Task;
import java.util.Optional;

/**
 * A task whose verifier was built when its pack was opened, to check its configuration: a runner
 * takes it instead of building the same verifier a second time. Internal to the SDK, not an API.
 */
public interface OpenedVerifier {
    /**
     * The verifier built when the pack was opened, when the registry that built it equals
     * {@code registry} (then it is the verifier {@code registry} builds); empty otherwise.
     */
    Optional<Verifier> verifierBuiltBy(VerifierFactories registry);

    /** {@link #verifierBuiltBy} of {@code task} when it is an opened pack's task; empty for any other task. */
    static Optional<Verifier> of(Task task, VerifierFactories registry) {
        return task instanceof OpenedVerifier opened ? opened.verifierBuiltBy(registry) : Optional.empty();
    }
}
