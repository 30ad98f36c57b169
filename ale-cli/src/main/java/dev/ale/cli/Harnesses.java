package dev.ale.cli;

import dev.ale.api.Harness;
import dev.ale.process.ChildEnvironment;
import dev.ale.process.CommandHarness;
import dev.ale.samples.RuleBasedAgent;
import dev.ale.tools.openai.OpenAiChatHarness;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns {@code --harness} into harnesses: {@code rule-based} (the sample agent), {@code cmd:<command
 * line>} (an external CLI agent run by {@link CommandHarness}) or the name of a public class with a
 * public no-argument constructor that implements {@link Harness} (a new instance per attempt).
 *
 * @param factory  makes the harness of one attempt
 * @param external whether it runs external programs (it then needs bubblewrap or local-directory sandboxes)
 */
record Harnesses(Supplier<Harness> factory, boolean external) {
    /** The built-in name of the sample agent. */
    static final String RULE_BASED = "rule-based";
    /** The prefix of an external command line. */
    static final String COMMAND = "cmd:";

    /** The harnesses {@code spec} names; the class form is instantiated once here so a bad class fails early. */
    static Harnesses of(String spec) {
        return of(spec, List.of());
    }

    /** The names of {@code --pass-env} (comma-separated), checked. */
    static List<String> passEnv(Optional<String> value) {
        List<String> names = new ArrayList<>();
        for (String name : value.map(v -> v.split(",", -1)).orElse(new String[0])) {
            try {
                names.add(ChildEnvironment.checkName(name.strip()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("run: --pass-env " + e.getMessage());
            }
        }
        return names;
    }

    /**
     * The harnesses {@code spec} names, a {@code cmd:} one getting the variables {@code passEnv} of
     * ale's environment; its program is resolved against the directory ale was started in (or the
     * PATH) and must exist.
     */
    static Harnesses of(String spec, List<String> passEnv) {
        if (!passEnv.isEmpty() && !spec.startsWith(COMMAND)) {
            throw new UsageException("run: --pass-env applies to " + COMMAND + " harnesses");
        }
        if (spec.equals(RULE_BASED)) {
            return new Harnesses(RuleBasedAgent::new, false);
        }
        if (spec.startsWith(COMMAND)) {
            CommandHarness harness;
            try {
                harness = CommandHarness.parse(spec.substring(COMMAND.length()))
                        .resolvedIn(Path.of("").toAbsolutePath())
                        .withPassedEnvironment(passEnv);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--harness " + spec + ": " + e.getMessage());
            }
            return new Harnesses(() -> harness, true);
        }
        if (spec.startsWith(OpenAiSpec.PREFIX)) {
            OpenAiChatHarness harness = OpenAiSpec.parse(spec.substring(OpenAiSpec.PREFIX.length()), System::getenv);
            return new Harnesses(() -> harness, false);
        }
        if (!spec.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
            throw new UsageException("--harness '" + spec + "' is not " + RULE_BASED + ", " + COMMAND
                    + "<command line>, " + OpenAiSpec.PREFIX + "model=<m>,base-url=<url> or a class name");
        }
        Constructor<? extends Harness> constructor = constructor(spec);
        Supplier<Harness> factory = () -> instantiate(spec, constructor);
        // instantiate once now, so that a class that cannot be built fails before any attempt
        var unused = factory.get();
        return new Harnesses(factory, false);
    }

    private static Constructor<? extends Harness> constructor(String name) {
        Class<?> c;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            c = Class.forName(name, false, loader != null ? loader : Harnesses.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UsageException("--harness " + name + ": no such class on the class path (built-in harnesses: "
                    + RULE_BASED + ", " + COMMAND + "<command line>)");
        }
        if (!Harness.class.isAssignableFrom(c)) {
            throw new UsageException("--harness " + name + ": the class does not implement " + Harness.class.getName());
        }
        if (!Modifier.isPublic(c.getModifiers()) || Modifier.isAbstract(c.getModifiers())) {
            throw new UsageException("--harness " + name + ": the class must be public and not abstract");
        }
        try {
            return c.asSubclass(Harness.class).getConstructor();
        } catch (NoSuchMethodException e) {
            throw new UsageException("--harness " + name + ": the class needs a public constructor without arguments");
        }
    }

    private static Harness instantiate(String name, Constructor<? extends Harness> constructor) {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "--harness " + name + ": its constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("--harness " + name + ": cannot create an instance: " + e, e);
        }
    }
}
