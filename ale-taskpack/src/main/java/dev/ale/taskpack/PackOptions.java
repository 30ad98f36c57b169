package dev.ale.taskpack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.spi.VerifierFactories;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How a pack is opened: the safety limits for archives and the verifier registry used to check
 * verifier configurations (empty: the one found with {@link java.util.ServiceLoader}; if none is
 * found, configurations are checked when an evaluator is built instead).
 *
 * @param limits    archive safety limits
 * @param verifiers the registry to validate verifier configurations with
 */
@API(status = EXPERIMENTAL)
public record PackOptions(PackLimits limits, Optional<VerifierFactories> verifiers) {
    public PackOptions {
        java.util.Objects.requireNonNull(limits, "limits");
        java.util.Objects.requireNonNull(verifiers, "verifiers");
    }

    public static PackOptions defaults() {
        return new PackOptions(PackLimits.defaults(), Optional.empty());
    }

    public PackOptions withLimits(PackLimits newLimits) {
        return new PackOptions(newLimits, verifiers);
    }

    public PackOptions withVerifiers(VerifierFactories registry) {
        return new PackOptions(limits, Optional.of(registry));
    }
}
