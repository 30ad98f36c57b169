package dev.ale.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.SessionOutcome;
import dev.ale.api.Usage;
import dev.ale.process.internal.ProcessTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The persistent-agent protocol end to end with a real process started directly (the local launcher). */
class PersistentCommandHarnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path tmp;

    private PersistentCommandHarness harness;
    private int attempts;

    @BeforeEach
    void agent() throws IOException {
        harness = TestAgent.harness(tmp);
    }

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private AttemptStub attempt(String instruction, Duration timeout) throws IOException {
        return AttemptStub.of(tmp, ProcessLauncher.local(), "task-" + ++attempts, instruction, timeout);
    }

    @Test
    void helloSaysTheVersionAndATaskCarriesWhatAPerAttemptAgentGets() throws Exception {
        AttemptStub a = attempt("work", MINUTE);
        Files.writeString(a.workspace().resolve("in.txt"), "input");
        assertEquals(SessionOutcome.completed(), harness.run(a));

        JsonNode hello = JSON.readTree(a.steps("hello"));
        assertEquals("hello", hello.path("type").asText());
        assertEquals(
                PersistentCommandHarness.PROTOCOL_VERSION,
                hello.path("protocol").asInt());
        assertEquals(1, hello.path("process").asInt());
        JsonNode task = JSON.readTree(a.steps("task"));
        assertEquals("task", task.path("type").asText());
        assertEquals("work", task.path("instruction").asText());
        assertEquals(a.workspace().toString(), task.path("workspace").asText());
        assertEquals("task-1", task.path("task").asText());
        assertEquals("task-1#1", task.path("attempt").asText());
        assertEquals(1, task.path("session").asInt());
        assertEquals(1, task.path("sessions").asInt());
        assertEquals(a.deadline().toString(), task.path("deadline").asText());
        assertTrue(task.path("id").isIntegralNumber(), task.toString());
        assertEquals("in.txt", a.steps("ls"), "the agent saw the staged input");
        assertEquals(new Usage(12, 5, 0.25), a.trajectory().usage());
        String[] out = Files.readString(a.workspace().resolve("out.txt")).split(" ");
        assertFalse(out[2].equals(a.workspace().toString()), "HOME is the process's own folder, not a workspace");
    }

    @Test
    void oneProcessServesAttemptAfterAttemptAndFailedIsGivingUp() throws Exception {
        AttemptStub first = attempt("work", MINUTE);
        AttemptStub second = attempt("work", MINUTE);
        harness.run(first);
        harness.run(second);
        assertEquals(pid(first), pid(second));
        AttemptStub failed = attempt("fail no input file", MINUTE);
        assertEquals(SessionOutcome.gaveUp("no input file"), harness.run(failed));
        assertEquals(1, harness.processesStarted());
    }

    @Test
    void aCrashMidTaskIsAHarnessErrorNamingTheAttemptAndTheNextAttemptGetsANewProcess() throws Exception {
        AttemptStub crash = attempt("crash", MINUTE);
        PersistentAgentException e = assertThrows(PersistentAgentException.class, () -> harness.run(crash));
        assertTrue(e.getMessage().contains("attempt task-1#1"), e.getMessage());
        assertTrue(e.getMessage().contains("exited (code 3) before answering"), e.getMessage());
        assertTrue(e.getMessage().contains("about to crash on purpose"), e.getMessage());
        AttemptStub next = attempt("work", MINUTE);
        assertEquals(SessionOutcome.completed(), harness.run(next));
        assertEquals(2, harness.processesStarted());
    }

    @Test
    void aHangPastTheDeadlineIsKilledAndReplaced() throws Exception {
        assertEquals(SessionOutcome.completed(), harness.run(attempt("work", MINUTE))); // started and warm
        AttemptStub hang = attempt("hang", Duration.ofSeconds(8));
        assertEquals(SessionOutcome.gaveUp("killed at the deadline"), harness.run(hang));
        long pid = Long.parseLong(Files.readString(hang.workspace().resolve("pid.txt")));
        assertTrue(ProcessHandle.of(pid).map(ProcessTree::ended).orElse(true), "the hung process was killed");
        assertEquals(SessionOutcome.completed(), harness.run(attempt("work", MINUTE)));
        assertEquals(2, harness.processesStarted());
    }

    @Test
    void aProcessThatStopsReadingItsInputCannotHoldATaskPastItsDeadline() throws Exception {
        assertEquals(SessionOutcome.completed(), harness.run(attempt("deaf", MINUTE)));
        AttemptStub big = attempt("work " + "x".repeat(1 << 20), Duration.ofSeconds(3));
        assertEquals(SessionOutcome.gaveUp("killed at the deadline"), harness.run(big));
        assertEquals(1, harness.processesStarted());
    }

    static Stream<Arguments> brokenAnswers() {
        return Stream.of(
                Arguments.of("raw I am done!", "the line is not JSON"),
                Arguments.of("raw [1, 2]", "the line is a JSON array"),
                Arguments.of("raw {\"type\": \"result\", \"id\": {id}, \"status\": \"ok\"}", "/status must be"),
                Arguments.of("raw {\"type\": \"result\", \"id\": 99999, \"status\": \"done\"}", "/id must be"),
                Arguments.of("raw {\"type\": \"answer\", \"id\": {id}, \"status\": \"done\"}", "/type must be"),
                Arguments.of(
                        "raw {\"type\": \"result\", \"id\": {id}, \"status\": \"done\", \"usage\": {\"costUsd\": -1}}",
                        "/usage/costUsd must be"),
                Arguments.of(
                        "raw {\"type\": \"result\", \"id\": {id}, \"status\": \"done\", \"steps\": [{\"kind\": \"x\"}]}",
                        "/steps/0/kind must be"),
                Arguments.of(
                        "raw {\"type\": \"result\", \"id\": {id}, \"status\": \"done\", \"steps\": [{\"text\": \"x\"}]}",
                        "/steps/0/kind is required"),
                Arguments.of(
                        "raw {\"type\": \"result\", \"id\": {id}, \"status\": \"done\", \"status\": \"failed\"}",
                        "not JSON"),
                Arguments.of("big", "over " + PersistentCommandHarness.MAX_LINE_BYTES + " bytes"));
    }

    @ParameterizedTest
    @MethodSource("brokenAnswers")
    void anAnswerThatBreaksTheProtocolIsAHarnessErrorNamingTheAttemptAndTheRule(String instruction, String rule)
            throws Exception {
        AttemptStub broken = attempt(instruction, MINUTE);
        PersistentAgentException e = assertThrows(PersistentAgentException.class, () -> harness.run(broken));
        assertTrue(e.getMessage().contains(rule), e.getMessage());
        assertTrue(e.getMessage().startsWith("attempt task-1#1 (task task-1, session 1, request 1,"), e.getMessage());
        assertTrue(e.getMessage().contains("will be replaced"), e.getMessage());
        assertEquals(SessionOutcome.completed(), harness.run(attempt("work", MINUTE)));
        assertEquals(2, harness.processesStarted());
    }

    @Test
    void aProcessThatAnswersTwiceIsReplacedBeforeTheNextTask() throws Exception {
        assertEquals(SessionOutcome.completed(), harness.run(attempt("twice", MINUTE)));
        AttemptStub next = attempt("work", MINUTE);
        assertEquals(SessionOutcome.completed(), harness.run(next));
        assertEquals(2, harness.processesStarted());
        assertTrue(
                next.trajectory().steps().toString().contains("it wrote to stdout while no request was in flight"),
                next.trajectory().steps().toString());
    }

    @Test
    void parallelismFourRunsFourProcessesAtOnce() throws Exception {
        Path barrier = tmp.resolve("barrier");
        List<AttemptStub> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(attempt("barrier 4 " + barrier, MINUTE));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SessionOutcome>> done = new ArrayList<>();
            for (AttemptStub a : four) {
                done.add(pool.submit(() -> harness.run(a)));
            }
            for (Future<SessionOutcome> f : done) {
                assertEquals(SessionOutcome.completed(), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> pids = new HashSet<>();
        for (AttemptStub a : four) {
            pids.add(Files.readString(a.workspace().resolve("out.txt")));
        }
        assertEquals(4, pids.size(), "four processes, one request in flight each: " + pids);
        assertEquals(4, harness.processesStarted());
    }

    @Test
    void closingKillsEveryProcessTree() throws Exception {
        String marker = "ale-persistent-test-" + System.nanoTime();
        assertEquals(SessionOutcome.completed(), harness.run(attempt("spawn " + marker, MINUTE)));
        assertTrue(Launched.anyAlive(marker), "the agent's child runs on after its answer");
        harness.close();
        assertTrue(Launched.noneAliveSoon(marker), "closing killed the agent's background child");
        assertThrows(IllegalStateException.class, () -> harness.run(attempt("work", MINUTE)));
    }

    @Test
    void anAgentOfAnotherProtocolVersionIsRefusedAtHello() throws Exception {
        try (PersistentCommandHarness other = CommandHarness.parse(
                        "/bin/sh -c 'read hello; echo \"{\\\"type\\\": \\\"ready\\\", \\\"protocol\\\": 2}\"; cat'")
                .persistent()) {
            AttemptStub a = attempt("work", MINUTE);
            PersistentAgentException e = assertThrows(PersistentAgentException.class, () -> other.run(a));
            assertTrue(
                    e.getMessage().contains("its answer to hello breaks the protocol: /protocol must be 1"),
                    e.getMessage());
        }
    }

    @Test
    void placeholdersArePerAttemptAndRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CommandHarness.parse("agent {instruction}")
                        .persistent());
        assertTrue(e.getMessage().contains("{instruction}"), e.getMessage());
    }

    @Test
    void theDocumentedExampleAgentWorks() throws Exception {
        Path example = Path.of("..", "docs", "examples", "persistent-agent.py").toAbsolutePath();
        assumeTrue(Files.isRegularFile(example), "the docs are not next to this module");
        try (PersistentCommandHarness docs =
                CommandHarness.parse("python3 " + example).persistent()) {
            AttemptStub a = attempt("Write hello.", MINUTE);
            assertEquals(SessionOutcome.completed(), docs.run(a));
            assertEquals("Write hello.\n", Files.readString(a.workspace().resolve("out.txt")));
        }
    }

    private static String pid(AttemptStub a) throws IOException {
        return Files.readString(a.workspace().resolve("out.txt")).split(" ")[0];
    }

    /** The test agent, from the test resources. */
    static final class TestAgent {
        private TestAgent() {}

        static PersistentCommandHarness harness(Path dir) throws IOException {
            assumeTrue(
                    BubblewrapOptions.findOnPath("python3", System.getenv("PATH"))
                            .isPresent(),
                    "python3 is not on the PATH");
            Path script = dir.resolve("test-agent.py");
            try (InputStream in = PersistentCommandHarnessTest.class.getResourceAsStream("/test-agent.py")) {
                Files.write(script, in.readAllBytes());
            }
            return CommandHarness.parse("python3 " + script).persistent();
        }
    }
}
