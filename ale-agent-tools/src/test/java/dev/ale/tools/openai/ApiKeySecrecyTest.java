package dev.ale.tools.openai;

import static dev.ale.tools.openai.MockChatServer.call;
import static dev.ale.tools.openai.MockChatServer.finalMessage;
import static dev.ale.tools.openai.MockChatServer.instruction;
import static dev.ale.tools.openai.MockChatServer.status;
import static dev.ale.tools.openai.MockChatServer.toolCalls;
import static dev.ale.tools.openai.MockChatServer.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Outcome;
import dev.ale.api.task.Task;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API key goes into the Authorization header and nowhere else, even when a hostile server
 * echoes it back in messages, tool arguments and error bodies: not the trajectory, the run
 * directory (journal, reports, artefacts), the log, an exception, nor the harness's description.
 */
class ApiKeySecrecyTest {
    @TempDir
    Path tmp;

    @Test
    void theKeyReachesTheServerAndNothingElse() throws Exception {
        String key = "sk-ale-" + UUID.randomUUID();
        AtomicReference<MockChatServer> server = new AtomicReference<>();
        MockChatServer.Script echo = (request, n) -> {
            List<String> heardSoFar = server.get().authorizations();
            String heard = heardSoFar.get(heardSoFar.size() - 1).replace("Bearer ", "");
            if (instruction(request).contains("preparation sheet")) {
                return switch (turn(request)) {
                    case 0 -> toolCalls(
                            call("write_file", "path", "leak.txt", "content", "I saw " + heard),
                            call("read_file", "path", heard));
                    default -> finalMessage("my key is " + heard);
                };
            }
            return status(400, "{\"error\":\"invalid key " + heard + "\"}", Map.of());
        };
        Path run = tmp.resolve("run");
        try (TaskPack pack = TaskPacks.open(OpenAiChatHarnessTest.STARTER);
                MockChatServer mock = new MockChatServer(echo);
                LogCapture rootLog = new LogCapture("")) {
            server.set(mock);
            List<Task> tasks = pack.tasks().stream()
                    .filter(t -> List.of(OpenAiChatHarnessTest.SOLVED, OpenAiChatHarnessTest.WRONG)
                            .contains(t.id()))
                    .toList();
            OpenAiChatHarness harness = OpenAiChatHarness.builder()
                    .baseUrl(mock.baseUrl())
                    .model("mock-model")
                    .apiKeyFromEnv("ALE_TEST_KEY", name -> name.equals("ALE_TEST_KEY") ? key : null)
                    .retries(0, Duration.ZERO)
                    .build();
            EvaluationReport report = Evaluator.builder()
                    .tasks(tasks)
                    .harness(harness)
                    .runDirectory(run)
                    .build()
                    .run();

            assertEquals("Bearer " + key, mock.authorizations().get(0));
            assertEquals(2, report.count(Outcome.FAILED));
            assertFalse(harness.description().contains(key));
            assertTrue(harness.description().contains("api-key=$ALE_TEST_KEY"), harness.description());
            assertFalse(harness.toString().contains(key));
            assertFalse(report.toJson().contains(key));
            try (Stream<Path> files = Files.walk(run)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertFalse(text.contains(key), f + " holds the key");
                }
            }
            String trajectories = readAll(run.resolve("trajectories"));
            assertTrue(trajectories.contains("my key is [redacted]"), "the echoed key is recorded redacted");
            assertTrue(report.attempts().stream().anyMatch(a -> a.message().contains("invalid key [redacted]")));
            for (String line : rootLog.lines()) {
                assertFalse(line.contains(key), line);
            }
        }
    }

    @Test
    void aMissingVariableIsNamedAndAKeyThatCannotBeAHeaderIsRefused() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> OpenAiChatHarness.builder()
                .apiKeyFromEnv("NO_SUCH_VARIABLE", name -> null));
        assertEquals(
                "the environment variable NO_SUCH_VARIABLE that should hold the API key is not set",
                missing.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> OpenAiChatHarness.builder()
                .apiKey("sk-1\r\nX-Injected: yes"));
        assertFalse(bad.getMessage().contains("sk-1"));
        IllegalArgumentException userInfo =
                assertThrows(IllegalArgumentException.class, () -> OpenAiChatHarness.builder()
                        .baseUrl("https://user:sk-2@example.invalid/v1")
                        .model("m")
                        .build());
        assertFalse(userInfo.getMessage().contains("sk-2"), userInfo.getMessage());
    }

    private static String readAll(Path dir) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                b.append(Files.readString(f));
            }
        }
        return b.toString();
    }
}
