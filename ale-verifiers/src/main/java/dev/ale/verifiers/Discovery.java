package dev.ale.verifiers;

import dev.ale.api.spi.VerifierFactory;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds {@link VerifierFactory} providers through {@link ServiceLoader}: on the class path (class
 * loaders) and on the module path (module layers). A provider that fails to load, or throws when
 * asked its type, is left out and described as a problem; each class is taken once.
 */
final class Discovery {
    private static final int MAX_LOAD_ERRORS = 100;

    private final List<VerifierFactory> factories = new ArrayList<>();
    private final Set<Class<?>> classes = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<VerifierFactory> given = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The factories found so far, in discovery order. */
    List<VerifierFactory> factories() {
        return List.copyOf(factories);
    }

    /** One message per provider left out. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Adds the given factories as they are (no discovery, no checks). */
    Discovery add(List<VerifierFactory> given) {
        factories.addAll(given);
        this.given.addAll(given);
        return this;
    }

    /**
     * What makes {@code f} the factory it is: a discovered factory was made by its no-argument
     * constructor, so its class; a given factory may carry state, so the instance itself.
     */
    Object identity(VerifierFactory f) {
        return given.contains(f) ? f : f.getClass();
    }

    /** Adds the providers visible through {@code loader} (class path and named modules it defines). */
    Discovery search(ClassLoader loader) {
        return search(ServiceLoader.load(VerifierFactory.class, loader).iterator());
    }

    /** Adds the providers of the modules in {@code layer} and its parent layers. */
    Discovery search(ModuleLayer layer) {
        return search(ServiceLoader.load(layer, VerifierFactory.class).iterator());
    }

    private Discovery search(Iterator<VerifierFactory> it) {
        int errors = 0;
        while (true) {
            VerifierFactory f;
            try {
                if (!it.hasNext()) {
                    return this;
                }
                f = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add("verifier factory left out: " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
                if (++errors == MAX_LOAD_ERRORS) {
                    problems.add("stopped looking for verifier factories after " + MAX_LOAD_ERRORS + " errors");
                    return this;
                }
                continue;
            }
            if (classes.add(f.getClass()) && answers(f)) {
                factories.add(f);
            }
        }
    }

    /** Whether a discovered factory can say its type; a plugin that throws here is a problem, not a crash. */
    private boolean answers(VerifierFactory f) {
        try {
            f.type();
            return true;
        } catch (RuntimeException | LinkageError e) {
            problems.add("verifier factory left out: " + describe(f.getClass()) + " failed to name its type: " + e);
            return false;
        }
    }

    /** The class and the jar or directory it came from, for messages. */
    static String describe(Class<?> c) {
        return c.getName() + " (" + Objects.requireNonNullElse(location(c), "unknown location") + ")";
    }

    /** Where a class was loaded from, or null when unknown. */
    static String location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        return cs == null || cs.getLocation() == null ? null : cs.getLocation().toString();
    }
}
