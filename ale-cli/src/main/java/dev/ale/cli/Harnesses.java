package dev.ale.cli;

import dev.ale.api.Harness;
import dev.ale.process.ChildEnvironment;
import dev.ale.process.CommandHarness;
import dev.ale.process.PersistentCommandHarness;
import dev.ale.samples.RuleBasedAgent;
import dev.ale.tools.openai.OpenAiChatHarness;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns {@code --harness} into harnesses: {@code rule-based} (the sample agent), {@code cmd:<command
 * line>} (an external CLI agent run by {@link CommandHarness}) or the name of a public class with a
 * public no-argument constructor that implements {@link Harness} (a new instance per attempt). A
 * {@code cmd:} agent runs once per session, or with {@code --cmd-mode persistent} as long-lived
 * processes ({@link PersistentCommandHarness}), which {@link #close()} ends.
 *
 * @param factory  makes the harness of one attempt
 * @param external whether it runs external programs (it then needs bubblewrap or local-directory sandboxes)
 * @param end      what ends the harness's processes after the run
 */
record Harnesses(Supplier<Harness> factory, boolean external, Runnable end) implements AutoCloseable {
    /** The built-in name of the sample agent. */
    static final String RULE_BASED = "rule-based";
    /** The prefix of an external command line. */
    static final String COMMAND = "cmd:";

    /** How a {@code cmd:} agent runs, by its {@code --cmd-mode} names. */
    enum CommandMode {
        /** One process per session (the default). */
        PER_ATTEMPT,
        /** Long-lived processes taking tasks as JSON lines. */
        PERSISTENT;

        String option() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The mode {@code --cmd-mode} names; per-attempt when it is not given. */
        static CommandMode of(Optional<String> value) {
            if (value.isEmpty()) {
                return PER_ATTEMPT;
            }
            for (CommandMode m : values()) {
                if (m.option().equals(value.get())) {
                    return m;
                }
            }
            throw new UsageException("run: --cmd-mode must be per-attempt or persistent, got '" + value.get() + "'");
        }
    }

    /** The harnesses {@code spec} names; the class form is instantiated once here so a bad class fails early. */
    static Harnesses of(String spec) {
        return of(spec, List.of());
    }

    /** As {@link #of(String, List, CommandMode)}, a {@code cmd:} agent run once per session. */
    static Harnesses of(String spec, List<String> passEnv) {
        return of(spec, passEnv, CommandMode.PER_ATTEMPT);
    }

    /** Ends the processes of a persistent {@code cmd:} agent; nothing for other harnesses. */
    @Override
    public void close() {
        end.run();
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
     * PATH) and must exist; {@code mode} says how it runs.
     */
    static Harnesses of(String spec, List<String> passEnv, CommandMode mode) {
        if (!passEnv.isEmpty() && !spec.startsWith(COMMAND)) {
            throw new UsageException("run: --pass-env applies to " + COMMAND + " harnesses");
        }
        if (mode != CommandMode.PER_ATTEMPT && !spec.startsWith(COMMAND)) {
            throw new UsageException("run: --cmd-mode applies to " + COMMAND + " harnesses");
        }
        if (spec.equals(RULE_BASED)) {
            return new Harnesses(RuleBasedAgent::new, false, () -> {});
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
            if (mode == CommandMode.PERSISTENT) {
                PersistentCommandHarness persistent;
                try {
                    persistent = harness.persistent();
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--harness " + spec + " --cmd-mode persistent: " + e.getMessage());
                }
                return new Harnesses(() -> persistent, true, persistent::close);
            }
            return new Harnesses(() -> harness, true, () -> {});
        }
        if (spec.startsWith(OpenAiSpec.PREFIX)) {
            OpenAiChatHarness harness = OpenAiSpec.parse(spec.substring(OpenAiSpec.PREFIX.length()), System::getenv);
            return new Harnesses(() -> harness, false, () -> {});
        }
        if (!spec.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
            throw new UsageException("--harness '" + spec + "' is not " + RULE_BASED + ", " + COMMAND
                    + "<command line>, " + OpenAiSpec.PREFIX + "model=<m>,base-url=<url> or a class name");
        }
        Constructor<? extends Harness> constructor = constructor(spec);
        Supplier<Harness> factory = () -> instantiate(spec, constructor);
        // instantiate once now, so that a class that cannot be built fails before any attempt
        var unused = factory.get();
        return new Harnesses(factory, false, () -> {});
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
