package dev.ale.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ale.api.Step;
import dev.ale.api.Trajectory;
import dev.ale.api.spi.Judge;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.task.Limits;
import dev.ale.api.task.SessionSpec;
import dev.ale.api.task.TaskSpec;
import dev.ale.api.task.Taxonomy;
import dev.ale.api.task.Tier;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A verification context over two folders with an empty trajectory: what a verifier sees when it
 * scores an output folder against a reference folder outside a run, in a plugin's own tests, in
 * the contract runs and in benchmarks. What a verifier writes to the trajectory is dropped.
 *
 * @param output    the output folder
 * @param reference the reference folder
 * @param task      the task being scored
 * @param judge     the judge of rubric criteria, if any
 */
@API(status = EXPERIMENTAL)
public record FolderContext(Path output, Path reference, TaskSpec task, Optional<Judge> judge)
        implements VerificationContext {
    /** The task of contexts made without one ({@code contract-task}, one session, accounting). */
    public static final TaskSpec TASK = new TaskSpec(
            "contract-task",
            1,
            "A verifier contract run",
            new Taxonomy("business_finance", "accounting", List.of("13-2011")),
            Tier.NEAR_TERM,
            Limits.defaults(),
            List.of(new SessionSpec(1, "Produce the sample output.")),
            JsonNodeFactory.instance.objectNode(),
            1.0,
            null);

    private static final Trajectory EMPTY = new Trajectory() {
        @Override
        public void record(Step step) {
            // verifiers read the trajectory; nothing is kept
        }

        @Override
        public List<Step> steps() {
            return List.of();
        }
    };

    public FolderContext {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(judge, "judge");
    }

    /** The context of scoring {@code output} against {@code reference} for {@code task}, without a judge. */
    public static FolderContext of(Path output, Path reference, TaskSpec task) {
        return new FolderContext(output, reference, task, Optional.empty());
    }

    /** The context of scoring {@code output} against {@code reference} for {@link #TASK}. */
    public static FolderContext of(Path output, Path reference) {
        return of(output, reference, TASK);
    }

    /** This context with {@code value} as the judge of rubric criteria. */
    public FolderContext withJudge(Optional<Judge> value) {
        return new FolderContext(output, reference, task, value);
    }

    @Override
    public Trajectory trajectory() {
        return EMPTY;
    }
}
