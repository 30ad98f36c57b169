package dev.ale.verifiers.internal.command;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ale.api.AleException;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.internal.support.JsonPointers;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.Render;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what an external grader reported: a plain number (as Harbor's and Inspect's
 * {@code reward.txt}), a list of raw scores whose first is the score (what an ALE {@code evaluate()}
 * returns), or an object {@code {"score": 0.75, "checks": [{"name", "score", "passed",
 * "expected", "actual", "weight", "gate", "checks"}], "gateFailed": false, "summary": "..."}}, the
 * score also read from {@code final_score} (ALE's graders) and {@code checks} also an object of
 * named results ({@code {"rows": true, "ratio": 0.5}}: booleans and numbers in [0, 1] become
 * checks, other members are left out). Anything else (no value, malformed JSON, a score that is
 * not a number in [0, 1], an object with an {@code error} and no score) is an {@link AleException}:
 * the attempt becomes an ERROR, never a silent zero. Members it does not know are ignored. On
 * standard output, when the whole text is not JSON, its last non-empty line is read (so a grader
 * may log before printing its result).
 */
final class GraderResult {
    static final int MAX_CHECKS = 1000;
    static final int MAX_DEPTH = 16;
    private static final int TEXT_WIDTH = 200;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String source;
    private int checks;

    private GraderResult(String source) {
        this.source = source;
    }

    /**
     * The verdict a grader reported in {@code text}.
     *
     * @param source where the text came from, for messages ({@code reward.txt}, {@code standard output})
     * @param lastLineFallback whether the last non-empty line may be read when the whole text is not JSON
     */
    static Verdict parse(String text, String source, boolean lastLineFallback) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = t.strip();
        if (t.isEmpty()) {
            throw new AleException("grader " + source, "", "the grader reported no score (empty)");
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(t);
        } catch (JsonProcessingException e) {
            String last = lastLine(t);
            if (!lastLineFallback || last.equals(t)) {
                throw new AleException(
                        "grader " + source,
                        "",
                        "not a score or a JSON result: " + Render.brief(e.getOriginalMessage(), TEXT_WIDTH) + " in "
                                + Render.quoted(t));
            }
            return parse(last, source + " (last line)", false);
        }
        return new GraderResult(source).verdict(n);
    }

    /**
     * The verdict in {@code text} when it holds JSON (as a whole or, on standard output, its last
     * non-empty line), else empty: a grader that crashed printed none.
     *
     * @throws AleException when the JSON is there but is not a valid result
     */
    static Optional<Verdict> find(String text, String source, boolean lastLineFallback) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = t.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            MAPPER.readTree(t);
        } catch (JsonProcessingException e) {
            String last = lastLine(t);
            if (!lastLineFallback || last.equals(t)) {
                return Optional.empty();
            }
            try {
                MAPPER.readTree(last);
            } catch (JsonProcessingException again) {
                return Optional.empty();
            }
        }
        return Optional.of(parse(text, source, lastLineFallback));
    }

    private static String lastLine(String t) {
        String[] lines = t.split("\r\n|\r|\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return t;
    }

    private Verdict verdict(JsonNode n) {
        if (n.isNumber()) {
            double score = unit(n, "");
            return Verdict.of(score, "grader score " + format(score) + " (" + source + ")", List.of());
        }
        if (n.isArray() && !n.isEmpty()) {
            double score = unit(n.get(0), "/0");
            return Verdict.of(
                    score,
                    "grader score " + format(score) + " (the first of " + n.size() + " raw scores, " + source + ")",
                    List.of());
        }
        if (!n.isObject()) {
            throw error(
                    "",
                    "must be a number in [0, 1], a list of raw scores or an object with a \"score\", got "
                            + Options.kind(n));
        }
        JsonNode raw = n.has("score") ? n.get("score") : n.get("final_score");
        if (raw == null && n.path("error").isTextual()) {
            throw error(
                    "/error",
                    "the grader reported an error: "
                            + Render.brief(n.get("error").textValue(), 2 * TEXT_WIDTH));
        }
        double score = unit(raw, n.has("score") || !n.has("final_score") ? "/score" : "/final_score");
        boolean gateFailed = bool(n, "gateFailed", "", false);
        JsonNode checkNode = n.get("checks");
        List<Check> list =
                checkNode != null && checkNode.isObject() ? named(checkNode) : checks(checkNode, "/checks", 0);
        String summary = n.has("summary")
                ? text(n.get("summary"), "/summary")
                : "grader score " + format(score) + (gateFailed ? ", gate failed" : "") + " (" + source + ")";
        return gateFailed ? Verdict.gateFailed(summary, list) : Verdict.of(score, summary, list);
    }

    private List<Check> checks(JsonNode list, String at, int depth) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw error(at, "must be an array of checks, got " + Options.kind(list));
        }
        if (depth >= MAX_DEPTH) {
            throw error(at, "checks are nested deeper than " + MAX_DEPTH + " levels");
        }
        List<Check> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (++checks > MAX_CHECKS) {
                throw error(at, "more than " + MAX_CHECKS + " checks");
            }
            out.add(check(list.get(i), JsonPointers.child(at, i), depth));
        }
        return out;
    }

    /** A {@code checks} object: each boolean or number in [0, 1] a check by its member name; other members left out. */
    private List<Check> named(JsonNode object) {
        List<Check> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (out.size() >= MAX_CHECKS) {
                break;
            }
            JsonNode v = e.getValue();
            String name = Render.brief(e.getKey(), TEXT_WIDTH);
            if (v.isBoolean()) {
                out.add(v.booleanValue() ? Check.pass(name, "true", "true") : Check.fail(name, "true", "false"));
            } else if (v.isNumber() && v.doubleValue() >= 0 && v.doubleValue() <= 1) {
                out.add(Check.partial(name, v.doubleValue(), "", Render.json(v)));
            }
        }
        return out;
    }

    private Check check(JsonNode c, String at, int depth) {
        if (!c.isObject()) {
            throw error(at, "a check must be an object, got " + Options.kind(c));
        }
        JsonNode nameNode = c.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.textValue().isBlank()) {
            throw error(at + "/name", "a check needs a non-empty \"name\" string");
        }
        boolean hasPassed = c.has("passed") && !c.get("passed").isNull();
        double score;
        if (c.has("score") && !c.get("score").isNull()) {
            score = unit(c.get("score"), at + "/score");
        } else if (hasPassed) {
            score = bool(c, "passed", at, false) ? 1 : 0;
        } else {
            throw error(at, "a check needs a \"score\" or \"passed\"");
        }
        double weight = 1;
        if (c.has("weight") && !c.get("weight").isNull()) {
            JsonNode w = c.get("weight");
            if (!w.isNumber() || !(w.doubleValue() >= 0) || Double.isInfinite(w.doubleValue())) {
                throw error(at + "/weight", "must be a finite number >= 0, got " + Render.json(w));
            }
            weight = w.doubleValue();
        }
        return new Check(
                Render.brief(nameNode.textValue(), TEXT_WIDTH),
                score,
                weight,
                bool(c, "gate", at, false),
                hasPassed ? bool(c, "passed", at, false) : score >= 1,
                value(c.get("expected")),
                value(c.get("actual")),
                checks(c.get("checks"), at + "/checks", depth + 1));
    }

    private double unit(JsonNode v, String at) {
        if (v == null || !v.isNumber()) {
            throw error(
                    at, "the score must be a JSON number in [0, 1], got " + (v == null ? "nothing" : Render.json(v)));
        }
        double d = v.doubleValue();
        if (!(d >= 0 && d <= 1)) {
            throw error(at, "the score must be in [0, 1], got " + Render.json(v));
        }
        return d;
    }

    private boolean bool(JsonNode parent, String name, String at, boolean fallback) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw error(at + "/" + name, "must be true or false, got " + Render.json(v));
        }
        return v.booleanValue();
    }

    private String text(JsonNode v, String at) {
        if (!v.isTextual()) {
            throw error(at, "must be a string, got " + Options.kind(v));
        }
        return Render.brief(v.textValue(), 2 * TEXT_WIDTH);
    }

    private static String value(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        return Render.brief(v.isTextual() ? v.textValue() : v.toString(), TEXT_WIDTH);
    }

    private AleException error(String at, String rule) {
        return new AleException("grader " + source, at, rule);
    }

    static String format(double score) {
        return String.format(Locale.ROOT, "%.3f", score);
    }
}
