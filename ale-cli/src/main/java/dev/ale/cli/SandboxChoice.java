package dev.ale.cli;

import dev.ale.api.spi.SandboxProvider;
import dev.ale.core.Sandboxes;
import dev.ale.process.BubblewrapOptions;
import java.util.Locale;
import java.util.Optional;

/**
 * The sandbox of {@code ale run}, from {@code --sandbox memory|local|bwrap} and {@code --network}:
 * bubblewrap by default for a {@code cmd:} harness where {@code bwrap} works (else a local
 * directory, with a warning saying so), in memory by default otherwise. An explicit
 * {@code --sandbox bwrap} that cannot work is a usage error (exit 2) saying how to install it.
 *
 * @param kind    the sandbox
 * @param network whether bubblewrap sandboxes keep the network
 * @param warning what to tell the user about the choice, if anything
 */
record SandboxChoice(Kind kind, boolean network, Optional<String> warning) {
    /** In-memory sandboxes, as the demo and Java harnesses get by default. */
    static final SandboxChoice MEMORY = new SandboxChoice(Kind.MEMORY, false, Optional.empty());

    /** The kinds of sandbox, by their {@code --sandbox} names. */
    enum Kind {
        MEMORY,
        LOCAL,
        BWRAP;

        String option() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String LOCAL_WARNING = "the agent runs unisolated in a local directory (--sandbox local): as"
            + " you, with your files, processes and network within its reach";

    /** The choice {@code --sandbox} and {@code --network} make for a harness that is (or not) external. */
    static SandboxChoice of(Args a, boolean external) {
        boolean network = a.flag("network");
        Optional<String> given = a.value("sandbox");
        Kind kind;
        Optional<String> warning = Optional.empty();
        if (given.isPresent()) {
            kind = parse(given.get());
        } else if (!external) {
            kind = Kind.MEMORY;
        } else {
            Optional<String> problem =
                    BubblewrapOptions.builder().network(network).build().unusable();
            kind = problem.isEmpty() ? Kind.BWRAP : Kind.LOCAL;
            if (problem.isPresent()) {
                warning = Optional.of(problem.get() + "; so " + LOCAL_WARNING);
            }
        }
        if (network && kind != Kind.BWRAP) {
            throw new UsageException("run: --network applies to --sandbox bwrap (the " + kind.option()
                    + " sandbox has the network of ale itself)");
        }
        if (external && kind == Kind.MEMORY) {
            throw new UsageException("run: a cmd: harness runs programs in the workspace, so it needs --sandbox bwrap"
                    + " (isolated) or --sandbox local");
        }
        if (given.isPresent() && kind == Kind.BWRAP) {
            BubblewrapOptions.builder().network(network).build().unusable().ifPresent(problem -> {
                throw new UsageException("run: --sandbox bwrap: " + problem);
            });
        }
        if (given.isPresent() && kind == Kind.LOCAL && external) {
            warning = Optional.of(LOCAL_WARNING + "; prefer --sandbox bwrap");
        }
        return new SandboxChoice(kind, network, warning);
    }

    private static Kind parse(String value) {
        for (Kind k : Kind.values()) {
            if (k.option().equals(value)) {
                return k;
            }
        }
        throw new UsageException("run: --sandbox must be memory, local or bwrap, got '" + value + "'");
    }

    /** The sandbox provider this choice means. */
    SandboxProvider provider() {
        return switch (kind) {
            case MEMORY -> Sandboxes.inMemory();
            case LOCAL -> Sandboxes.localDirectory();
            case BWRAP -> Sandboxes.bubblewrap(
                    BubblewrapOptions.builder().network(network).build());
        };
    }
}
