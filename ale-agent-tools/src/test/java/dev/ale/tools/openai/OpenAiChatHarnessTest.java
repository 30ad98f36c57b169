package dev.ale.tools.openai;

import static dev.ale.tools.openai.MockChatServer.call;
import static dev.ale.tools.openai.MockChatServer.finalMessage;
import static dev.ale.tools.openai.MockChatServer.instruction;
import static dev.ale.tools.openai.MockChatServer.toolCalls;
import static dev.ale.tools.openai.MockChatServer.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.Outcome;
import dev.ale.api.Sandbox;
import dev.ale.api.Step;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.api.task.Limits;
import dev.ale.api.task.Task;
import dev.ale.core.AttemptResult;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import dev.ale.testfixtures.SessionFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The harness end to end, through {@code Evaluator.run()}, against a scripted model on 127.0.0.1:
 * it solves a starter task when the model writes the right answer, and fails one when it writes a wrong one.
 */
class OpenAiChatHarnessTest {
    static final Path STARTER = Path.of("../samples/packs/starter");
    static final String SOLVED = "lab-dilutions";
    static final String WRONG = "psych-scale-scoring";

    /** The scripted model: look around, read the inputs, write the deliverable (right or wrong), say it is done. */
    static MockChatServer.Script script() {
        return (request, n) -> {
            boolean solves = instruction(request).contains("preparation sheet");
            String task = solves ? SOLVED : WRONG;
            String file = solves ? "prep_sheet.csv" : "scores.csv";
            return switch (turn(request)) {
                case 0 -> toolCalls(call("list_files", "path", ".", "depth", 2));
                case 1 -> toolCalls(
                        call("read_file", "path", solves ? "requests.csv" : "items.csv"),
                        call("search_files", "pattern", "q1", "include", "*.csv"));
                case 2 -> {
                    String solution = Files.readString(STARTER.resolve("tasks/" + task + "/solution/" + file));
                    yield toolCalls(call(
                            "write_file",
                            "path",
                            file,
                            "content",
                            solves ? solution : solution.replace(",OK", ",INCOMPLETE")));
                }
                default -> finalMessage("The deliverable is written.");
            };
        };
    }

    @Test
    void solvesAStarterTaskAndFailsOneItIsScriptedToGetWrong() throws Exception {
        try (TaskPack pack = TaskPacks.open(STARTER);
                MockChatServer mock = new MockChatServer(script())) {
            List<Task> tasks = pack.tasks().stream()
                    .filter(t -> Set.of(SOLVED, WRONG).contains(t.id()))
                    .toList();
            OpenAiChatHarness harness = OpenAiChatHarness.builder()
                    .baseUrl(mock.baseUrl())
                    .model("mock-model")
                    .apiKey("sk-test-not-secret")
                    .price(new TokenPrice(2.0, 8.0))
                    .build();
            EvaluationReport report =
                    Evaluator.builder().tasks(tasks).harness(harness).build().run();

            Map<String, AttemptResult> byTask =
                    report.attempts().stream().collect(Collectors.toMap(AttemptResult::taskId, a -> a));
            assertEquals(
                    Outcome.PASSED,
                    byTask.get(SOLVED).outcome(),
                    byTask.get(SOLVED).message());
            assertEquals(Outcome.FAILED, byTask.get(WRONG).outcome());
            assertTrue(byTask.get(WRONG).score() < 1);
            assertEquals(8, mock.requests().size());
            for (AttemptResult a : report.attempts()) {
                assertEquals(4_000, a.usage().inputTokens());
                assertEquals(800, a.usage().outputTokens());
                assertEquals(4 * (1_000 * 2.0 + 200 * 8.0) / 1e6, a.usage().costUsd(), 1e-12);
                // system, user, 4 tool calls with their observations, 4 usage reports, the final message
                assertEquals(2 + 4 + 4 + 4 + 1, a.steps());
            }
            JsonNode first = mock.requests().get(0);
            assertEquals("mock-model", first.path("model").asText());
            assertEquals(
                    List.of("list_files", "read_file", "write_file", "edit_file", "search_files"),
                    StreamSupport.stream(first.path("tools").spliterator(), false)
                            .map(t -> t.path("function").path("name").asText())
                            .toList());
            assertEquals("Bearer sk-test-not-secret", mock.authorizations().get(0));
            JsonNode last = mock.requests().get(3);
            assertEquals(
                    "tool",
                    last.path("messages")
                            .get(last.path("messages").size() - 1)
                            .path("role")
                            .asText());
        }
    }

    @Test
    void recordsTheConversationInTheTrajectory() throws Exception {
        try (MockChatServer mock = new MockChatServer(script());
                Sandbox sandbox = Sandboxes.inMemory().open(new SandboxRequest("t.1", 0))) {
            Files.writeString(sandbox.workspace().resolve("requests.csv"), "request_id\nPR-601\n");
            SessionFixture session = SessionFixture.over(
                    sandbox,
                    new Limits(Duration.ofMinutes(5), 0, 0),
                    Instant.now().plus(Duration.ofMinutes(5)),
                    "Write the preparation sheet.");
            OpenAiChatHarness.builder()
                    .baseUrl(mock.baseUrl())
                    .model("m")
                    .build()
                    .run(session);
            List<String> kinds = session.trajectory().steps().stream()
                    .map(s -> s.kind() + (s.name().isEmpty() ? "" : ":" + s.name()))
                    .toList();
            assertEquals(
                    List.of(
                            "MESSAGE:system",
                            "MESSAGE:user",
                            "USAGE",
                            "TOOL_CALL:list_files",
                            "OBSERVATION:list_files",
                            "USAGE",
                            "TOOL_CALL:read_file",
                            "OBSERVATION:read_file",
                            "TOOL_CALL:search_files",
                            "OBSERVATION:search_files",
                            "USAGE",
                            "TOOL_CALL:write_file",
                            "OBSERVATION:write_file",
                            "USAGE",
                            "MESSAGE:assistant"),
                    kinds);
            Step read = session.trajectory().steps().get(7);
            assertEquals("request_id\nPR-601\n", read.text());
            assertEquals(0.0, session.trajectory().usage().costUsd(), "no price for a model records its cost as 0");
        }
    }
}
