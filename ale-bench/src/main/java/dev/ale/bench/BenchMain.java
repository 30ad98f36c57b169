package dev.ale.bench;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.PrintStream;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The benchmark program behind every performance figure of the ALE SDK:
 * {@code java -jar ale-bench.jar [--quick] [--out FILE] [--seed N] [--only GROUP,...]}. It makes
 * its own synthetic data from the seed, measures the runner's overhead, pack reading, verifier
 * throughput, scaling with parallelism and memory, and prints one JSON object per figure and line
 * ({@code name}, {@code value}, {@code unit}, {@code parameters}), writing the same lines to a file.
 */
@API(status = EXPERIMENTAL)
public final class BenchMain {
    private BenchMain() {}

    /** Runs the benchmark (or prints the usage for {@code --help}); exits with 2 on a bad command line, 1 when a measurement fails. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** What {@link #main} does, returning the exit code instead of exiting. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(BenchOptions.USAGE);
            return 0;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("ale-bench: " + e.getMessage());
            err.println(BenchOptions.USAGE);
            return 2;
        }
        try {
            Bench.run(options, out);
            err.println("ale-bench: figures written to " + options.out().toAbsolutePath());
            return 0;
        } catch (Exception e) {
            err.println("ale-bench: a measurement failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }
}
