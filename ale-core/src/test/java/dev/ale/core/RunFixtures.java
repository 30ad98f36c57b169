package dev.ale.core;

import dev.ale.api.Harness;
import dev.ale.api.Sandbox;
import dev.ale.api.SessionOutcome;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.api.task.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A deterministic little run used by the resume, shard and kill tests (also from a child JVM). */
final class RunFixtures {
    private RunFixtures() {}

    /** {@code count} tasks {@code t00..}; the reference answer of each is its number. */
    static List<Task> tasks(int count) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(TestTasks.task(String.format("t%02d", i), String.valueOf(i)));
        }
        return tasks;
    }

    /** Answers right for tasks whose number is not a multiple of 3, wrong otherwise; records a step and some cost. */
    static Harness harness(long sleepMillis) {
        return ctx -> {
            int n = Integer.parseInt(ctx.task().id().substring(1));
            ctx.trajectory().toolCall("write_file", "answer.txt");
            ctx.trajectory().usage(100, 20, 0.01);
            Thread.sleep(sleepMillis);
            String answer = n % 3 == 0 ? "wrong" : String.valueOf(n);
            Files.writeString(ctx.workspace().resolve("answer.txt"), answer);
            return SessionOutcome.completed();
        };
    }

    static Evaluator.Builder builder(int tasks, int trials, long sleepMillis) {
        return Evaluator.builder()
                .tasks(tasks(tasks))
                .harness(harness(sleepMillis))
                .verifiers(TestTasks.registry())
                .trials(trials)
                .seed(7);
    }

    /** Child JVM entry point for the kill-and-resume test: runs the fixture into the directory given. */
    public static void main(String[] args) {
        builder(Integer.parseInt(args[1]), 2, Long.parseLong(args[2]))
                .parallelism(2)
                .runDirectory(Path.of(args[0]))
                .build()
                .run();
    }

    /** A provider of in-memory sandboxes named {@code name} that fails to open the first {@code failures}. */
    static SandboxProvider flaky(String name, int failures, AtomicInteger opens) {
        return new SandboxProvider() {
            @Override
            public Sandbox open(SandboxRequest request) throws IOException {
                if (opens.incrementAndGet() <= failures) {
                    throw new IOException("no capacity");
                }
                return Sandboxes.inMemory().open(request);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
