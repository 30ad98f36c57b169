package dev.ale.core;

import dev.ale.api.Harness;
import dev.ale.api.spi.Judge;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.spi.Verifier;
import dev.ale.api.task.PackRef;
import dev.ale.api.task.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Everything a run needs, fixed when its {@link Evaluator} is built. */
record RunConfig(
        List<Task> tasks,
        List<PackRef> packs,
        Map<String, Verifier> verifiers,
        Supplier<? extends Harness> harnesses,
        String harnessName,
        String harnessDescription,
        SandboxProvider sandboxes,
        int trials,
        int parallelism,
        Path runDirectory,
        List<EvaluationListener> listeners,
        Duration timeout,
        Duration interruptGrace,
        Duration verifierTimeout,
        long seed,
        int maxRetries,
        Duration retryBackoff,
        int shardIndex,
        int shardCount,
        double runCostLimitUsd,
        Duration runTimeLimit,
        long artifactCapBytes,
        ReferenceKey referenceKey,
        Judge judge,
        boolean commandVerifiersAllowed) {
    Verifier verifier(String taskId) {
        return verifiers.get(taskId);
    }
}
