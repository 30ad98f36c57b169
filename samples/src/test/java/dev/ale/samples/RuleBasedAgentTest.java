package dev.ale.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.SessionOutcome;
import dev.ale.api.Step;
import dev.ale.samples.packgen.SamplePackGenerator;
import dev.ale.testfixtures.SessionFixture;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the rule-based agent on the generated sample pack, the way the runner would (inputs staged,
 * then each session's files), and compares its outputs with the hidden references.
 */
class RuleBasedAgentTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path packRoot;

    private static Path pack;

    @TempDir
    Path workspace;

    @BeforeAll
    static void generatePack() {
        pack = packRoot.resolve("sample");
        SamplePackGenerator.PACK.generate(pack, SamplePackGenerator.DEFAULT_SEED);
    }

    @Test
    void solvesTheBankReconciliation() throws Exception {
        Run run = stageAndRun("bank-reconciliation", 1);
        assertEquals(SessionOutcome.Status.COMPLETED, run.outcome().status());
        JsonNode actual =
                MAPPER.readTree(workspace.resolve("reconciliation.json").toFile());
        JsonNode expected = MAPPER.readTree(
                reference("bank-reconciliation", "expected.json").toFile());
        assertEquals(1.0, fractionOfFieldsMatched(expected, actual));
        assertTrue(run.context().trajectory().steps().stream()
                .anyMatch(s -> s.kind() == Step.Kind.TOOL_CALL && s.name().equals("read_file")));
        assertTrue(run.context().trajectory().steps().stream()
                .anyMatch(s -> s.kind() == Step.Kind.TOOL_CALL && s.name().equals("write_file")));
        assertTrue(run.context().trajectory().steps().stream().anyMatch(s -> s.kind() == Step.Kind.OBSERVATION));
    }

    @Test
    void solvesTheFreightAllocation() throws Exception {
        Run run = stageAndRun("freight-cost-allocation", 1);
        assertEquals(SessionOutcome.Status.COMPLETED, run.outcome().status());
        assertEquals(
                Files.readString(reference("freight-cost-allocation", "expected.csv")),
                Files.readString(workspace.resolve("allocation.csv")));
    }

    /** The agent forgets the maximum-dose cap: the three capped orders are wrong in four fields each. */
    @Test
    void getsTheDosagePartlyRight() throws Exception {
        Run run = stageAndRun("dosage-calculation", 1);
        assertEquals(SessionOutcome.Status.COMPLETED, run.outcome().status());
        JsonNode actual = MAPPER.readTree(workspace.resolve("doses.json").toFile());
        JsonNode expected =
                MAPPER.readTree(reference("dosage-calculation", "expected.json").toFile());
        assertEquals(36.0 / 48.0, fractionOfFieldsMatched(expected, actual), 1e-9);
        expected.properties().forEach(order -> {
            boolean capped = order.getValue().path("capped").asBoolean();
            boolean right = fractionOfFieldsMatched(order.getValue(), actual.path(order.getKey())) == 1.0;
            assertEquals(!capped, right, order.getKey());
        });
    }

    @Test
    void docketsTheOriginalAgreementsThenGivesUpOnTheAmendment() throws Exception {
        Run first = stageAndRun("contract-deadlines", 1);
        assertEquals(SessionOutcome.Status.COMPLETED, first.outcome().status());
        String afterFirst = Files.readString(workspace.resolve("deadlines.csv"));

        Run second = run("contract-deadlines", 2);
        assertEquals(SessionOutcome.Status.GAVE_UP, second.outcome().status());
        assertEquals(afterFirst, Files.readString(workspace.resolve("deadlines.csv")), "session 2 must not change it");

        List<String> expected = Files.readAllLines(reference("contract-deadlines", "expected.csv"));
        List<String> actual = Files.readAllLines(workspace.resolve("deadlines.csv"));
        for (String row : expected) {
            boolean amended = row.startsWith("SUP-2025-117,3.2,")
                    || row.startsWith("SUP-2025-117,7.3,")
                    || row.startsWith("SUP-2025-117,9.");
            assertEquals(!amended, actual.stream().anyMatch(r -> sameKeyAndDate(r, row)), row);
        }
        assertTrue(
                actual.stream().anyMatch(r -> r.startsWith("SUP-2025-117,5.3,")), "the deleted clause is still there");
        assertEquals(11, actual.size(), "header + 5 + 5 rows: " + actual);
    }

    @Test
    void givesUpOnTasksItHasNoRulesFor() throws Exception {
        SessionFixture context = SessionFixture.over(workspace, "unknown-task", "Do something.", 1, 1);
        SessionOutcome outcome = new RuleBasedAgent().run(context);
        assertEquals(SessionOutcome.Status.GAVE_UP, outcome.status());
        try (Stream<Path> files = Files.list(workspace)) {
            assertEquals(0, files.count());
        }
    }

    private Run stageAndRun(String taskId, int session) throws Exception {
        copy(pack.resolve("tasks/" + taskId + "/inputs"), workspace);
        return run(taskId, session);
    }

    private Run run(String taskId, int session) throws Exception {
        Path sessionFiles = pack.resolve("tasks/" + taskId + "/sessions/" + session);
        if (Files.isDirectory(sessionFiles)) {
            copy(sessionFiles, workspace);
        }
        JsonNode task =
                MAPPER.readTree(pack.resolve("tasks/" + taskId + "/task.json").toFile());
        JsonNode sessions = task.path("sessions");
        SessionFixture context = SessionFixture.over(
                workspace, taskId, sessions.get(session - 1).path("instruction").asText(), session, sessions.size());
        return new Run(context, new RuleBasedAgent().run(context));
    }

    /** A finished session: its context (with the recorded steps) and how the agent ended it. */
    private record Run(SessionFixture context, SessionOutcome outcome) {}

    /** Same contract, clause and due date (the event text is not graded). */
    private static boolean sameKeyAndDate(String actualRow, String expectedRow) {
        String[] a = actualRow.split(",");
        String[] e = expectedRow.split(",");
        return a[0].equals(e[0]) && a[1].equals(e[1]) && a[a.length - 1].equals(e[e.length - 1]);
    }

    private static Path reference(String taskId, String file) {
        return pack.resolve("tasks/" + taskId + "/reference/" + file);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }

    /** Leaf fields of {@code expected} that {@code actual} has equal (numbers within 0.005), over all leaves. */
    static double fractionOfFieldsMatched(JsonNode expected, JsonNode actual) {
        List<Boolean> results = new ArrayList<>();
        compare(expected, actual, results);
        return results.stream().filter(b -> b).count() / (double) results.size();
    }

    private static void compare(JsonNode expected, JsonNode actual, List<Boolean> results) {
        if (expected.isContainerNode()) {
            if (expected.isObject()) {
                for (Map.Entry<String, JsonNode> e : expected.properties()) {
                    compare(e.getValue(), actual == null ? null : actual.get(e.getKey()), results);
                }
            } else {
                results.add(actual != null && expected.equals(actual));
            }
        } else if (expected.isNumber()) {
            results.add(actual != null
                    && actual.isNumber()
                    && new BigDecimal(expected.asText())
                                    .subtract(new BigDecimal(actual.asText()))
                                    .abs()
                                    .compareTo(new BigDecimal("0.005"))
                            <= 0);
        } else {
            results.add(actual != null && expected.equals(actual));
        }
        assertFalse(results.isEmpty());
    }
}
