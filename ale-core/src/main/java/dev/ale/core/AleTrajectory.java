package dev.ale.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.Step;
import dev.ale.api.Usage;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The trajectory of an attempt as ALE's {@code trajectory.json}: the {@code Trajectory} model
 * (schema {@code ALE-v1.0}, a subset of ATIF) of {@code ale_run/agents/trajectory.py}, with
 * {@code final_metrics} rolled up as {@code TrajectoryBuilder.finalize} does there. ALE's models
 * forbid unknown fields, so what the SDK adds (the session of each step) goes in {@code extra}.
 *
 * <p>Steps map by kind: a message from {@code user} or {@code system} to a step of that source,
 * any other role to an {@code agent} step; a tool call to an {@code agent} step with one
 * {@code tool_calls} entry (arguments that are a JSON object as they are, other text as
 * {@code {"input": text}}); an observation to an {@code environment} step whose result answers the
 * last tool call; a usage report to the {@code metrics} of the last agent step (a step of its own
 * when there is none). Each session's instruction opens it as a {@code user} step, as ALE seeds
 * its trajectories with the task's description.
 */
final class AleTrajectory {
    static final String SCHEMA_VERSION = "ALE-v1.0";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final ArrayNode steps = F.arrayNode();
    private ObjectNode lastAgent;
    private String lastCall;
    private int calls;

    private AleTrajectory() {}

    /** The first second of the year 10000: below it, and from 1970, a year has four digits. */
    private static final long YEAR_10000 = 253_402_300_800L;

