package dev.ale.junit5;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.Harness;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.taskpack.TaskPack;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicNode;

/**
 * A task pack's tasks as JUnit Jupiter dynamic tests, for a {@code @TestFactory}:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> starterPack() throws IOException {
 *     return AleJUnit.tasks(TaskPacks.open(Path.of("packs/starter")), new MyAgentHarness());
 * }
 * }</pre>
 *
 * <p>Tests are grouped in one container per industry cluster, with one test per task (or, with
 * more than one trial, a container per task holding a test per trial). A test passes when its
 * attempt fully passes; fails with the verifier's summary and failed checks when it does not; and
 * is aborted (skipped, not failed) when the attempt ended in {@code ERROR}, an infrastructure
 * failure that says nothing about the agent. {@link #builder(Evaluator.Builder)} takes an evaluator
 * configured with trials, parallelism, a run directory and the rest, and can add a last test that
 * fails when the full pass rate is below a floor.
 *
 * <p>The evaluation runs when JUnit reaches the first test, once, with the evaluator's own
 * parallelism; the tests then report its attempts.
 */
@API(status = EXPERIMENTAL)
public final class AleJUnit {
    private AleJUnit() {}

    /** The tasks of {@code pack} run once each by {@code harness}, with the evaluator's defaults. */
    public static Stream<DynamicNode> tasks(TaskPack pack, Harness harness) {
        return builder(Evaluator.builder().tasks(pack).harness(harness)).build();
    }

    /** Dynamic tests of the run that {@code evaluator} (with its tasks and harness given) describes. */
    public static Builder builder(Evaluator.Builder evaluator) {
        return new Builder(evaluator);
    }

    /** Options of the dynamic tests beyond the evaluator's own. */
    @API(status = EXPERIMENTAL)
    public static final class Builder {
        private final Evaluator.Builder evaluator;
        private double failUnder = Double.NaN;

        private Builder(Evaluator.Builder evaluator) {
            this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        }

        /** Adds a last test, {@code full pass rate >= rate}, that fails when the run's full pass rate is below {@code rate}. */
        public Builder failUnder(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("failUnder must be a rate in [0, 1], got " + rate);
            }
            this.failUnder = rate;
            return this;
        }

        /**
         * The dynamic tests. The evaluator is built now (so a bad verifier configuration fails the
         * factory at once) and run when the first test is reached.
         */
        public Stream<DynamicNode> build() {
            Evaluator built = evaluator.build();
            Supplier<EvaluationReport> report = new Once<>(built::run);
            double floor = failUnder;
            return Stream.of(report).flatMap(r -> DynamicTests.of(r.get(), floor).stream());
        }
    }

    /** A value computed the first time it is asked for. */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> compute;
        private T value;

        Once(Supplier<T> compute) {
            this.compute = compute;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = compute.get();
            }
            return value;
        }
    }
}
