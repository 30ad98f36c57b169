package dev.ale.testkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierFactory;
import dev.ale.api.spi.VerifierPolicy;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The registry a contract builds verifiers with: the factory under test, then whatever
 * {@link VerifierFactories} the class path provides (the built-in verifiers, when
 * {@code ale-verifiers} is there) for the types it nests; with the contract's policy.
 */
@API(status = INTERNAL)
public final class ContractFactories implements VerifierFactories {
    private final VerifierFactory factory;
    private final VerifierPolicy policy;
    private final Optional<VerifierFactories> fallback;

    public ContractFactories(VerifierFactory factory, VerifierPolicy policy) {
        this.factory = factory;
        this.policy = policy;
        this.fallback = ServiceLoader.load(VerifierFactories.class).findFirst();
    }

    @Override
    public Verifier create(JsonNode config, String pointer) {
        JsonNode type = config == null ? null : config.get("type");
        if (type != null && type.isTextual() && type.textValue().equals(factory.type())) {
            try {
                return factory.create(config, this);
            } catch (VerifierConfigException e) {
                throw e.under(pointer);
            }
        }
        if (fallback.isPresent()) {
            return fallback.get().create(config, pointer);
        }
        throw new VerifierConfigException(
                pointer + "/type", "unknown verifier type " + type + " in this contract; known: " + factory.type());
    }

    @Override
    public Set<String> types() {
        Set<String> out = new TreeSet<>(fallback.map(VerifierFactories::types).orElse(Set.of()));
        out.add(factory.type());
        return out;
    }

    @Override
    public VerifierPolicy policy() {
        return policy;
    }
}
