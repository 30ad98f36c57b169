package dev.ale.cli;

import java.util.List;
import java.util.Optional;

/**
 * One command's usage: how it is called, what it does and its options. It is the only list of a
 * command's options: {@link Args#parse} accepts exactly these and {@link Help} prints exactly these,
 * so the parser and the help cannot drift apart.
 *
 * @param command  the command as typed ({@code run}, {@code pack build})
 * @param synopsis what follows the command on its usage line ({@code <pack> --harness <name> [options]})
 * @param summary  what the command does, in a line or two
 * @param options  every option the command takes
 */
record Usage(String command, String synopsis, String summary, List<Option> options) {
    Usage {
        options = List.copyOf(options);
    }

    /**
     * One option: {@code --name <value>}, or a flag {@code --name} when {@code value} is empty.
     *
     * @param name  the name without the leading {@code --}
     * @param value the placeholder of its value ({@code <k>}); empty for a flag
     * @param help  what it does, for the help text
     */
    record Option(String name, Optional<String> value, String help) {
        static Option valued(String name, String value, String help) {
            return new Option(name, Optional.of(value), help);
        }

        static Option flag(String name, String help) {
            return new Option(name, Optional.empty(), help);
        }

        boolean isFlag() {
            return value.isEmpty();
        }
    }

    /** The option called {@code name}, if the command takes it. */
    Optional<Option> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
