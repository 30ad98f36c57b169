package dev.ale.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.SessionOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persistent agents under bubblewrap: one workspace at {@code /workspace}, and nothing of any other attempt. */
@Tag("bwrap")
class PersistentBubblewrapTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path tmp;

    private PersistentCommandHarness harness;

    @BeforeAll
    static void bubblewrapWorksHere() {
        BubblewrapLauncherTest.bubblewrapWorksHere();
    }

    @BeforeEach
    void agent() throws Exception {
        harness = PersistentCommandHarnessTest.TestAgent.harness(tmp);
    }

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private AttemptStub attempt(String task, String instruction, Duration timeout) throws Exception {
        AttemptStub a = AttemptStub.of(tmp, BubblewrapLauncherTest.bwrap, task, instruction, timeout);
        Files.writeString(a.workspace().resolve("secret.txt"), "SECRET-" + task + "\n");
        return a;
    }

    @Test
    void theProcessWorksInWorkspaceWithAHomeOfItsOwnAndTheFilesComeBack() throws Exception {
        AttemptStub a = attempt("plain", "work", MINUTE);
        assertEquals(SessionOutcome.completed(), harness.run(a));
        String[] out = Files.readString(a.workspace().resolve("out.txt")).split(" ");
        assertEquals(List.of("/workspace", "/home/agent"), List.of(out[1], out[2]));
        JsonNode task = new ObjectMapper().readTree(a.steps("task"));
        assertEquals("/workspace", task.path("workspace").asText());
        assertEquals("secret.txt", a.steps("ls"));
        assertEquals("SECRET-plain\n", Files.readString(a.workspace().resolve("secret.txt")));
    }

    @Test
    void aHunterSeesNoOtherAttemptNowOrEarlierNotEvenThroughDirectoriesItKeptOpen() throws Exception {
        AttemptStub busy = attempt("busy", "hang", Duration.ofMinutes(5));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<SessionOutcome> held = other.submit(() -> harness.run(busy));
            Path busySecret = busy.workspace().resolve("secret.txt");
            for (int i = 0; i < 1200 && Files.exists(busySecret); i++) {
                Thread.sleep(50); // until the busy attempt's files have gone to its process (a minute at most)
            }
            assertFalse(Files.exists(busySecret), "the busy attempt's files went to its process");
            for (String name : List.of("first", "second", "third")) {
                AttemptStub hunter = attempt(name, "hunt", MINUTE);
                assertEquals(SessionOutcome.completed(), harness.run(hunter));
                assertEquals(
                        "SECRET-" + name,
                        Files.readString(hunter.workspace().resolve("out.txt")),
                        "the hunter found only its own attempt's secret");
                assertTrue(Files.isDirectory(hunter.workspace().resolve("keep")), "its files came back");
            }
            busy.cancel();
            assertEquals(SessionOutcome.gaveUp("killed: the attempt was cancelled"), held.get());
        } finally {
            other.shutdownNow();
        }
        assertEquals("SECRET-busy\n", Files.readString(busy.workspace().resolve("secret.txt")));
        assertEquals(2, harness.processesStarted(), "the hunts shared the one process not busy");
    }
}