    /**
     * ALE's timestamp form: UTC with microseconds and a Z. From 1970 to 9999 the digits are put in
     * place by hand, as {@code TIME} puts them (a formatter call was a tenth of writing a
     * trajectory); other instants go to the formatter.
     */
    static String time(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            return TIME.format(at);
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, at.getNano(), ZoneOffset.UTC);
        char[] c = "0000-00-00T00:00:00.000000Z".toCharArray();
        digits(c, 0, t.getYear(), 4);
        digits(c, 5, t.getMonthValue(), 2);
        digits(c, 8, t.getDayOfMonth(), 2);
        digits(c, 11, t.getHour(), 2);
        digits(c, 14, t.getMinute(), 2);
        digits(c, 17, t.getSecond(), 2);
        digits(c, 20, t.getNano() / 1000, 6);
        return new String(c);
    }

    /** Writes {@code value} (0 or more) as {@code width} decimal digits at {@code at}. */
    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * The {@code trajectory.json} of an attempt.
     *
     * @param instructions the instruction of each session (1-based), empty strings when unknown
     * @param started      when the attempt started (the first step, or the run's start)
     */
    static ObjectNode of(
            AttemptResult a,
            AleResults.Slugs slugs,
            String harness,
            List<String> instructions,
            List<Step> recorded,
            Instant started) {
        AleTrajectory t = new AleTrajectory();
        int session = 0;
        for (Step s : recorded) {
            while (session < s.session()) {
                session++;
                t.instruction(instructions, session, s.at());
            }
            t.add(s);
        }
        while (session < a.sessionsRun()) {
            session++;
            t.instruction(instructions, session, started);
        }
        Instant ended =
                recorded.isEmpty() ? started : recorded.get(recorded.size() - 1).at();
        ObjectNode n = F.objectNode();
        n.put("schema_version", SCHEMA_VERSION);
        n.put("episode_id", slugs.episodeId());
        ObjectNode agent = n.putObject("agent");
        agent.put("name", harness).putNull("version");
        agent.putNull("model");
        agent.putObject("extra");
        n.put("task_path", a.taskId());
        n.put("variant_index", 0);
        n.put("instruction", instructions.isEmpty() ? "" : instructions.get(0));
        n.set("steps", t.steps);
        n.set("final_metrics", finalMetrics(a, t.steps));
        n.put("started_at", time(started));
        n.put("ended_at", time(ended));
        n.putArray("subagent_trajectories");
        n.putNull("continued_trajectory_ref");
        n.putObject("extra").put("sdk_trial", a.trial());
        return n;
    }

    /** {@code final_metrics}: totals over the steps' metrics, the reward (the score) and the agent's status. */
    static ObjectNode finalMetrics(AttemptResult a, JsonNode steps) {
        long input = 0;
        long output = 0;
        double cost = 0;
        for (JsonNode s : steps) {
            JsonNode m = s.path("metrics");
            input += m.path("input_tokens").asLong();
            output += m.path("output_tokens").asLong();
            cost += m.path("cost_usd").asDouble();
        }
        ObjectNode m = F.objectNode();
        m.put("total_steps", steps.size());
        m.put("total_input_tokens", input).put("total_output_tokens", output);
        m.put("total_cache_read_tokens", 0).put("total_cache_creation_tokens", 0);
        m.put("total_cost_usd", cost).put("total_duration_ms", a.duration().toMillis());
        if (AleRunJson.scored(a)) {
            m.put("reward", a.score());
        } else {
            m.putNull("reward");
        }
        m.put("status", AleRunJson.agentStatus(a));
        return m;
    }

    private void instruction(List<String> instructions, int session, Instant at) {
        if (session <= instructions.size() && !instructions.get(session - 1).isEmpty()) {
            step("user", at, session).put("message", instructions.get(session - 1));
        }
    }

    private void add(Step s) {
        switch (s.kind()) {
            case MESSAGE -> {
                String source = s.name().equals("user") || s.name().equals("system") ? s.name() : "agent";
                ObjectNode step = step(source, s.at(), s.session()).put("message", s.text());
                if (source.equals("agent")) {
                    lastAgent = step;
                }
            }
            case TOOL_CALL -> {
                lastCall = "call_" + ++calls;
                ObjectNode step = step("agent", s.at(), s.session());
                step.withArray("tool_calls")
                        .addObject()
                        .put("id", lastCall)
                        .put("name", s.name())
                        .set("arguments", arguments(s.text()));
                lastAgent = step;
            }
            case OBSERVATION -> {
                ObjectNode step = step("environment", s.at(), s.session());
                ObjectNode observation = step.putObject("observation");
                ArrayNode results = observation.putArray("results");
                if (lastCall == null) {
                    step.put("message", s.text());
                } else {
                    ObjectNode result = results.addObject().put("tool_call_id", lastCall);
                    result.putArray("content")
                            .addObject()
                            .put("type", "text")
                            .put("text", s.text())
                            .putNull("image");
                    result.put("is_error", false);
                }
                observation.putNull("error");
            }
            case USAGE -> addUsage(s);
        }
    }

    private void addUsage(Step s) {
        ObjectNode target = lastAgent != null ? lastAgent : step("agent", s.at(), s.session());
        lastAgent = target;
        JsonNode old = target.get("metrics");
        Usage u = s.usage();
        ObjectNode m = F.objectNode();
        m.put("input_tokens", old.path("input_tokens").asLong() + u.inputTokens());
        m.put("output_tokens", old.path("output_tokens").asLong() + u.outputTokens());
        m.putNull("cache_read_tokens").putNull("cache_creation_tokens");
        m.put("cost_usd", old.path("cost_usd").asDouble() + u.costUsd());
        m.putNull("duration_ms");
        target.set("metrics", m);
    }

    /** A new step with every field of ALE's {@code Step} at its default. */
    private ObjectNode step(String source, Instant at, int session) {
        ObjectNode step = steps.addObject();
        step.put("step_id", steps.size()).put("timestamp", time(at)).put("source", source);
        step.putNull("message").putNull("reasoning");
        step.putArray("tool_calls");
        step.putNull("observation").putNull("metrics");
        step.putObject("extra").put("session", session);
        return step;
    }

    static JsonNode arguments(String text) {
        if (!mayBeAnObject(text)) {
            return F.objectNode().put("input", text); // not parsed: its failure cost an exception
        }
        try {
            JsonNode parsed = JSON.readTree(text);
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (IOException notJson) {
            // plain text arguments
        }
        return F.objectNode().put("input", text);
    }

    /**
     * Whether a JSON parse of {@code text} could give an object: its first character after JSON's
     * white space is '{' (or a byte-order mark, left to the parser).
     */
    private static boolean mayBeAnObject(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c == '{' || c == '\uFEFF';
            }
        }
        return false;
    }
}
