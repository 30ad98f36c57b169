package dev.ale.bench;

import dev.ale.api.Step;
import dev.ale.api.Trajectory;
import dev.ale.api.Usage;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.task.TaskSpec;
import java.nio.file.Path;
import java.util.List;

/** What a verifier sees in the verifier figures: an output and a reference folder, an empty trajectory. */
record BenchContext(Path output, Path reference, TaskSpec task) implements VerificationContext {
    private static final Trajectory EMPTY = new Trajectory() {
        @Override
        public void record(Step step) {
            throw new UnsupportedOperationException("the benchmark's verification trajectory is read-only");
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

    @Override
    public Trajectory trajectory() {
        return EMPTY;
    }
}
