package dev.ale.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.Usage;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.task.PackRef;
import dev.ale.api.task.Tier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One attempt as JSON: the same object in {@code journal.jsonl} lines and in the {@code attempts}
 * of {@code report.json}, so a report can always be rebuilt from a journal.
 */
final class AttemptJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AttemptJson() {}

    static ObjectNode write(AttemptResult a) {
        return write(a, true);
    }

    /**
     * As {@link #write(AttemptResult)}; without {@code expected}, the checks keep no expected value.
     * The journal is written that way while agents still run: a check's expected value is the answer,
     * and an agent of a parallel attempt in a local directory (same user) can read the run directory.
     */
    static ObjectNode write(AttemptResult a, boolean expected) {
        ObjectNode node = F.objectNode();
        node.put("taskId", a.taskId()).put("taskRevision", a.taskRevision()).put("taskDigest", a.taskDigest());
        node.putObject("pack")
                .put("name", a.pack().name())
                .put("version", a.pack().version())
                .put("digest", a.pack().digest());
        node.put("trial", a.trial())
                .put("outcome", a.outcome().name())
                .put("cause", a.cause().name());
        node.put("score", a.score()).put("durationMs", a.duration().toMillis()).put("message", a.message());
        node.put("tier", a.tier().id()).put("cluster", a.cluster()).put("subfield", a.subfield());
        ArrayNode soc = node.putArray("soc");
        a.soc().forEach(soc::add);
        node.put("sessionsRun", a.sessionsRun()).put("steps", a.steps());
        node.putObject("usage")
                .put("inputTokens", a.usage().inputTokens())
                .put("outputTokens", a.usage().outputTokens())
                .put("costUsd", a.usage().costUsd());
        ObjectNode verdict = node.putObject("verdict");
        verdict.put("score", a.verdict().score())
                .put("gateFailed", a.verdict().gateFailed())
                .put("summary", a.verdict().summary());
        writeChecks(verdict.putArray("checks"), a.verdict().checks(), expected);
        return node;
    }

    private static void writeChecks(ArrayNode array, List<Check> checks, boolean expected) {
        for (Check c : checks) {
            ObjectNode n = array.addObject();
            n.put("name", c.name())
                    .put("score", c.score())
                    .put("weight", c.weight())
                    .put("gate", c.gate())
                    .put("passed", c.passed())
                    .put("expected", expected ? c.expected() : "")
                    .put("actual", c.actual());
            if (!c.children().isEmpty()) {
                writeChecks(n.putArray("children"), c.children(), expected);
            }
        }
    }

    /**
     * Reads an attempt written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the missing or ill-typed field
     */
    static AttemptResult read(JsonNode n) {
        JsonNode pack = required(n, "pack");
        JsonNode usage = required(n, "usage");
        JsonNode verdict = required(n, "verdict");
        List<String> soc = new ArrayList<>();
        required(n, "soc").forEach(s -> soc.add(s.asText()));
        Verdict v = new Verdict(
                required(verdict, "score").asDouble(),
                required(verdict, "gateFailed").asBoolean(),
                verdict.path("summary").asText(""),
                readChecks(verdict.path("checks")));
        return new AttemptResult(
                text(n, "taskId"),
                required(n, "taskRevision").asInt(),
                text(n, "taskDigest"),
                new PackRef(text(pack, "name"), text(pack, "version"), text(pack, "digest")),
                required(n, "trial").asInt(),
                Outcome.valueOf(text(n, "outcome")),
                Cause.valueOf(text(n, "cause")),
                required(n, "score").asDouble(),
                v,
                Duration.ofMillis(required(n, "durationMs").asLong()),
                n.path("message").asText(""),
                Tier.fromId(text(n, "tier")),
                text(n, "cluster"),
                text(n, "subfield"),
                soc,
                n.path("sessionsRun").asInt(),
                new Usage(
                        usage.path("inputTokens").asLong(),
                        usage.path("outputTokens").asLong(),
                        usage.path("costUsd").asDouble()),
                n.path("steps").asInt());
    }

    private static List<Check> readChecks(JsonNode array) {
        List<Check> checks = new ArrayList<>();
        for (JsonNode c : array) {
            checks.add(new Check(
                    text(c, "name"),
                    required(c, "score").asDouble(),
                    c.path("weight").asDouble(1),
                    c.path("gate").asBoolean(),
                    c.path("passed").asBoolean(),
                    c.path("expected").asText(""),
                    c.path("actual").asText(""),
                    readChecks(c.path("children"))));
        }
        return checks;
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return v.asText();
    }
}
