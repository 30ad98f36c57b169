package dev.ale.verifiers;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.ale.api.AleException;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierFactory;
import dev.ale.api.spi.VerifierPolicy;
import dev.ale.verifiers.internal.support.ReferenceNames;
import dev.ale.verifiers.internal.support.ScoreTransform;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The registry of verifier types: builds verifiers from their JSON configurations, including the
 * children of composites. {@link #discover()} finds every {@link VerifierFactory} listed in
 * {@code META-INF/services/dev.ale.api.spi.VerifierFactory} on the class path, {@link #discover(ModuleLayer)}
 * also those of a module layer: the built-in types ({@code file-exists}, {@code text}, {@code json},
 * {@code number}, {@code csv}, {@code all}, {@code any}, {@code weighted}, {@code command},
 * {@code rubric}, ...) and plugins. Built-in type names are bare; a plugin's name must carry a
 * namespace ({@code acme.double-entry}). Two factories of one type are an error naming both; a
 * provider that fails to load is left out and listed in {@link #problems()}. The registry carries
 * the {@link VerifierPolicy} its verifiers are built under ({@link #withPolicy}); by default
 * {@code command} verifiers are refused. Immutable and thread-safe.
 */
@API(status = EXPERIMENTAL)
public final class VerifierRegistry implements VerifierFactories {
    private static final String BUILT_IN_PACKAGE = "dev.ale.verifiers.internal";

    private final Map<String, VerifierFactory> factories;
    /** Each factory's {@link Discovery#identity} by type: what {@link #equals} compares. */
    private final Map<String, Object> identities;

    private final List<String> problems;
    private final VerifierPolicy policy;

    /** The registry of every factory found on the class path, as {@link #discover()}. */
    public VerifierRegistry() {
        this(new Discovery().search(contextLoader()).search(ownLoader()));
    }

    private VerifierRegistry(Discovery found) {
        Map<String, VerifierFactory> byType = new TreeMap<>();
        for (VerifierFactory f : found.factories()) {
            String type = typeOf(f);
            VerifierFactory other = byType.putIfAbsent(type, f);
            if (other != null) {
                throw new AleException(
                        "",
                        "",
                        "verifier type '" + type + "' is provided twice: by " + Discovery.describe(other.getClass())
                                + " and by " + Discovery.describe(f.getClass()));
            }
        }
        this.factories = ImmutableSortedMap.copyOf(byType);
        Map<String, Object> ids = new TreeMap<>();
        byType.forEach((type, f) -> ids.put(type, found.identity(f)));
        this.identities = ImmutableSortedMap.copyOf(ids);
        this.problems = ImmutableList.copyOf(found.problems());
        this.policy = VerifierPolicy.DEFAULT;
    }

    private VerifierRegistry(VerifierRegistry base, VerifierPolicy policy) {
        this.factories = base.factories;
        this.identities = base.identities;
        this.problems = base.problems;
        this.policy = policy;
    }

    /**
     * Finds the factories listed in {@code META-INF/services/dev.ale.api.spi.VerifierFactory} through
     * the thread's context class loader and this class's own loader.
     *
     * @throws AleException when two factories claim one type or a plugin's type is not namespaced
     */
    public static VerifierRegistry discover() {
        return new VerifierRegistry();
    }

    /**
     * The built-in factories plus those visible through {@code loader}, for plugins loaded in a
     * class loader of their own (a {@link java.net.URLClassLoader} over plugin jars).
     *
     * @throws AleException when two factories claim one type or a plugin's type is not namespaced
     */
    public static VerifierRegistry discover(ClassLoader loader) {
        return new VerifierRegistry(
                new Discovery().search(Objects.requireNonNull(loader, "loader")).search(ownLoader()));
    }

    /**
     * The built-in factories plus those provided by the modules of {@code layer} and its parents,
     * for plugins on the module path (named or automatic modules: an automatic module's
     * {@code META-INF/services} entries count as its {@code provides}).
     *
     * @throws AleException when two factories claim one type or a plugin's type is not namespaced
     */
    public static VerifierRegistry discover(ModuleLayer layer) {
        return new VerifierRegistry(
                new Discovery().search(Objects.requireNonNull(layer, "layer")).search(ownLoader()));
    }

    /** Like {@link #discover()}, through the given class loaders only. */
    static VerifierRegistry discover(List<ClassLoader> loaders) {
        Discovery d = new Discovery();
        loaders.forEach(d::search);
        return new VerifierRegistry(d);
    }

    /**
     * A registry of exactly the given factories (no discovery).
     *
     * @throws AleException when two factories claim one type or a plugin's type is not namespaced
     */
    public static VerifierRegistry of(VerifierFactory... factories) {
        return new VerifierRegistry(new Discovery().add(Arrays.asList(factories)));
    }

    /**
     * This registry with another policy, for instance {@code new VerifierPolicy(true)} to let
     * {@code command} verifiers run external graders. The policy reaches every factory, composites'
     * children included, through {@link #policy()}.
     */
    @Override
    public VerifierRegistry withPolicy(VerifierPolicy newPolicy) {
        return new VerifierRegistry(this, Objects.requireNonNull(newPolicy, "policy"));
    }

    @Override
    public VerifierPolicy policy() {
        return policy;
    }

    @Override
    public Verifier create(JsonNode config, String pointer) {
        Objects.requireNonNull(pointer, "pointer");
        if (config == null || !config.isObject()) {
            throw new VerifierConfigException(
                    pointer,
                    "a verifier configuration must be a JSON object with a \"type\", got "
                            + (config == null
                                    ? "nothing"
                                    : config.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        JsonNode type = config.get("type");
        if (type == null || !type.isTextual()) {
            throw new VerifierConfigException(
                    pointer + "/type",
                    type == null ? "\"type\" is required" : "\"type\" must be a string, got " + type);
        }
        VerifierFactory factory = factories.get(type.textValue());
        if (factory == null) {
            throw new VerifierConfigException(
                    pointer + "/type",
                    "unknown verifier type '" + type.textValue() + "'; known types: "
                            + String.join(", ", factories.keySet()));
        }
        ScoreTransform transform = ScoreTransform.wanted(config) ? ScoreTransform.read(config, pointer) : null;
        Verifier v;
        try {
            v = factory.create(transform == null ? config : ScoreTransform.without(config), this);
        } catch (VerifierConfigException e) {
            throw e.under(pointer);
        }
        if (v == null) {
            throw new VerifierConfigException(
                    pointer,
                    "the factory of type '" + type.textValue() + "' ("
                            + factory.getClass().getName() + ") returned no verifier");
        }
        return transform == null ? v : transform.wrap(v);
    }

    @Override
    public Set<String> types() {
        return factories.keySet();
    }

    /** The reference files the built-in verifiers of {@code config} name (see {@code ReferenceNames}). */
    @Override
    public Map<String, String> referenceFiles(JsonNode config, String pointer) {
        return ReferenceNames.of(config, pointer);
    }

    /** Providers that could not be loaded, one message each; empty when all loaded. */
    public List<String> problems() {
        return problems;
    }

    /**
     * Whether {@code o} builds the same verifier as this registry from every configuration: a
     * registry with equal policies and the same factories by type, where a factory found through
     * {@link java.util.ServiceLoader} is the same as another of its class (each was made by its
     * no-argument constructor) and a factory given to {@link #of} only as {@code equals} says. So two
     * calls of {@link #discover()} through the same class loaders give equal registries, and a runner
     * can take the verifiers built with one when a pack was opened instead of building them again.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof VerifierRegistry r && identities.equals(r.identities) && policy.equals(r.policy);
    }

    @Override
    public int hashCode() {
        return 31 * identities.hashCode() + policy.hashCode();
    }

    @Override
    public String toString() {
        return "VerifierRegistry" + factories.keySet()
                + (problems.isEmpty() ? "" : " with " + problems.size() + " problems")
                + (policy.allowCommands() ? " allowing commands" : "");
    }

    private static ClassLoader contextLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ownLoader();
    }

    private static ClassLoader ownLoader() {
        return VerifierRegistry.class.getClassLoader();
    }

    /** The factory's type name, checked against the naming rule. */
    private static String typeOf(VerifierFactory f) {
        String type = f.type();
        if (type == null || !validName(type)) {
            throw new AleException(
                    "",
                    "",
                    "verifier type name '" + type + "' of " + Discovery.describe(f.getClass())
                            + " is not valid: it must be letters, digits, '-' and '_', in segments separated by '.'");
        }
        boolean builtIn = isBuiltIn(f.getClass());
        if (!builtIn && type.indexOf('.') < 0) {
            throw new AleException(
                    "",
                    "",
                    "verifier type '" + type + "' of " + Discovery.describe(f.getClass())
                            + " must be namespaced, such as 'acme." + type
                            + "': bare names are reserved for the built-in verifiers");
        }
        if (builtIn && type.indexOf('.') >= 0) {
            throw new AleException("", "", "built-in verifier type '" + type + "' must be a bare name");
        }
        return type;
    }

    private static boolean validName(String type) {
        for (String segment : type.split("\\.", -1)) {
            if (segment.isEmpty() || !Character.isLetterOrDigit(segment.charAt(0))) {
                return false;
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Built in: in one of the internal packages and shipped in the same place as this class. */
    private static boolean isBuiltIn(Class<?> c) {
        return c.getPackageName().startsWith(BUILT_IN_PACKAGE + ".")
                && c.getClassLoader() == VerifierRegistry.class.getClassLoader()
                && Objects.equals(Discovery.location(c), Discovery.location(VerifierRegistry.class));
    }
}
