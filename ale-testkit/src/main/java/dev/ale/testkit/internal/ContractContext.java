package dev.ale.testkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ale.api.Step;
import dev.ale.api.Trajectory;
import dev.ale.api.Usage;
import dev.ale.api.spi.Judge;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.task.Limits;
import dev.ale.api.task.SessionSpec;
import dev.ale.api.task.TaskSpec;
import dev.ale.api.task.Taxonomy;
import dev.ale.api.task.Tier;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The verification context of one contract run: the arena's roots, a fixed task
 * ({@code contract-task}), an empty trajectory and the judge the contract was given.
 */
@API(status = INTERNAL)
public record ContractContext(Path output, Path reference, Optional<Judge> judge) implements VerificationContext {
    /** The task every contract run scores. */
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

    @Override
    public TaskSpec task() {
        return TASK;
    }

    @Override
    public Trajectory trajectory() {
        return EMPTY;
    }

    /** A trajectory with no steps; what a verifier writes to it is dropped. */
    private static final Trajectory EMPTY = new Trajectory() {
        @Override
        public void record(Step step) {
            // verifiers read the trajectory; nothing is kept
        }

        @Override
        public List<Step> steps() {
            return List.of();
        }

        @Override
        public Usage usage() {
            return Usage.ZERO;
        }

        @Override
        public long toolCalls() {
            return 0;
        }

        @Override
        public void message(String role, String text) {
            record(null);
        }

        @Override
        public void toolCall(String tool, String arguments) {
            record(null);
        }

        @Override
        public void observation(String text) {
            record(null);
        }

        @Override
        public void usage(long inputTokens, long outputTokens, double costUsd) {
            record(null);
        }
    };
}
