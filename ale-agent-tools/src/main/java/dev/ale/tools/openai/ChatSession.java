package dev.ale.tools.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import dev.ale.api.task.Limits;
import dev.ale.tools.AgentTools;
import dev.ale.tools.ToolResult;
import dev.ale.tools.ToolSpec;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One session of the tool-calling loop: the instruction goes to the model, each tool call it makes
 * is carried out with the tool kit and answered, until it replies without a tool call (done) or a
 * budget says stop: the task's step cap, its cost cap (no call is made that, priced like the last
 * one, would pass it), the deadline, the harness's turn cap, or cancellation.
 */
final class ChatSession {
    /** A model call is not started with less time than this left before the deadline. */
    static final Duration MIN_TIME_FOR_A_CALL = Duration.ofSeconds(1);

    private final OpenAiChatHarness.Settings settings;
    private final ChatClient client;
    private final SessionContext ctx;
    private final ArrayNode messages = JsonNodeFactory.instance.arrayNode();
    private double lastCallCost;

    ChatSession(OpenAiChatHarness.Settings settings, ChatClient client, SessionContext ctx) {
        this.settings = settings;
        this.client = client;
        this.ctx = ctx;
    }

    SessionOutcome run() throws IOException, InterruptedException {
        AgentTools tools = AgentTools.forSession(ctx, settings.toolLimits());
        List<ToolSpec> specs = tools.specs();
        String user = ctx.instruction()
                + (ctx.sessions() > 1
                        ? "\n\n(This is session " + ctx.session() + " of " + ctx.sessions()
                                + "; the workspace holds what earlier sessions left.)"
                        : "");
        add("system", settings.systemPrompt());
        add("user", user);
        ctx.trajectory().message("system", settings.systemPrompt());
        ctx.trajectory().message("user", user);
        for (int turn = 1; ; turn++) {
            String stop = stopReason(turn);
            if (stop != null) {
                return SessionOutcome.gaveUp(stop);
            }
            JsonNode response = client.complete(request(specs), ctx.deadline());
            recordUsage(response);
            JsonNode message = response.path("choices").path(0).path("message");
            if (!message.isObject()) {
                throw new IOException("the response has no choices[0].message: " + excerpt(response.toString()));
            }
            String content = message.path("content").isTextual()
                    ? message.path("content").asText()
                    : "";
            if (!content.isEmpty()) {
                ctx.trajectory().message("assistant", content);
            }
            JsonNode calls = message.path("tool_calls");
            ObjectNode said = messages.addObject().put("role", "assistant");
            if (content.isEmpty()) {
                said.putNull("content");
            } else {
                said.put("content", content);
            }
            if (!calls.isArray() || calls.isEmpty()) {
                return SessionOutcome.completed();
            }
            said.set("tool_calls", calls);
            for (JsonNode call : calls) {
                String halt = budgetReached();
                if (halt != null) {
                    return SessionOutcome.gaveUp(halt);
                }
                JsonNode function = call.path("function");
                ToolResult result = tools.call(
                        function.path("name").asText(""),
                        function.path("arguments").asText(""));
                messages.addObject()
                        .put("role", "tool")
                        .put("tool_call_id", call.path("id").asText(""))
                        .put("content", result.output());
            }
        }
    }

    private String stopReason(int turn) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("the session was interrupted");
        }
        if (turn > settings.maxTurns()) {
            return "the harness's limit of " + settings.maxTurns() + " model calls per session was reached";
        }
        if (Duration.between(Instant.now(), ctx.deadline()).compareTo(MIN_TIME_FOR_A_CALL) < 0) {
            return "the session's deadline is too close for another model call";
        }
        Limits limits = ctx.task().limits();
        double spent = ctx.trajectory().usage().costUsd();
        if (limits.maxCostUsd() > 0 && spent + lastCallCost > limits.maxCostUsd()) {
            return String.format(
                    Locale.ROOT,
                    "another model call would pass the task's cost cap of %.4f USD" + " (%.4f USD spent)",
                    limits.maxCostUsd(),
                    spent);
        }
        return budgetReached();
    }

    private @Nullable String budgetReached() {
        if (ctx.cancelled()) {
            return "the attempt was cancelled";
        }
        int maxSteps = ctx.task().limits().maxSteps();
        if (maxSteps > 0 && ctx.trajectory().toolCalls() >= maxSteps) {
            return "the task's step cap of " + maxSteps + " tool calls was reached";
        }
        return null;
    }

    private ObjectNode request(List<ToolSpec> specs) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", settings.model());
        body.set("messages", messages);
        ArrayNode tools = body.putArray("tools");
        specs.forEach(s -> tools.add(s.toFunction()));
        body.put("tool_choice", "auto");
        if (settings.temperature() != null) {
            body.put("temperature", settings.temperature());
        }
        if (settings.maxOutputTokens() > 0) {
            body.put("max_tokens", settings.maxOutputTokens());
        }
        return body;
    }

    private void recordUsage(JsonNode response) {
        JsonNode usage = response.path("usage");
        long in = Math.max(0, usage.path("prompt_tokens").asLong(0));
        long out = Math.max(0, usage.path("completion_tokens").asLong(0));
        lastCallCost =
                settings.prices().cost(settings.model(), response.path("model").asText(""), in, out);
        ctx.trajectory().usage(in, out, lastCallCost);
    }

    private void add(String role, String content) {
        messages.addObject().put("role", role).put("content", content);
    }

    private static String excerpt(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
