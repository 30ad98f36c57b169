package dev.ale.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of the benchmark.
 *
 * @param quick  run every figure small (seconds in all), so a test can run it on every build
 * @param out    where the JSON lines are written besides the console
 * @param seed   the seed every piece of synthetic data derives from
 * @param groups which groups of figures to run, in the order of {@link #GROUPS}
 */
record BenchOptions(boolean quick, Path out, long seed, Set<String> groups) {
    /** The groups of figures, in the order they run. */
    static final List<String> GROUPS = List.of("runner", "pack", "verifiers", "scaling", "memory");

    static final long DEFAULT_SEED = 20260101L;
    static final String DEFAULT_OUT = "ale-bench-results.jsonl";

    static final String USAGE = String.join(
            "\n",
            "usage: java -jar ale-bench.jar [--quick] [--out FILE] [--seed N] [--only GROUP,...]",
            "  --quick      every figure small (seconds in all): what the build's test runs",
            "  --out FILE   also write the JSON lines to FILE (default " + DEFAULT_OUT + ")",
            "  --seed N     seed of the synthetic data (default " + DEFAULT_SEED + ")",
            "  --only LIST  run only these groups: " + String.join(", ", GROUPS),
            "Prints one JSON object per figure and line: {\"name\", \"value\", \"unit\", \"parameters\"}.");

    BenchOptions {
        groups = Set.copyOf(groups);
    }

    /** The defaults: full size, every group. */
    static BenchOptions defaults() {
        return new BenchOptions(false, Path.of(DEFAULT_OUT), DEFAULT_SEED, Set.copyOf(GROUPS));
    }

    /** Whether the group of figures runs. */
    boolean runs(String group) {
        return groups.contains(group);
    }

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming the argument and what is wrong with it
     */
    static BenchOptions parse(String... args) {
        BenchOptions o = defaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> o = new BenchOptions(true, o.out, o.seed, o.groups);
                case "--out" -> o = new BenchOptions(o.quick, Path.of(value(args, ++i, arg)), o.seed, o.groups);
                case "--seed" -> {
                    String v = value(args, ++i, arg);
                    try {
                        o = new BenchOptions(o.quick, o.out, Long.parseLong(v), o.groups);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed: '" + v + "' is not a whole number");
                    }
                }
                case "--only" -> o = new BenchOptions(o.quick, o.out, o.seed, groups(value(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return o;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Set<String> groups(String list) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String g : Arrays.asList(list.split(",", -1))) {
            String name = g.trim();
            if (!GROUPS.contains(name)) {
                throw new IllegalArgumentException(
                        "--only: unknown group '" + name + "', expected some of " + String.join(", ", GROUPS));
            }
            chosen.add(name);
        }
        return chosen;
    }
}
