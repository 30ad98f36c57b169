package dev.ale.tools.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 for tests and the benchmark: a script
 * decides each answer from the request (tool calls, a final message, or an HTTP error), and the
 * server keeps every request and {@code Authorization} header it received.
 */
public final class MockChatServer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Decides the answer to one request. */
    @FunctionalInterface
    public interface Script {
        Reply answer(JsonNode request, int number) throws IOException;
    }

    /** An answer: an HTTP status, a body and headers. */
    public record Reply(int status, String body, Map<String, String> headers) {}

    /** One tool call the mock model makes. */
    public record Call(String name, ObjectNode arguments) {}

    private final HttpServer server;
    private final Script script;
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();

    public MockChatServer(Script script) throws IOException {
        // answers go out at once rather than after the client's delayed acknowledgement (Nagle)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.script = script;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "mock-chat");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The base URL to give the harness: {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            synchronized (this) {
                requests.add(request);
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            }
            Reply reply = script.answer(request, counter.incrementAndGet());
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A 200 answer in which the model calls the given tools. */
    public static Reply toolCalls(Call... calls) {
        ObjectNode message = MAPPER.createObjectNode().put("role", "assistant");
        message.putNull("content");
        ArrayNode list = message.putArray("tool_calls");
        int i = 0;
        for (Call c : calls) {
            ObjectNode call = list.addObject().put("id", "call_" + (++i)).put("type", "function");
            call.putObject("function")
                    .put("name", c.name())
                    .put("arguments", c.arguments().toString());
        }
        return completion(message, "tool_calls");
    }

    /** A 200 answer in which the model ends with a message and no tool call. */
    public static Reply finalMessage(String text) {
        return completion(MAPPER.createObjectNode().put("role", "assistant").put("content", text), "stop");
    }

    /** An error answer. */
    public static Reply status(int code, String body, Map<String, String> headers) {
        return new Reply(code, body, headers);
    }

    /** A tool call with arguments given as alternating names and values. */
    public static Call call(String name, Object... nameValues) {
        ObjectNode args = MAPPER.createObjectNode();
        for (int i = 0; i < nameValues.length; i += 2) {
            args.set((String) nameValues[i], MAPPER.valueToTree(nameValues[i + 1]));
        }
        return new Call(name, args);
    }

    /** How many assistant turns a request holds already (0 for the first call of a session). */
    public static int turn(JsonNode request) {
        int n = 0;
        for (JsonNode m : request.path("messages")) {
            n += m.path("role").asText().equals("assistant") ? 1 : 0;
        }
        return n;
    }

    /** The first user message of a request (the session's instruction). */
    public static String instruction(JsonNode request) {
        for (JsonNode m : request.path("messages")) {
            if (m.path("role").asText().equals("user")) {
                return m.path("content").asText();
            }
        }
        return "";
    }

    private static Reply completion(ObjectNode message, String finish) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("id", "chatcmpl-mock")
                .put("object", "chat.completion")
                .put("model", "mock-model-2026");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finish);
        body.putObject("usage")
                .put("prompt_tokens", 1000)
                .put("completion_tokens", 200)
                .put("total_tokens", 1200);
        return new Reply(200, body.toString(), Map.of());
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
