package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierFactory;
import dev.ale.api.spi.VerifierPolicy;
import dev.ale.taskpack.PackOptions;
import dev.ale.taskpack.TaskFilter;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPackWriter;
import dev.ale.taskpack.TaskPacks;
import dev.ale.testfixtures.PackFiles;
import dev.ale.verifiers.VerifierRegistry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifiers a pack builds when it is opened (to check their configurations) are the ones a run
 * under an equal registry scores with: built once per task, and never under another policy.
 */
class OpenedVerifiersTest {
    private static final String COUNT = "{\"type\": \"acme.count\"}";

    /**
     * {@code acme.count}, a plugin found through the context class loader: counts the verifiers it
     * builds, which pass when {@code out.txt} says "done".
     */
    public static final class Counting implements VerifierFactory {
        static final AtomicInteger BUILT = new AtomicInteger();

        @Override
        public String type() {
            return "acme.count";
        }

        @Override
        public Verifier create(JsonNode config, VerifierFactories nested) {
            BUILT.incrementAndGet();
            return ctx -> {
                Path out = ctx.output().resolve("out.txt");
                boolean done = Files.exists(out) && Files.readString(out).equals("done");
                return Verdict.of(done ? 1 : 0, done ? "done" : "not done", List.of());
            };
        }
    }

    /** What the test does with {@link Counting} on the class path. */
    private interface WithPlugin {
        void run() throws IOException;
    }

    @TempDir
    Path dir;

    /** Runs {@code body} with {@link Counting} listed in a services file of the context class loader. */
    private void withPlugin(WithPlugin body) throws IOException {
        Path services = Files.createDirectories(dir.resolve("plugin/META-INF/services"));
        Files.writeString(services.resolve(VerifierFactory.class.getName()), Counting.class.getName() + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        Counting.BUILT.set(0);
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {dir.resolve("plugin").toUri().toURL()}, getClass().getClassLoader())) {
            thread.setContextClassLoader(loader);
            body.run();
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    private Path pack(String verifier, VerifierPolicy policy, String... ids) throws IOException {
        Path location = dir.resolve("pack");
        PackFiles.packJson(location, "opened", "verifiers built at open", List.of(ids));
        for (String id : ids) {
            PackFiles.taskJson(location, id, "Task " + id, "Write done to out.txt.", verifier);
        }
        TaskPackWriter.updateDigests(location, policy);
        return location;
    }

    private static EvaluationReport run(TaskPack pack, Evaluator.Builder builder) {
        return builder.tasks(pack)
                .harness(ctx -> {
                    Files.writeString(ctx.workspace().resolve("out.txt"), "done");
                    return SessionOutcome.completed();
                })
                .trials(2)
                .build()
                .run();
    }

    @Test
    void aRunUnderTheRegistryThePackWasOpenedWithBuildsNoVerifierAgain() throws IOException {
        withPlugin(() -> {
            Path location = pack(COUNT, VerifierPolicy.DEFAULT, "a", "b", "c");
            Counting.BUILT.set(0);
            try (TaskPack pack = TaskPacks.open(location)) {
                assertEquals(3, Counting.BUILT.get(), "one verifier per task, to check its configuration");
                EvaluationReport report = run(pack, Evaluator.builder());
                assertEquals(6, report.attempts().size());
                report.attempts().forEach(a -> assertEquals(Outcome.PASSED, a.outcome(), a.toString()));
                assertEquals(
                        3, Counting.BUILT.get(), "the run's registry, discovered again, took the pack's verifiers");
                run(pack.select(TaskFilter.parse("id:b")), Evaluator.builder());
                assertEquals(3, Counting.BUILT.get(), "a selection of the pack too");
                PackCheck.run(pack);
                assertEquals(3, Counting.BUILT.get(), "and the pack's self-check");
            }
        });
    }

    @Test
    void aRunUnderAnotherRegistryOrPolicyBuildsItsOwn() throws IOException {
        withPlugin(() -> {
            Path location = pack(COUNT, VerifierPolicy.DEFAULT, "a", "b");
            Counting.BUILT.set(0);
            try (TaskPack pack = TaskPacks.open(location)) {
                assertEquals(2, Counting.BUILT.get());
                run(pack, Evaluator.builder().allowCommandVerifiers(true));
                assertEquals(4, Counting.BUILT.get(), "another policy: built again, under the run's policy");
                VerifierRegistry found = VerifierRegistry.discover();
                VerifierFactories wrapper = new VerifierFactories() {
                    @Override
                    public Verifier create(JsonNode config, String pointer) {
                        return found.create(config, pointer);
                    }

                    @Override
                    public Set<String> types() {
                        return found.types();
                    }
                };
                run(pack, Evaluator.builder().verifiers(wrapper));
                assertEquals(6, Counting.BUILT.get(), "a registry of its own: its own verifiers");
                run(pack, Evaluator.builder().verifiers(VerifierRegistry.of(new Counting())));
                assertEquals(8, Counting.BUILT.get(), "a factory given by the caller: its own verifiers");
            }
        });
    }

    @Test
    void aCommandVerifierAllowedWhenThePackOpenedIsStillRefusedByARunThatDoesNotAllowIt() throws IOException {
        Path grader = dir.resolveSibling(dir.getFileName() + "-grade.sh");
        Files.writeString(grader, "#!/bin/sh\necho '{\"score\": 1}'\n");
        assertTrue(grader.toFile().setExecutable(true));
        Path location =
                pack("{\"type\": \"command\", \"command\": [\"" + grader + "\"]}", new VerifierPolicy(true), "graded");
        try (TaskPack pack = TaskPacks.open(location, PackOptions.defaults().withPolicy(new VerifierPolicy(true)))) {
            VerifierConfigException refused = assertThrows(
                    VerifierConfigException.class,
                    () -> run(pack, Evaluator.builder()),
                    "the run's default registry does not allow commands");
            assertEquals("tasks/graded/task.json", refused.source());
            assertTrue(refused.getMessage().contains("not allowed"), refused.getMessage());
            EvaluationReport allowed = run(pack, Evaluator.builder().allowCommandVerifiers(true));
            allowed.attempts().forEach(a -> assertEquals(Outcome.PASSED, a.outcome(), a.toString()));
            assertThrows(
                    VerifierConfigException.class,
                    () -> run(pack, Evaluator.builder()),
                    "still refused after a run that allowed it took the pack's verifier");
        } finally {
            Files.deleteIfExists(grader);
        }
    }
}
