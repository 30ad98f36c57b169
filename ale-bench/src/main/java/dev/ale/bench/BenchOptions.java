package dev.ale.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of the benchmark.
 *
 * @param quick     run every figure small (seconds in all), so a test can run it on every build
 * @param out       where the JSON lines are written besides the console
 * @param seed      the seed every piece of synthetic data derives from
 * @param groups    which groups of figures to run, in the order of {@link #GROUPS}
 * @param promptfoo the promptfoo peer script ({@code promptfoo-peer.sh N}), or null: no peer
 * @param csvPeer   the Python CSV peer script ({@code csv-labels-python.py}), or null: no peer
 */
record BenchOptions(boolean quick, Path out, long seed, Set<String> groups, Path promptfoo, Path csvPeer) {
    /** The groups of figures, in the order they run. */
    static final List<String> GROUPS = List.of(
            "runner",
            "tiny",
            "pack",
            "verifiers",
            "csv",
            "scaling",
            "rundir",
            "memory",
            "tools",
            "sandbox",
            "persistent");

    static final long DEFAULT_SEED = 20260101L;
    static final String DEFAULT_OUT = "ale-bench-results.jsonl";

    static final String USAGE = String.join(
            "\n",
            "usage: java -jar ale-bench.jar [--quick] [--out FILE] [--seed N] [--only GROUP,...]",
            "                               [--promptfoo SCRIPT] [--csv-peer SCRIPT]",
            "  --quick             every figure small (seconds in all): what the build's test runs",
            "  --out FILE          also write the JSON lines to FILE (default " + DEFAULT_OUT + ")",
            "  --seed N            seed of the synthetic data (default " + DEFAULT_SEED + ")",
            "  --only LIST         run only these groups: " + String.join(", ", GROUPS),
            "  --promptfoo SCRIPT  run promptfoo (SCRIPT N) on the tiny cases in the same run",
            "  --csv-peer SCRIPT   grade the label CSV with the Python peer (SCRIPT score REF OUT) in the same run",
            "Prints one JSON object per figure and line: {\"name\", \"value\", \"unit\", \"parameters\"}.");

    BenchOptions {
        groups = Set.copyOf(groups);
    }

    /** The defaults: full size, every group, no peers. */
    static BenchOptions defaults() {
        return new BenchOptions(false, Path.of(DEFAULT_OUT), DEFAULT_SEED, Set.copyOf(GROUPS), null, null);
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
                case "--quick" -> o = new BenchOptions(true, o.out, o.seed, o.groups, o.promptfoo, o.csvPeer);
                case "--out" -> o = new BenchOptions(
                        o.quick, Path.of(value(args, ++i, arg)), o.seed, o.groups, o.promptfoo, o.csvPeer);
                case "--seed" -> {
                    String v = value(args, ++i, arg);
                    try {
                        o = new BenchOptions(o.quick, o.out, Long.parseLong(v), o.groups, o.promptfoo, o.csvPeer);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed: '" + v + "' is not a whole number");
                    }
                }
                case "--only" -> o =
                        new BenchOptions(o.quick, o.out, o.seed, groups(value(args, ++i, arg)), o.promptfoo, o.csvPeer);
                case "--promptfoo" -> o = new BenchOptions(
                        o.quick, o.out, o.seed, o.groups, script(value(args, ++i, arg), arg), o.csvPeer);
                case "--csv-peer" -> o = new BenchOptions(
                        o.quick, o.out, o.seed, o.groups, o.promptfoo, script(value(args, ++i, arg), arg));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return o;
    }

    private static Path script(String value, String option) {
        Path p = Path.of(value);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(option + ": no such file '" + value + "'");
        }
        return p;
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
