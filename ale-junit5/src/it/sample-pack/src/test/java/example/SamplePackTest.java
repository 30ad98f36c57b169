package example;

import dev.ale.api.Harness;
import dev.ale.api.Sandbox;
import dev.ale.api.SessionOutcome;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import dev.ale.junit5.AleJUnit;
import dev.ale.taskpack.TaskFilter;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The sample pack's four tasks as dynamic tests, as a vendor's build would run them. */
class SamplePackTest {
    static final Path PACK = Path.of(System.getProperty("pack.dir"));
    static final TaskPack pack = open();

    /** Solves two of the four tasks by copying their solution (a stand-in for a real agent). */
    static Harness solves(Set<String> tasks) {
        return ctx -> {
            if (tasks.contains(ctx.task().id())) {
                Path solution = PACK.resolve("tasks/" + ctx.task().id() + "/solution");
                try (Stream<Path> files = Files.walk(solution)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Path target =
                                ctx.workspace().resolve(solution.relativize(f).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(f, target);
                    }
                }
            }
            return SessionOutcome.completed();
        };
    }

    /** One test per task: bank-reconciliation and freight-cost-allocation pass, the other two fail; the floor of 75% fails. */
    @TestFactory
    Stream<DynamicNode> samplePack() {
        return AleJUnit.builder(Evaluator.builder()
                        .tasks(pack)
                        .harness(solves(Set.of("bank-reconciliation", "freight-cost-allocation"))))
                .failUnder(0.75)
                .build();
    }

    /** Two trials of the smoke list; the sandbox of freight-cost-allocation never opens (ERROR: aborted, not failed). */
    @TestFactory
    Stream<DynamicNode> smokeListTwoTrials() {
        SandboxProvider flaky = new SandboxProvider() {
            private final SandboxProvider memory = Sandboxes.inMemory();

            @Override
            public Sandbox open(SandboxRequest request) throws IOException {
                if (request.attemptId().startsWith("freight-cost-allocation")) {
                    throw new IOException("no sandbox for you");
                }
                return memory.open(request);
            }

            @Override
            public String name() {
                return "flaky";
            }
        };
        return AleJUnit.builder(Evaluator.builder()
                        .tasks(pack.select(TaskFilter.parse("list:smoke")))
                        .harness(solves(Set.of("bank-reconciliation", "freight-cost-allocation")))
                        .sandboxProvider(flaky)
                        .retries(0, Duration.ZERO)
                        .trials(2)
                        .parallelism(2))
                .failUnder(1.0)
                .build();
    }

    @AfterAll
    static void close() {
        pack.close();
    }

    private static TaskPack open() {
        return TaskPacks.open(PACK);
    }
}
