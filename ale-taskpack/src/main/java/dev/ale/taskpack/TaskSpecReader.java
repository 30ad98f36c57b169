package dev.ale.taskpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.task.Limits;
import dev.ale.api.task.SessionSpec;
import dev.ale.api.task.TaskSpec;
import dev.ale.api.task.Taxonomy;
import dev.ale.api.task.Tier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and validates one {@code task.json} into a {@link TaskSpec}. */
final class TaskSpecReader {
    private static final Set<String> TOP = Set.of(
            "id",
            "revision",
            "title",
            "taxonomy",
            "tier",
            "limits",
            "sessions",
            "verifier",
            "passThreshold",
            "metadata");
    private static final Set<String> TAXONOMY = Set.of("cluster", "subfield", "soc");
    private static final Set<String> LIMITS = Set.of("timeout", "maxSteps", "maxCostUsd");
    private static final Set<String> SESSION = Set.of("instruction");
    /** The longest timeout, in seconds: a (leap) year. */
    private static final long MAX_TIMEOUT_SECONDS = 366L * 24 * 3600;

    private static final Pattern SHORT_DURATION = Pattern.compile("([0-9]{1,9})([smh])");

    private TaskSpecReader() {}

    /** The spec in {@code json}; problems are reported through {@code f} (the task.json's entry). */
    static TaskSpec read(ObjectNode json, Fields f) {
        return read(json, f, null);
    }

    /**
     * As {@link #read(ObjectNode, Fields)}, where the task's id is expected to be {@code listedId}
     * (its folder's): when it is, the spec holds that string rather than a second copy of it.
     */
    static TaskSpec read(ObjectNode json, Fields f, String listedId) {
        f.onlyKnown(json, "", TOP);
        String id = f.text(json, "id", "");
        if (id.equals(listedId)) {
            id = listedId;
        }
        if (!Manifest.isId(id)) {
            throw f.error("/id", "not a valid task id '" + id + "': it must match " + Manifest.ID.pattern());
        }
        int revision = f.integer(f.required(json, "revision", ""), "/revision", 1);
        String title = f.text(json, "title", "");
        Taxonomy taxonomy = taxonomy(f, f.object(f.required(json, "taxonomy", ""), "/taxonomy"));
        String tierId = f.string(f.required(json, "tier", ""), "/tier");
        Tier tier;
        try {
            tier = Tier.fromId(tierId);
        } catch (IllegalArgumentException e) {
            throw f.error("/tier", e.getMessage());
        }
        JsonNode limitsNode = json.get("limits");
        Limits limits = limitsNode == null || limitsNode.isNull()
                ? Limits.defaults()
                : limits(f, f.object(limitsNode, "/limits"));
        List<SessionSpec> sessions = sessions(f, f.array(f.required(json, "sessions", ""), "/sessions"));
        ObjectNode verifier = f.object(f.required(json, "verifier", ""), "/verifier");
        f.text(verifier, "type", "/verifier");
        double passThreshold = 1.0;
        JsonNode threshold = json.get("passThreshold");
        if (threshold != null && !threshold.isNull()) {
            passThreshold = f.number(threshold, "/passThreshold");
            if (!(passThreshold > 0 && passThreshold <= 1)) {
                throw f.error("/passThreshold", "must be in (0, 1], found " + threshold.asText());
            }
        }
        JsonNode metadata = json.get("metadata");
        ObjectNode meta = metadata == null || metadata.isNull() ? null : f.object(metadata, "/metadata");
        return new TaskSpec(id, revision, title, taxonomy, tier, limits, sessions, verifier, passThreshold, meta);
    }

    private static Taxonomy taxonomy(Fields f, ObjectNode node) {
        f.onlyKnown(node, "/taxonomy", TAXONOMY);
        Occupations occupations = Occupations.get();
        String cluster = occupations.canonical(f.text(node, "cluster", "/taxonomy"));
        if (!occupations.isCluster(cluster)) {
            throw f.error(
                    "/taxonomy/cluster",
                    "unknown cluster '" + cluster + "' (known: " + String.join(", ", occupations.clusters()) + ")");
        }
        String subfield = occupations.canonical(f.text(node, "subfield", "/taxonomy"));
        if (!occupations.isSubfield(cluster, subfield)) {
            f.warn("/taxonomy/subfield", "unknown subfield '" + subfield + "' of cluster '" + cluster + "'");
        }
        ArrayNode socNode = f.array(f.required(node, "soc", "/taxonomy"), "/taxonomy/soc");
        List<String> soc = nonEmpty(
                f, socNode, "/taxonomy/soc", "needs at least one SOC 2018 occupation code", (element, i, at) -> {
                    String code = occupations.canonical(f.string(element, at));
                    String problem = occupations.socProblem(code);
                    if (problem != null) {
                        throw f.error(at, problem);
                    }
                    return code;
                });
        return new Taxonomy(cluster, subfield, soc);
    }

