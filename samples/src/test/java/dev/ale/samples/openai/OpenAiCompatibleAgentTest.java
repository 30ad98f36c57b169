package dev.ale.samples.openai;

import static dev.ale.tools.openai.MockChatServer.call;
import static dev.ale.tools.openai.MockChatServer.finalMessage;
import static dev.ale.tools.openai.MockChatServer.toolCalls;
import static dev.ale.tools.openai.MockChatServer.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ale.api.Outcome;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import dev.ale.taskpack.TaskFilter;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import dev.ale.tools.openai.MockChatServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The sample pointed at a scripted OpenAI-compatible server: the model gets run_command and uses it. */
class OpenAiCompatibleAgentTest {
    @Test
    void aModelThatLooksWithRunCommandAndWritesTheAnswerPasses() throws Exception {
        String solution = Files.readString(Path.of("packs/starter/tasks/lab-dilutions/solution/prep_sheet.csv"));
        try (TaskPack pack = TaskPacks.open(Path.of("packs/starter"));
                MockChatServer mock = new MockChatServer((request, n) -> switch (turn(request)) {
                    case 0 -> toolCalls(call("run_command", "command", "wc -l requests.csv"));
                    case 1 -> toolCalls(call("write_file", "path", "prep_sheet.csv", "content", solution));
                    default -> finalMessage("done");
                })) {
            EvaluationReport report = Evaluator.builder()
                    .tasks(pack.select(TaskFilter.parse("id:lab-dilutions")))
                    .harness(new OpenAiCompatibleAgent(mock.baseUrl(), "local-model", null))
                    .sandboxProvider(Sandboxes.localDirectory())
                    .build()
                    .run();
            assertEquals(
                    Outcome.PASSED,
                    report.attempts().get(0).outcome(),
                    report.attempts().get(0).message());
            assertEquals("openai:local-model", report.harness());
            assertEquals("null", mock.authorizations().get(0), "no Authorization header was sent");
            assertEquals(
                    6,
                    StreamSupport.stream(mock.requests().get(0).path("tools").spliterator(), false)
                            .count(),
                    "run_command is offered in a local-directory sandbox");
            String observed = mock.requests()
                    .get(1)
                    .path("messages")
                    .get(3)
                    .path("content")
                    .asText();
            assertEquals("exit code 0\n", observed.substring(0, 12), observed);
        }
    }
}
