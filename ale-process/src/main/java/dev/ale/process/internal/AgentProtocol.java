package dev.ale.process.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.SessionContext;
import dev.ale.api.Step;
import dev.ale.api.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The persistent-agent protocol, version {@value #VERSION}: the lines the runner writes to the
 * agent's standard input ({@code hello}, then one {@code task} per session) and the lines it accepts
 * on the agent's standard output ({@code ready}, then one {@code result} per task). Every line is one
 * JSON object; see {@code docs/cli-agents.md} for the whole protocol.
 */
@API(status = INTERNAL)
public final class AgentProtocol {
    /** The protocol version, sent in the {@code hello} line. */
    public static final int VERSION = 1;

    /** The longest line the agent may write on its standard output, in bytes (line break excluded). */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private static final int QUOTE_CHARS = 120;
    /** Strict: duplicate keys and anything after the object are refused. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private AgentProtocol() {}

    /** The agent's answer to one task. */
    @API(status = INTERNAL)
    public record Answer(boolean done, String message, Usage usage, List<Step> steps) {}

    /** A line that breaks the protocol: {@link #getMessage()} names the field (a JSON Pointer) and the rule. */
    @API(status = INTERNAL)
    public static final class Violation extends Exception {
        private static final long serialVersionUID = 1L;

        Violation(String message) {
            super(message);
        }
    }

    /** The first line the runner writes to a process: the protocol version and the process's number. */
    public static String hello(int process) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "hello");
        n.put("protocol", VERSION);
        n.put("process", process);
        n.put("maxLineBytes", MAX_LINE_BYTES);
        return n.toString();
    }

    /**
     * The line asking for one session's work: request {@code id} of attempt {@code attempt}, in
     * {@code workspace} (the path as the process sees it).
     */
    public static String task(long id, String attempt, SessionContext ctx, String workspace) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "task");
        n.put("id", id);
        n.put("attempt", attempt);
        n.put("task", ctx.task().id());
        n.put("session", ctx.session());
        n.put("sessions", ctx.sessions());
        n.put("instruction", ctx.instruction());
        n.put("workspace", workspace);
        n.put("deadline", ctx.deadline().toString());
        n.put(
                "timeoutMillis",
                Math.max(0, Duration.between(Instant.now(), ctx.deadline()).toMillis()));
        return n.toString();
    }

    /** Checks the agent's answer to {@code hello}: {@code {"type": "ready", "protocol": 1}}. */
    public static void ready(byte[] line) throws Violation {
        ObjectNode n = object(line, "the answer to hello");
        type(n, "ready");
        JsonNode protocol = n.path("protocol");
        if (!protocol.isIntegralNumber() || protocol.asLong() != VERSION) {
            throw new Violation("/protocol must be " + VERSION + " (the version this runner speaks), got "
                    + quote(protocol.toString()));
        }
    }

    /** The agent's answer to request {@code id}, checked field by field. */
    public static Answer answer(byte[] line, long id, int session) throws Violation {
        ObjectNode n = object(line, "an answer");
        type(n, "result");
        JsonNode given = n.path("id");
        if (!given.isIntegralNumber() || given.asLong() != id) {
            throw new Violation("/id must be " + id + " (the request in flight), got " + quote(given.toString()));
        }
        String status = text(n, "/status", true);
        if (!status.equals("done") && !status.equals("failed")) {
            throw new Violation("/status must be \"done\" or \"failed\", got "
                    + quote(n.get("status").toString()));
        }
        String message = text(n, "/message", false);
        return new Answer(status.equals("done"), message, usage(n.get("usage")), steps(n.get("steps"), session));
    }

    /**
     * Whether {@code line} is an answer to a request before {@code id}: a process that answered a
     * task twice, whose extra line arrived only with the next task.
     */
    public static boolean answersEarlier(byte[] line, long id) {
        try {
            JsonNode n = JSON.readTree(line);
            return n != null
                    && n.path("type").asText().equals("result")
                    && n.path("id").isIntegralNumber()
                    && n.path("id").asLong() < id;
        } catch (IOException e) {
            return false;
        }
    }

    /** The start of an offending line, for messages. */
    public static String quote(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= QUOTE_CHARS ? oneLine : oneLine.substring(0, QUOTE_CHARS) + "...";
    }

    private static ObjectNode object(byte[] line, String what) throws Violation {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new Violation("the line is not JSON (" + e.getOriginalMessage() + "); rule: " + what
                    + " is one JSON object on one line of stdout, logs go to stderr: "
                    + quote(new String(line, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new Violation("the line could not be read: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new Violation("the line is "
                    + (n == null ? "empty" : "a JSON " + n.getNodeType().name().toLowerCase(Locale.ROOT)) + "; rule: "
                    + what + " is one JSON object on one line");
        }
        return (ObjectNode) n;
    }

    private static void type(ObjectNode n, String expected) throws Violation {
        JsonNode type = n.path("type");
        if (!type.isTextual() || !type.asText().equals(expected)) {
            throw new Violation("/type must be \"" + expected + "\", got " + quote(type.toString()));
        }
    }

    private static String text(JsonNode n, String pointer, boolean required) throws Violation {
        JsonNode v = n.at(pointer);
        if (v.isMissingNode() || (v.isNull() && !required)) {
            if (required) {
                throw new Violation(pointer + " is required");
            }
            return "";
        }
        if (!v.isTextual()) {
            throw new Violation(pointer + " must be a string, got " + quote(v.toString()));
        }
        return v.asText();
    }

    private static Usage usage(JsonNode u) throws Violation {
        if (u == null || u.isNull()) {
            return Usage.ZERO;
        }
        if (!u.isObject()) {
            throw new Violation("/usage must be an object {inputTokens, outputTokens, costUsd}");
        }
        long in = count(u, "inputTokens");
        long out = count(u, "outputTokens");
        JsonNode cost = u.path("costUsd");
        double usd = 0;
        if (!cost.isMissingNode()) {
            if (!cost.isNumber() || !(cost.asDouble() >= 0) || Double.isInfinite(cost.asDouble())) {
                throw new Violation("/usage/costUsd must be a finite number >= 0, got " + quote(cost.toString()));
            }
            usd = cost.asDouble();
        }
        return new Usage(in, out, usd);
    }

    private static long count(JsonNode u, String field) throws Violation {
        JsonNode v = u.path(field);
        if (v.isMissingNode()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new Violation("/usage/" + field + " must be a whole number >= 0, got " + quote(v.toString()));
        }
        return v.asLong();
    }

    private static List<Step> steps(JsonNode s, int session) throws Violation {
        if (s == null || s.isNull()) {
            return List.of();
        }
        if (!s.isArray()) {
            throw new Violation("/steps must be an array of {kind, name, text}");
        }
        List<Step> steps = new ArrayList<>(s.size());
        Instant now = Instant.now();
        for (int i = 0; i < s.size(); i++) {
            String at = "/steps/" + i;
            JsonNode step = s.get(i);
            if (!step.isObject()) {
                throw new Violation(at + " must be an object {kind, name, text}");
            }
            String kind;
            String name;
            String text;
            try {
                kind = text(step, "/kind", true);
                name = text(step, "/name", false);
                text = text(step, "/text", false);
            } catch (Violation e) {
                throw new Violation(at + e.getMessage());
            }
            Step.Kind k =
                    switch (kind) {
                        case "message" -> Step.Kind.MESSAGE;
                        case "tool_call" -> Step.Kind.TOOL_CALL;
                        case "observation" -> Step.Kind.OBSERVATION;
                        default -> throw new Violation(
                                at + "/kind must be \"message\", \"tool_call\" or \"observation\", got "
                                        + quote(step.get("kind").toString()));
                    };
            steps.add(new Step(now, k, name, text, Usage.ZERO, session));
        }
        return steps;
    }
}
