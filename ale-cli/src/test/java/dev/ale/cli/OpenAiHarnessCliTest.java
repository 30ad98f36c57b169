package dev.ale.cli;

import static dev.ale.tools.openai.MockChatServer.call;
import static dev.ale.tools.openai.MockChatServer.finalMessage;
import static dev.ale.tools.openai.MockChatServer.toolCalls;
import static dev.ale.tools.openai.MockChatServer.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.tools.openai.MockChatServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --harness openai:...} against a scripted OpenAI-compatible server on 127.0.0.1, and resuming its run. */
class OpenAiHarnessCliTest {
    static final Path STARTER = Path.of("../samples/packs/starter");

    @TempDir
    Path tmp;

    @Test
    void runsAModelBehindAnOpenAiCompatibleServerAndSaysWhenItResumes() throws Exception {
        String solution = Files.readString(STARTER.resolve("tasks/lab-dilutions/solution/prep_sheet.csv"));
        try (MockChatServer mock = new MockChatServer((request, n) -> turn(request) == 0
                ? toolCalls(call("write_file", "path", "prep_sheet.csv", "content", solution))
                : finalMessage("done"))) {
            String out = tmp.resolve("run").toString();
            String spec = "openai:model=mock-model,base-url=" + mock.baseUrl() + ",api-key-env=PATH"
                    + ",input-price=2,output-price=8,max-turns=5";
            Ale.Result first =
                    Ale.run("run", STARTER.toString(), "--select", "id:lab-dilutions", "--harness", spec, "--out", out);
            assertEquals(0, first.code(), first.toString());
            assertTrue(first.out().contains("1 passed"), first.toString());
            assertEquals(2, mock.requests().size());
            assertTrue(mock.authorizations().get(0).startsWith("Bearer "), "the key was read from $PATH");
            assertFalse(first.err().contains("resuming"), first.toString());
            String runJson = Files.readString(tmp.resolve("run/run.json"));
            assertTrue(runJson.contains("openai:mock-model"), runJson);
            assertTrue(runJson.contains("api-key=$PATH"), runJson);
            assertFalse(runJson.contains(System.getenv("PATH")), "run.json names the variable, never its value");

            Ale.Result again =
                    Ale.run("run", STARTER.toString(), "--select", "id:lab-dilutions", "--harness", spec, "--out", out);
            assertEquals(0, again.code(), again.toString());
            assertTrue(again.err().contains("ale: resuming: 1 of 1 attempt already done"), again.toString());
            assertEquals(2, mock.requests().size(), "nothing ran again");
        }
    }

    @Test
    void aBadSpecIsAUsageErrorNamingWhatIsWrong() {
        Ale.Result noModel = Ale.run("run", STARTER.toString(), "--harness", "openai:base-url=http://127.0.0.1:9/v1");
        assertEquals(Main.USAGE, noModel.code());
        assertTrue(noModel.err().contains("--harness openai:...: model=<name> is required"), noModel.toString());
        Ale.Result unset =
                Ale.run("run", STARTER.toString(), "--harness", "openai:model=m,api-key-env=ALE_NO_SUCH_VARIABLE_SET");
        assertEquals(Main.USAGE, unset.code());
        assertTrue(
                unset.err()
                        .contains("the environment variable ALE_NO_SUCH_VARIABLE_SET that should hold the API key"
                                + " is not set"),
                unset.toString());
        Ale.Result typo = Ale.run("run", STARTER.toString(), "--harness", "openai:model=m,modle=x");
        assertEquals(Main.USAGE, typo.code());
        assertTrue(typo.err().contains("'modle=x' is not one of"), typo.toString());
        Ale.Result priceless = Ale.run("run", STARTER.toString(), "--harness", "openai:model=m,input-price=2");
        assertTrue(priceless.err().contains("output-price is required with input-price"), priceless.toString());
    }
}
