package dev.ale.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.testfixtures.Python3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A persistent agent ({@code --cmd-mode persistent}) whose answers hold lone surrogates, as JSON's
 * {@code \ud83d} escape that Python's {@code json.dumps} writes: in its message and in its steps, a
 * tool call's name and its arguments. Through {@code ale run} as its own process, the run ends as
 * any other (it lost every report, and exited 3, while {@code report.json} was written through a
 * UTF-8 writer), and the agent's message reads back from {@code report.json} as it sent it.
 */
@EnabledOnOs(OS.LINUX)
class SurrogateAgentTest {
    private static final String AGENT =
            """
            import json, os, sys
            said = "half \\ud83d and \\udc00, whole \\ud83d\\ude00, nul \\u0000 </testcase>"
            sys.stdin.readline()
            print(json.dumps({"type": "ready", "protocol": 1}), flush=True)
            n = 0
            for line in sys.stdin:
                task = json.loads(line)
                n += 1
                steps = [{"kind": "message", "name": "assistant", "text": said},
                         {"kind": "tool_call", "name": said, "text": json.dumps({"a": said, "n": 5e-324})}]
                if n % 2:
                    answer = {"type": "result", "id": task["id"], "status": "failed", "message": said, "steps": steps}
                else:
                    answer = {"type": "result", "id": task["id"], "status": "done", "steps": steps}
                print(json.dumps(answer), flush=True)
            """;
    private static final String SAID = "half \uD83D and \uDC00, whole \uD83D\uDE00, nul \u0000 </testcase>";

    @TempDir
    Path tmp;

    @Test
    void aPersistentAgentThatAnswersWithLoneSurrogatesGetsEveryReport() throws Exception {
        Assumptions.assumeTrue(Python3.available(), "python3 is not installed");
        Path agent = Files.writeString(tmp.resolve("agent.py"), AGENT);
        AleProcess.Run r = AleProcess.run(
                tmp,
                Map.of(),
                Path.of("../samples/packs/sample").toAbsolutePath().toString(),
                "--harness",
                "cmd:python3 " + agent,
                "--cmd-mode",
                "persistent",
                "--sandbox",
                "local",
                "--retries",
                "0");
        assertEquals(0, r.code(), r.toString());
        for (String file : List.of("report.json", "report.md", "report.html", "junit.xml")) {
            assertTrue(Files.isRegularFile(r.runDirectory().resolve(file)), file + "\n" + r);
        }
        List<JsonNode> attempts = r.attempts();
        assertEquals(4, attempts.size(), r.toString());
        assertTrue(
                attempts.stream().anyMatch(a -> a.path("message").asText().contains(SAID)),
                () -> "the agent's message as it sent it: " + attempts);
        try (Stream<Path> walk = Files.walk(r.runDirectory().resolve("ale"))) {
            assertEquals(4, walk.filter(p -> p.endsWith("trajectory.json")).count(), "ALE's files were written");
        }
    }
}
