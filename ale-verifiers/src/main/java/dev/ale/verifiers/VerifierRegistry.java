package dev.ale.verifiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.ale.api.AleException;
import dev.ale.api.Verifier;
import dev.ale.api.VerifierConfigException;
import dev.ale.api.VerifierFactories;
import dev.ale.api.VerifierFactory;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registry of verifier types: builds verifiers from their JSON configurations, including the
 * children of composites. {@link #discover()} finds every {@link VerifierFactory} listed in
 * {@code META-INF/services/dev.ale.api.VerifierFactory} on the class path: the built-in types
 * ({@code file-exists}, {@code text}, {@code json}, {@code number}, {@code csv}, {@code all},
 * {@code any}, {@code weighted}) and plugins. Built-in type names are bare; a plugin's name must
 * carry a namespace ({@code acme.double-entry}). Two factories of one type are an error naming
 * both; a provider that fails to load is left out and listed in {@link #problems()}.
 * Immutable and thread-safe.
 */
public final class VerifierRegistry implements VerifierFactories {
    private static final String BUILT_IN_PACKAGE = "dev.ale.verifiers.internal";
    private static final int MAX_LOAD_ERRORS = 100;

    private final Map<String, VerifierFactory> factories;
    private final List<String> problems;

    /** The registry of every factory found on the class path, as {@link #discover()}. */
    public VerifierRegistry() {
        this(discoveredFactories(loaders()));
    }

    private VerifierRegistry(Found found) {
        Map<String, VerifierFactory> byType = new TreeMap<>();
        for (VerifierFactory f : found.factories) {
            String type = typeOf(f);
            VerifierFactory other = byType.putIfAbsent(type, f);
            if (other != null) {
                throw new AleException("", "", "verifier type '" + type + "' is provided twice: by "
                        + describe(other.getClass()) + " and by " + describe(f.getClass()));
            }
        }
        this.factories = ImmutableSortedMap.copyOf(byType);
        this.problems = ImmutableList.copyOf(found.problems);
    }

    /**
     * Finds the factories listed in {@code META-INF/services/dev.ale.api.VerifierFactory} through
     * the thread's context class loader and this class's own loader.
     *
     * @throws AleException when two factories claim one type or a plugin's type is not namespaced
     */
    public static VerifierRegistry discover() {
        return new VerifierRegistry();
    }

    /** Like {@link #discover()}, through the given class loaders only. */
    static VerifierRegistry discover(List<ClassLoader> loaders) {
        return new VerifierRegistry(discoveredFactories(loaders));
    }

    /**
     * A registry of exactly the given factories (no discovery).
     *
     * @throws AleException when two factories claim one type or a plugin's type is not namespaced
     */
    public static VerifierRegistry of(VerifierFactory... factories) {
        return new VerifierRegistry(new Found(Arrays.asList(factories), List.of()));
    }

    @Override
    public Verifier create(JsonNode config, String pointer) {
        Objects.requireNonNull(pointer, "pointer");
        if (config == null || !config.isObject()) {
            throw new VerifierConfigException(pointer, "a verifier configuration must be a JSON object with a \"type\", got "
                    + (config == null ? "nothing" : config.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        JsonNode type = config.get("type");
        if (type == null || !type.isTextual()) {
            throw new VerifierConfigException(pointer + "/type", type == null ? "\"type\" is required"
                    : "\"type\" must be a string, got " + type);
        }
        VerifierFactory factory = factories.get(type.textValue());
        if (factory == null) {
            throw new VerifierConfigException(pointer + "/type", "unknown verifier type '" + type.textValue()
                    + "'; known types: " + String.join(", ", factories.keySet()));
        }
        Verifier v;
        try {
            v = factory.create(config, this);
        } catch (VerifierConfigException e) {
            throw e.under(pointer);
        }
        if (v == null) {
            throw new VerifierConfigException(pointer, "the factory of type '" + type.textValue() + "' ("
                    + factory.getClass().getName() + ") returned no verifier");
        }
        return v;
    }

    @Override
    public Set<String> types() {
        return factories.keySet();
    }

    /** Providers that could not be loaded, one message each; empty when all loaded. */
    public List<String> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return "VerifierRegistry" + factories.keySet() + (problems.isEmpty() ? "" : " with " + problems.size() + " problems");
    }

    private record Found(List<VerifierFactory> factories, List<String> problems) {
    }

    private static List<ClassLoader> loaders() {
        Set<ClassLoader> out = new LinkedHashSet<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            out.add(context);
        }
        out.add(VerifierRegistry.class.getClassLoader());
        return List.copyOf(out);
    }

    private static Found discoveredFactories(List<ClassLoader> loaders) {
        List<VerifierFactory> found = new ArrayList<>();
        Set<Class<?>> classes = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (ClassLoader loader : loaders) {
            Iterator<VerifierFactory> it = ServiceLoader.load(VerifierFactory.class, loader).iterator();
            int errors = 0;
            while (true) {
                VerifierFactory f;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    f = it.next();
                } catch (ServiceConfigurationError | LinkageError e) {
                    problems.add("verifier factory left out: " + e.getMessage()
                            + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
                    if (++errors == MAX_LOAD_ERRORS) {
                        problems.add("stopped looking for verifier factories after " + MAX_LOAD_ERRORS + " errors");
                        break;
                    }
                    continue;
                }
                if (classes.add(f.getClass()) && answers(f, problems)) {
                    found.add(f);
                }
            }
        }
        return new Found(found, problems);
    }

    /** Whether a discovered factory can say its type; a plugin that throws here is a problem, not a crash. */
    private static boolean answers(VerifierFactory f, List<String> problems) {
        try {
            f.type();
            return true;
        } catch (RuntimeException | LinkageError e) {
            problems.add("verifier factory left out: " + describe(f.getClass()) + " failed to name its type: " + e);
            return false;
        }
    }

    /** The factory's type name, checked against the naming rule. */
    private static String typeOf(VerifierFactory f) {
        String type = f.type();
        if (type == null || !validName(type)) {
            throw new AleException("", "", "verifier type name '" + type + "' of " + describe(f.getClass())
                    + " is not valid: it must be letters, digits, '-' and '_', in segments separated by '.'");
        }
        boolean builtIn = isBuiltIn(f.getClass());
        if (!builtIn && type.indexOf('.') < 0) {
            throw new AleException("", "", "verifier type '" + type + "' of " + describe(f.getClass())
                    + " must be namespaced, such as 'acme." + type + "': bare names are reserved for the built-in verifiers");
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

    /** Built in: in the internal package and shipped in the same place as this class. */
    private static boolean isBuiltIn(Class<?> c) {
        return c.getPackageName().equals(BUILT_IN_PACKAGE)
                && c.getClassLoader() == VerifierRegistry.class.getClassLoader()
                && Objects.equals(location(c), location(VerifierRegistry.class));
    }

    private static String describe(Class<?> c) {
        return c.getName() + " (" + Objects.requireNonNullElse(location(c), "unknown location") + ")";
    }

    private static String location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        return cs == null || cs.getLocation() == null ? null : cs.getLocation().toString();
    }
}
