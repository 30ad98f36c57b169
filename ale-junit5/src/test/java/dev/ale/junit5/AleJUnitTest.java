package dev.ale.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.ale.api.Sandbox;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import dev.ale.taskpack.TaskFilter;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs test classes that use {@link AleJUnit} on the JUnit Platform and reads what it reported, test by test. */
class AleJUnitTest {
    static final Path SAMPLE = Path.of("../samples/packs/sample");

    /** What the platform reported: the path of display names, and the status with its message. */
    record Reported(String path, String status, String message) {}

    static List<Reported> execute(Class<?> testClass) {
        List<Reported> reported = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(testClass))
                        .build(),
                new TestExecutionListener() {
                    private TestPlan plan;

                    @Override
                    public void testPlanExecutionStarted(TestPlan testPlan) {
                        plan = testPlan;
                    }

                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest()) {
                            reported.add(new Reported(
                                    path(id),
                                    result.getStatus().toString(),
                                    result.getThrowable()
                                            .map(Throwable::getMessage)
                                            .orElse("")));
                        }
                    }

                    /** The display names from the test factory down to the test. */
                    private String path(TestIdentifier id) {
                        List<String> names = new ArrayList<>();
                        for (TestIdentifier at = id;
                                at != null;
                                at = plan.getParent(at).orElse(null)) {
                            names.add(0, at.getDisplayName());
                            if (at.getUniqueIdObject()
                                    .getLastSegment()
                                    .getType()
                                    .equals("test-factory")) {
                                break;
                            }
                        }
                        return String.join(" / ", names);
                    }
                });
        return reported;
    }

    /** Writes the bank reconciliation's solution; leaves every other task's workspace empty. */
    static SessionOutcome solveBankReconciliation(SessionContext ctx) throws Exception {
        if (ctx.task().id().equals("bank-reconciliation")) {
            Path solution = SAMPLE.resolve("tasks/bank-reconciliation/solution/reconciliation.json");
            Files.copy(solution, ctx.workspace().resolve("reconciliation.json"));
        }
        return SessionOutcome.completed();
    }

    /** Not run by Surefire (a nested class): the sample pack with one trial and a floor. */
    static class OneTrial {
        @TestFactory
        Stream<DynamicNode> sample() {
            TaskPack pack = TaskPacks.open(SAMPLE);
            return AleJUnit.builder(Evaluator.builder().tasks(pack).harness(AleJUnitTest::solveBankReconciliation))
                    .failUnder(0.5)
                    .build();
        }
    }

    /** Not run by Surefire: two trials of two tasks, one of which never gets a sandbox. */
    static class TwoTrials {
        @TestFactory
        Stream<DynamicNode> smoke() {
            TaskPack pack = TaskPacks.open(SAMPLE).select(TaskFilter.parse("list:smoke"));
            SandboxProvider memory = Sandboxes.inMemory();
            SandboxProvider broken = new SandboxProvider() {
                @Override
                public Sandbox open(SandboxRequest request) throws IOException {
                    if (request.attemptId().startsWith("freight")) {
                        throw new IOException("disk full");
                    }
                    return memory.open(request);
                }

                @Override
                public String name() {
                    return "broken for freight";
                }
            };
            return AleJUnit.builder(Evaluator.builder()
                            .tasks(pack)
                            .harness(AleJUnitTest::solveBankReconciliation)
                            .sandboxProvider(broken)
                            .retries(0, Duration.ZERO)
                            .trials(2))
                    .build();
        }
    }

    @Test
    void oneTestPerTaskGroupedByClusterFailingWithTheFailedChecks() {
        List<Reported> r = execute(OneTrial.class);
        assertEquals(
                Set.of(
                        "sample() / business_finance / bank-reconciliation",
                        "sample() / business_finance / freight-cost-allocation",
                        "sample() / legal / contract-deadlines",
                        "sample() / health_medicine / dosage-calculation",
                        "sample() / full pass rate >= 50.0%"),
                r.stream().map(Reported::path).collect(Collectors.toSet()));
        assertEquals(5, r.size());
        Reported bank = r.stream()
                .filter(x -> x.path().endsWith("bank-reconciliation"))
                .findFirst()
                .orElseThrow();
        assertEquals("SUCCESSFUL", bank.status());
        Reported freight = r.stream()
                .filter(x -> x.path().endsWith("freight-cost-allocation"))
                .findFirst()
                .orElseThrow();
        assertEquals("FAILED", freight.status());
        assertTrue(freight.message().startsWith("freight-cost-allocation trial 1 FAILED"), freight.message());
        assertTrue(freight.message().contains("failed checks:\n  - "), freight.message());
        Reported floor = r.get(r.size() - 1);
        assertEquals("FAILED", floor.status());
        assertTrue(floor.message().startsWith("full pass rate 25.0% (1 of 4 scored attempts"), floor.message());
    }

    @Test
    void aContainerPerTaskWithATestPerTrial() {
        List<Reported> r = execute(TwoTrials.class);
        assertEquals(4, r.size(), r.toString());
        assertTrue(
                r.stream().allMatch(x -> x.path().matches("smoke\\(\\) / business_finance / [a-z-]+ / trial [12]")),
                r.toString());
        for (Reported x : r) {
            boolean bank = x.path().contains("bank-reconciliation");
            assertEquals(bank ? "SUCCESSFUL" : "ABORTED", x.status(), x.toString());
            if (!bank) {
                assertTrue(
                        x.message().startsWith("ERROR (SANDBOX, infrastructure, not counted): sandbox could not open"),
                        x.message());
            }
        }
    }
}
