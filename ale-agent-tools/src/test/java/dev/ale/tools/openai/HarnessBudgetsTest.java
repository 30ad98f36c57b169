package dev.ale.tools.openai;

import static dev.ale.tools.openai.MockChatServer.call;
import static dev.ale.tools.openai.MockChatServer.finalMessage;
import static dev.ale.tools.openai.MockChatServer.status;
import static dev.ale.tools.openai.MockChatServer.toolCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Sandbox;
import dev.ale.api.SessionOutcome;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.api.task.Limits;
import dev.ale.core.Sandboxes;
import dev.ale.testfixtures.SessionFixture;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The harness stops at the task's step and cost caps and the deadline, and retries only what is worth retrying, a bounded number of times. */
class HarnessBudgetsTest {
    private Sandbox sandbox;

    @BeforeEach
    void open() throws Exception {
        sandbox = Sandboxes.inMemory().open(new SandboxRequest("budget.1", 0));
    }

    @AfterEach
    void close() throws Exception {
        sandbox.close();
    }

    private SessionFixture session(Limits limits, Instant deadline) {
        return SessionFixture.over(sandbox, limits, deadline, "keep listing files");
    }

    private static OpenAiChatHarness.Builder harness(MockChatServer mock) {
        return OpenAiChatHarness.builder()
                .baseUrl(mock.baseUrl())
                .model("mock-model")
                .price(new TokenPrice(2.0, 8.0))
                .retries(4, Duration.ZERO);
    }

    private static MockChatServer endlessToolCalls() throws IOException {
        return new MockChatServer((request, n) -> toolCalls(call("list_files")));
    }

    /** How a session that gave up ended: its outcome, its context and the model calls it made. */
    private record GaveUp(SessionOutcome outcome, SessionFixture session, int requests) {}

    /** Runs the harness against endless tool calls in a session with {@code limits}; it must give up. */
    private GaveUp givesUp(Limits limits) throws Exception {
        try (MockChatServer mock = endlessToolCalls()) {
            SessionFixture s = session(limits, Instant.now().plusSeconds(300));
            SessionOutcome outcome = harness(mock).build().run(s);
            assertEquals(SessionOutcome.Status.GAVE_UP, outcome.status(), outcome.message());
            return new GaveUp(outcome, s, mock.requests().size());
        }
    }

    @Test
    void stopsAtTheTasksStepCap() throws Exception {
        GaveUp g = givesUp(new Limits(Duration.ofMinutes(5), 3, 0));
        assertEquals(
                "the task's step cap of 3 tool calls was reached", g.outcome().message());
        assertEquals(3, g.session().trajectory().toolCalls());
        assertEquals(3, g.requests());
    }

    @Test
    void makesNoCallThatWouldPassTheCostCap() throws Exception {
        // each call costs 1000 x 2 / 1e6 + 200 x 8 / 1e6 = 0.0036 USD
        GaveUp g = givesUp(new Limits(Duration.ofMinutes(5), 0, 0.01));
        assertTrue(
                g.outcome().message().startsWith("another model call would pass the task's cost cap of 0.0100 USD"),
                g.outcome().message());
        assertEquals(2, g.requests());
        assertEquals(0.0072, g.session().trajectory().usage().costUsd(), 1e-12);
    }

    @Test
    void makesNoCallAtThePassedDeadlineNorPastItsTurnLimit() throws Exception {
        try (MockChatServer mock = endlessToolCalls()) {
            SessionOutcome late = harness(mock)
                    .build()
                    .run(session(Limits.defaults(), Instant.now().minusSeconds(1)));
            assertEquals("the session's deadline is too close for another model call", late.message());
            assertEquals(0, mock.requests().size());
            SessionOutcome turns = harness(mock)
                    .maxTurns(2)
                    .build()
                    .run(session(Limits.defaults(), Instant.now().plusSeconds(300)));
            assertEquals("the harness's limit of 2 model calls per session was reached", turns.message());
            assertEquals(2, mock.requests().size());
        }
    }

    @Test
    void retriesRateLimitsAndServerErrorsWithTheirCauseInTheLog() throws Exception {
        try (MockChatServer mock = new MockChatServer((request, n) -> switch (n) {
                    case 1 -> status(429, "{\"error\":{\"message\":\"slow down\"}}", Map.of("Retry-After", "0"));
                    case 2 -> status(503, "upstream busy", Map.of());
                    default -> finalMessage("done");
                });
                LogCapture log = new LogCapture("dev.ale.tools.openai")) {
            SessionOutcome outcome = harness(mock)
                    .build()
                    .run(session(Limits.defaults(), Instant.now().plusSeconds(300)));
            assertEquals(SessionOutcome.Status.COMPLETED, outcome.status());
            assertEquals(3, mock.requests().size());
            assertEquals(2, log.lines().size(), log.lines().toString());
            assertTrue(
                    log.lines()
                            .get(0)
                            .startsWith(
                                    "INFO openai: HTTP 429: {\"error\":{\"message\":\"slow down\"}} from http://127.0.0.1:"),
                    log.lines().get(0));
            assertTrue(
                    log.lines().get(0).endsWith("; retry 1 of 4 in 0 ms"),
                    log.lines().get(0));
            assertTrue(
                    log.lines().get(1).startsWith("INFO openai: HTTP 503: upstream busy"),
                    log.lines().get(1));
        }
    }

    @Test
    void givesUpAfterTheRetriesAndNeverRetriesAClientError() throws Exception {
        try (MockChatServer down = new MockChatServer((request, n) -> status(500, "boom", Map.of()))) {
            IOException e = assertThrows(IOException.class, () -> harness(down)
                    .retries(2, Duration.ZERO)
                    .build()
                    .run(session(Limits.defaults(), Instant.now().plusSeconds(300))));
            assertTrue(e.getMessage().contains("after 3 requests; the last: HTTP 500: boom"), e.getMessage());
            assertEquals(3, down.requests().size());
        }
        try (MockChatServer refuses = new MockChatServer((request, n) -> status(401, "bad key", Map.of()))) {
            IOException e = assertThrows(IOException.class, () -> harness(refuses)
                    .build()
                    .run(session(Limits.defaults(), Instant.now().plusSeconds(300))));
            assertTrue(e.getMessage().startsWith("HTTP 401: bad key from http://127.0.0.1:"), e.getMessage());
            assertEquals(1, refuses.requests().size());
        }
    }

    @Test
    void neverWaitsPastTheDeadlineForARetry() throws Exception {
        try (MockChatServer mock = new MockChatServer((request, n) -> status(429, "", Map.of("Retry-After", "3600")))) {
            IOException e = assertThrows(IOException.class, () -> harness(mock)
                    .build()
                    .run(session(Limits.defaults(), Instant.now().plusSeconds(10))));
            assertTrue(e.getMessage().contains("no time is left before the deadline to retry"), e.getMessage());
            assertEquals(1, mock.requests().size());
        }
    }
}