    private static Limits limits(Fields f, ObjectNode node) {
        f.onlyKnown(node, "/limits", LIMITS);
        JsonNode t = node.get("timeout");
        Duration timeout = t == null || t.isNull() ? Limits.DEFAULT_TIMEOUT : timeout(f, t, "/limits/timeout");
        JsonNode steps = node.get("maxSteps");
        int maxSteps = steps == null || steps.isNull() ? 0 : f.integer(steps, "/limits/maxSteps", 0);
        JsonNode cost = node.get("maxCostUsd");
        double maxCost = cost == null || cost.isNull() ? 0 : f.number(cost, "/limits/maxCostUsd");
        if (maxCost < 0) {
            throw f.error("/limits/maxCostUsd", "must be >= 0 (0: no cap), found " + cost.asText());
        }
        return new Limits(timeout, maxSteps, maxCost);
    }

    /** A timeout: an ISO-8601 duration ({@code PT10M}), a number of seconds, or {@code <n>s|m|h}. */
    static Duration timeout(Fields f, JsonNode value, String at) {
        Duration d;
        if (value.isNumber()) {
            double approximate = value.doubleValue();
            if (Double.isNaN(approximate)) {
                throw f.error(
                        at,
                        "must be a duration (a string such as \"10m\" or \"PT10M\", or a number of seconds), found "
                                + Fields.typeName(value));
            }
            if (approximate > MAX_TIMEOUT_SECONDS) {
                throw f.error(at, "timeout is more than a year: " + value.asText());
            }
            if (approximate <= 0) {
                throw f.error(at, "timeout must be positive, found " + value.asText());
            }
            BigDecimal seconds = value.decimalValue();
            if (seconds.compareTo(BigDecimal.valueOf(MAX_TIMEOUT_SECONDS)) > 0) {
                throw f.error(at, "timeout is more than a year: " + value.asText());
            }
            d = Duration.ofNanos(seconds.movePointRight(9).longValue());
        } else if (value.isTextual()) {
            String s = value.asText().trim();
            Matcher m = SHORT_DURATION.matcher(s);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } else {
                try {
                    d = Duration.parse(s);
                } catch (DateTimeParseException e) {
                    throw f.error(
                            at,
                            "not a duration: '" + s + "' (use an ISO-8601 duration such as PT10M, "
                                    + "a number of seconds, or <n>s, <n>m, <n>h)");
                }
            }
        } else {
            throw f.error(
                    at,
                    "must be a duration (a string such as \"10m\" or \"PT10M\", or a number of seconds), found "
                            + Fields.typeName(value));
        }
        if (d.isNegative() || d.isZero()) {
            throw f.error(at, "timeout must be positive, found " + value.asText());
        }
        return d;
    }

    private static List<SessionSpec> sessions(Fields f, ArrayNode array) {
        return nonEmpty(f, array, "/sessions", "a task needs at least one session", (element, i, at) -> {
            ObjectNode s = f.object(element, at);
            f.onlyKnown(s, at, SESSION);
            return new SessionSpec(i + 1, f.text(s, "instruction", at));
        });
    }

    /** Reads one element of an array: the element, its index and its JSON Pointer. */
    @FunctionalInterface
    private interface Element<T> {
        T read(JsonNode element, int index, String at);
    }

    /** Every element of {@code array} (at {@code pointer}), read in order; an empty array breaks {@code emptyRule}. */
    private static <T> List<T> nonEmpty(Fields f, ArrayNode array, String pointer, String emptyRule, Element<T> read) {
        if (array.isEmpty()) {
            throw f.error(pointer, emptyRule);
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(read.read(array.get(i), i, pointer + "/" + i));
        }
        return out;
    }
}
