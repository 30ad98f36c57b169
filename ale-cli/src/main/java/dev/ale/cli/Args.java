package dev.ale.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments of one command: positionals and {@code --name value} / {@code --name=value}
 * options, checked against the options the command knows. {@code --} ends the options.
 */
final class Args {
    private final String command;
    private final List<String> positional;
    private final Map<String, String> values;

    private Args(String command, List<String> positional, Map<String, String> values) {
        this.command = command;
        this.positional = positional;
        this.values = values;
    }

    /**
     * Parses {@code tokens} for the command of {@code usage}, which takes exactly the options listed
     * there.
     *
     * @throws UsageException for an unknown option, a missing value or an option given twice
     */
    static Args parse(Usage usage, List<String> tokens) {
        Set<String> valued = new TreeSet<>();
        Set<String> flags = new TreeSet<>();
        usage.options().forEach(o -> (o.isFlag() ? flags : valued).add(o.name()));
        return parse(usage.command(), tokens, valued, flags);
    }

    /**
     * The tokens after the subcommand that {@code tokens} start with (none when there is none).
     */
    static List<String> afterSubcommand(List<String> tokens) {
        return tokens.isEmpty() ? tokens : tokens.subList(1, tokens.size());
    }

    /**
     * The refusal of a missing subcommand of {@code command} ({@code pack: expected validate, ...})
     * or of an unknown one, the first of {@code tokens} ({@code pack: unknown subcommand 'x'; expected ...}).
     */
    static UsageException badSubcommand(String command, List<String> tokens, String expected) {
        return new UsageException(
                tokens.isEmpty()
                        ? command + ": expected " + expected
                        : command + ": unknown subcommand '" + tokens.get(0) + "'; expected " + expected);
    }

    /**
     * Parses {@code tokens} for {@code command}, which takes the options in {@code valued} (with a
     * value) and {@code flags} (without).
     */
    static Args parse(String command, List<String> tokens, Set<String> valued, Set<String> flags) {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        boolean options = true;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (options && t.equals("--")) {
                options = false;
            } else if (options && t.startsWith("--") && t.length() > 2) {
                int eq = t.indexOf('=');
                String name = eq < 0 ? t.substring(2) : t.substring(2, eq);
                String value;
                if (flags.contains(name)) {
                    if (eq >= 0) {
                        throw new UsageException(command + ": --" + name + " takes no value");
                    }
                    value = "true";
                } else if (valued.contains(name)) {
                    if (eq >= 0) {
                        value = t.substring(eq + 1);
                    } else if (i + 1 < tokens.size()) {
                        value = tokens.get(++i);
                    } else {
                        throw new UsageException(command + ": --" + name + " needs a value");
                    }
                } else {
                    throw new UsageException(command + ": unknown option --" + name + known(valued, flags));
                }
                if (values.put(name, value) != null) {
                    throw new UsageException(command + ": --" + name + " is given twice");
                }
            } else if (options && t.startsWith("-") && t.length() > 1 && !isNumber(t)) {
                throw new UsageException(command + ": unknown option " + t + known(valued, flags));
            } else {
                positional.add(t);
            }
        }
        return new Args(command, List.copyOf(positional), values);
    }

    private static boolean isNumber(String t) {
        return t.matches("-\\d+(\\.\\d+)?");
    }

    private static String known(Set<String> valued, Set<String> flags) {
        Set<String> all = new TreeSet<>(valued);
        all.addAll(flags);
        return all.isEmpty() ? " (it takes none)" : " (known: --" + String.join(", --", all) + ")";
    }

    List<String> positional() {
        return positional;
    }

    /** Exactly {@code n} positionals, named in {@code what} for the message. */
    List<String> positional(int n, String what) {
        if (positional.size() != n) {
            throw new UsageException(command + ": expected " + what + ", got "
                    + (positional.isEmpty() ? "nothing" : String.join(" ", positional)));
        }
        return positional;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) {
        return value(name).orElseThrow(() -> new UsageException(command + ": --" + name + " is required"));
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    /** An integer option of at least {@code min}, or {@code fallback} when absent. */
    int integer(String name, int fallback, int min) {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get().strip());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(
                command + ": --" + name + " must be a whole number >= " + min + ", got '" + v.get() + "'");
    }
}
