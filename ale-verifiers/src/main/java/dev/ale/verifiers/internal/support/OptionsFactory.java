package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierFactory;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * A built-in verifier factory: its type name and the option names its configuration may hold.
 * {@link #create} checks the configuration against those names (see {@link Options#of}) and
 * hands the options to {@link #build}.
 */
@API(status = INTERNAL)
public abstract class OptionsFactory implements VerifierFactory {
    private final String type;
    private final String[] options;

    /** A factory of verifiers of {@code type} whose configuration may hold {@code options} (and "type"). */
    protected OptionsFactory(String type, String... options) {
        this.type = type;
        this.options = options.clone();
    }

    /** The option names of several groups, for a configuration whose options fall into parts. */
    protected static String[] groups(String[]... groups) {
        return Arrays.stream(groups).flatMap(Arrays::stream).toArray(String[]::new);
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public Verifier create(JsonNode config, VerifierFactories nested) {
        return build(Options.of(config, options), nested);
    }

    /** The verifier of a configuration whose option names have been checked. */
    protected abstract Verifier build(Options o, VerifierFactories nested);
}
