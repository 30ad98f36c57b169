package dev.ale.bench;

import static dev.ale.tools.openai.MockChatServer.call;
import static dev.ale.tools.openai.MockChatServer.finalMessage;
import static dev.ale.tools.openai.MockChatServer.toolCalls;
import static dev.ale.tools.openai.MockChatServer.turn;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.Sandbox;
import dev.ale.api.SessionOutcome;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.api.task.Limits;
import dev.ale.testfixtures.SessionFixture;
import dev.ale.tools.AgentTools;
import dev.ale.tools.openai.MockChatServer;
import dev.ale.tools.openai.OpenAiChatHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Figure group {@code tools}, the agent tool kit's and the OpenAI-compatible harness's own cost.
 * Tool calls: {@code AgentTools.call(name, json)} (argument parsing, confinement, the read or write,
 * the output cap, two trajectory steps) against its peer, the bare {@code Files.readString} or
 * {@code Files.writeString} of the same file in the same sandbox. Harness: one model call of a
 * session (request built, posted to a scripted server on 127.0.0.1, parsed, a {@code list_files}
 * carried out and recorded) against its peer, a bare {@code HttpClient} post of the same request body
 * to the same server with the response parsed. Medians of several repetitions.
 */
final class ToolOverhead {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** How big the measurement is. */
    record Size(int calls, int sessions, int turns, int repetitions) {}

    static final Size FULL = new Size(5_000, 40, 10, 5);
    static final Size QUICK = new Size(300, 3, 4, 1);

    private ToolOverhead() {}

    static void run(Size size, Results results) throws Exception {
        for (String sandbox : new String[] {"in-memory", "local-directory"}) {
            for (String tool : new String[] {"read_file", "write_file"}) {
                measureTool(size, sandbox, tool, results);
            }
        }
        harness(size, results);
    }

    private static void measureTool(Size size, String sandboxName, String tool, Results results) throws Exception {
        String content = "id,amount\n" + "1,10.50\n".repeat(60);
        double[] toolMicros = new double[size.repetitions()];
        double[] peerMicros = new double[size.repetitions()];
        try (Sandbox sandbox = RunnerOverhead.provider(sandboxName).open(new SandboxRequest("bench.1", 0))) {
            Path file = Files.writeString(sandbox.workspace().resolve("data.csv"), content);
            String arguments = tool.equals("read_file")
                    ? "{\"path\":\"data.csv\"}"
                    : MAPPER.createObjectNode()
                            .put("path", "data.csv")
                            .put("content", content)
                            .toString();
            for (int r = -1; r < size.repetitions(); r++) {
                AgentTools tools = AgentTools.forSession(SessionFixture.over(sandbox));
                long toolNanos = Timing.nanos(() -> {
                    for (int i = 0; i < size.calls(); i++) {
                        if (tools.call(tool, arguments).error()) {
                            throw new IllegalStateException(tool + " failed in the benchmark");
                        }
                    }
                });
                long peerNanos = Timing.nanos(() -> {
                    for (int i = 0; i < size.calls(); i++) {
                        if (tool.equals("read_file")) {
                            Files.readString(file);
                        } else {
                            Files.writeString(file, content);
                        }
                    }
                });
                if (r >= 0) {
                    toolMicros[r] = toolNanos / 1_000.0 / size.calls();
                    peerMicros[r] = peerNanos / 1_000.0 / size.calls();
                }
            }
        }
        double median = Timing.median(toolMicros);
        double peer = Timing.median(peerMicros);
        results.add(new Figure(
                "tools." + tool + "." + sandboxName,
                Timing.round(median, 4),
                "us/call",
                Figure.params()
                        .put("calls", size.calls())
                        .put("file", content.length() + " bytes, 61 lines")
                        .put("peer", tool.equals("read_file") ? "Files.readString" : "Files.writeString")
                        .put("peerMicrosPerCall", Timing.round(peer, 4))
                        .medianRuns(median, peer, toolMicros)
                        .map()));
    }

    private static void harness(Size size, Results results) throws Exception {
        int turns = size.turns();
        try (MockChatServer mock = new MockChatServer(
                        (request, n) -> turn(request) < turns ? toolCalls(call("list_files")) : finalMessage("done"));
                Sandbox sandbox = RunnerOverhead.provider("in-memory").open(new SandboxRequest("bench.2", 0))) {
            Files.writeString(sandbox.workspace().resolve("data.csv"), "id,amount\n1,10.50\n");
            OpenAiChatHarness harness = OpenAiChatHarness.builder()
                    .baseUrl(mock.baseUrl())
                    .model("bench-model")
                    .build();
            HttpClient http = HttpClient.newHttpClient();
            double[] harnessMicros = new double[size.repetitions()];
            double[] peerMicros = new double[size.repetitions()];
            byte[] body = null;
            for (int r = -1; r < size.repetitions(); r++) {
                long harnessNanos = Timing.nanos(() -> {
                    for (int s = 0; s < size.sessions(); s++) {
                        SessionFixture session = SessionFixture.over(
                                sandbox,
                                Limits.defaults(),
                                Instant.now().plus(Duration.ofMinutes(10)),
                                "list the files");
                        if (harness.run(session).status() != SessionOutcome.Status.COMPLETED) {
                            throw new IllegalStateException("the benchmark session did not complete");
                        }
                    }
                });
                if (body == null) {
                    body = MAPPER.writeValueAsBytes(mock.requests().get(turns / 2));
                }
                byte[] request = body;
                long peerNanos = Timing.nanos(() -> {
                    for (int i = 0; i < size.sessions() * (turns + 1); i++) {
                        post(http, URI.create(mock.baseUrl() + "/chat/completions"), request);
                    }
                });
                if (r >= 0) {
                    harnessMicros[r] = harnessNanos / 1_000.0 / (size.sessions() * (turns + 1));
                    peerMicros[r] = peerNanos / 1_000.0 / (size.sessions() * (turns + 1));
                }
            }
            double median = Timing.median(harnessMicros);
            double peer = Timing.median(peerMicros);
            results.add(new Figure(
                    "tools.openai-harness.model-call",
                    Timing.round(median, 4),
                    "us/call",
                    Figure.params()
                            .put("sessions", size.sessions())
                            .put("modelCallsPerSession", turns + 1)
                            .put("toolCallsPerSession", turns)
                            .put("server", "MockChatServer on 127.0.0.1 (com.sun.net.httpserver)")
                            .put("peer", "HttpClient.send of the same request body + Jackson parse of the answer")
                            .put("peerMicrosPerCall", Timing.round(peer, 4))
                            .put("overheadMicrosPerCall", Timing.round(median - peer, 4))
                            .medianRuns(median, peer, harnessMicros)
                            .map()));
        }
    }

    private static void post(HttpClient http, URI uri, byte[] body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || !MAPPER.readTree(response.body()).has("choices")) {
            throw new IllegalStateException("the peer request failed: HTTP " + response.statusCode());
        }
    }
}
