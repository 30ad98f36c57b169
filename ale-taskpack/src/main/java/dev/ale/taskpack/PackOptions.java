package dev.ale.taskpack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierPolicy;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How a pack is opened: the safety limits for archives and the verifier registry used to check
 * verifier configurations (empty: the one found with {@link java.util.ServiceLoader}; if none is
 * found, configurations are checked when an evaluator is built instead).
 *
 * @param limits    archive safety limits
 * @param verifiers the registry to validate verifier configurations with
 * @param policy    what verifiers may do while they are validated: {@code command} verifiers
 *     validate only under a policy that allows them (the registry is asked for a copy under it)
 */
@API(status = EXPERIMENTAL)
public record PackOptions(PackLimits limits, Optional<VerifierFactories> verifiers, VerifierPolicy policy) {
    public PackOptions {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(verifiers, "verifiers");
        Objects.requireNonNull(policy, "policy");
    }

    /** Options with the default verifier policy (no command verifiers). */
    public PackOptions(PackLimits limits, Optional<VerifierFactories> verifiers) {
        this(limits, verifiers, VerifierPolicy.DEFAULT);
    }

    public static PackOptions defaults() {
        return new PackOptions(PackLimits.defaults(), Optional.empty());
    }

    public PackOptions withLimits(PackLimits newLimits) {
        return new PackOptions(newLimits, verifiers, policy);
    }

    public PackOptions withVerifiers(VerifierFactories registry) {
        return new PackOptions(limits, Optional.of(registry), policy);
    }

    /** These options with verifiers validated under {@code newPolicy}. */
    public PackOptions withPolicy(VerifierPolicy newPolicy) {
        return new PackOptions(limits, verifiers, newPolicy);
    }
}
