package dev.ale.verifiers.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.verifiers.internal.support.JsonPointers;
import dev.ale.verifiers.internal.support.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The places of a JSON document the {@code json} verifier looks at: the fields it scores, what
 * the output has beyond the expected value, and fields of the wrong JSON type or shape.
 */
final class JsonPlaces {
    private final JsonCompare compare;
    private final boolean strict;

    JsonPlaces(JsonCompare compare) {
        this(compare, false);
    }

    /**
     * With {@code strict} ({@code types: gate-strict}), {@link #typeProblem} asks for the expected
     * JSON type whatever the comparison, and a field missing from an object the output has is a
     * problem too.
     */
    JsonPlaces(JsonCompare compare, boolean strict) {
        this.compare = compare;
        this.strict = strict;
    }

    /**
     * One scored field.
     *
     * @param path     the unescaped segments of {@code pointer}
     * @param expected the expected value there
     */
    record Field(String pointer, List<String> path, JsonNode expected, JsonRules.Rule rule) {
        Field {
            path = List.copyOf(path);
        }
    }

    /**
     * The leaves of {@code expected}: scalars, empty containers, and arrays compared as sets or
     * multisets (each one field); empty defaults left out with {@code informativeOnly}.
     */
    List<Field> leaves(JsonNode expected) {
        List<Field> out = new ArrayList<>();
        List<String> path = new ArrayList<>();
        leaves(expected, path, "", compare.rules().at(path, compare.rules().base()), out);
        return out;
    }

    private void leaves(JsonNode n, List<String> path, String at, JsonRules.Rule rule, List<Field> out) {
        boolean ordered = compare.rules().arrays(path, rule) == JsonRules.Arrays.ORDERED;
        if (n.isObject() && !n.isEmpty()) {
            for (Map.Entry<String, JsonNode> m : n.properties()) {
                down(path, m.getKey(), JsonPointers.child(at, m.getKey()), rule, (p, r) -> {
                    leaves(m.getValue(), path, p, r, out);
                    return null;
                });
            }
        } else if (n.isArray() && !n.isEmpty() && ordered) {
            for (int i = 0; i < n.size(); i++) {
                JsonNode e = n.get(i);
                down(path, Integer.toString(i), JsonPointers.child(at, i), rule, (p, r) -> {
                    leaves(e, path, p, r, out);
                    return null;
                });
            }
        } else if (!compare.skipped(n)) {
            out.add(new Field(at, path, n, rule));
        }
    }

    /** The field at {@code pointer} of {@code expected} (which must be there), compared whole. */
    Field field(JsonNode expected, String pointer) {
        List<String> path = JsonPattern.segmentsOf(pointer);
        return new Field(pointer, path, expected.at(pointer), compare.rules().resolve(path));
    }

    /**
     * The pointers of what {@code actual} has beyond {@code expected}: object members the expected
     * object lacks and elements past the end of an ordered expected array; only the members of the
     * document itself when {@code topLevel}. At most {@code limit} are listed; all are counted in
     * {@code count[0]}.
     */
    void extras(JsonNode expected, JsonNode actual, boolean topLevel, List<String> out, int limit, long[] count) {
        extras(
                expected,
                actual,
                new ArrayList<>(),
                "",
                compare.rules().at(List.of(), compare.rules().base()),
                topLevel,
                out,
                limit,
                count);
    }

    private void extras(
            JsonNode e,
            JsonNode a,
            List<String> path,
            String at,
            JsonRules.Rule rule,
            boolean topLevel,
            List<String> out,
            int limit,
            long[] count) {
        boolean deeper = !topLevel;
        if (e.isObject() && a.isObject()) {
            for (Map.Entry<String, JsonNode> m : a.properties()) {
                JsonNode x = e.get(m.getKey());
                if (x == null) {
                    note(JsonPointers.child(at, m.getKey()), out, limit, count);
                } else if (deeper) {
                    down(path, m.getKey(), JsonPointers.child(at, m.getKey()), rule, (p, r) -> {
                        extras(x, m.getValue(), path, p, r, false, out, limit, count);
                        return null;
                    });
                }
            }
        } else if (deeper
                && e.isArray()
                && a.isArray()
                && compare.rules().arrays(path, rule) == JsonRules.Arrays.ORDERED) {
            for (int i = 0; i < a.size(); i++) {
                if (i >= e.size()) {
                    note(JsonPointers.child(at, i), out, limit, count);
                } else {
                    JsonNode x = e.get(i);
                    JsonNode y = a.get(i);
                    down(path, Integer.toString(i), JsonPointers.child(at, i), rule, (p, r) -> {
                        extras(x, y, path, p, r, false, out, limit, count);
                        return null;
                    });
                }
            }
        }
    }

    private static void note(String pointer, List<String> out, int limit, long[] count) {
        if (out.size() < limit) {
            out.add(pointer);
        }
        count[0]++;
    }

    /**
     * Why the output has the wrong JSON type or shape for {@code f}, or null: a container on the
     * way to the field that is not the expected kind (an object where an array is expected), or a
     * value at or below the field of another type. A missing value is no type problem; an
     * expected null takes any type; {@code numeric} fields take numbers and strings, {@code text}
     * fields strings, numbers and booleans.
     */
    String typeProblem(JsonNode expectedDoc, JsonNode actualDoc, Field f) {
        JsonNode e = expectedDoc;
        JsonNode a = actualDoc;
        String at = "";
        int depth = 0;
        for (String segment : f.path()) {
            if (kindDiffers(e, a)) {
                return problem(at, e, a);
            }
            depth++;
            e = e.isArray() ? e.get(Integer.parseInt(segment)) : e.get(segment);
            a = a.isArray()
                    ? (segment.matches("0|[1-9][0-9]{0,8}") ? a.get(Integer.parseInt(segment)) : null)
                    : a.get(segment);
            at = JsonPointers.child(at, segment);
            if (a == null) {
                return strict && depth == f.path().size() && e != null && !e.isNull()
                        ? "missing " + JsonPointers.display(at) + " in an entry the output has"
                        : null;
            }
        }
        return whole(e, a, new ArrayList<>(f.path()), at, f.rule());
    }

    private @Nullable String whole(JsonNode e, JsonNode a, List<String> path, String at, JsonRules.Rule rule) {
        if (a == null || e.isNull()) {
            return null;
        }
        if (e.isContainerNode()) {
            if (kindDiffers(e, a)) {
                return problem(at, e, a);
            }
            boolean ordered = compare.rules().arrays(path, rule) == JsonRules.Arrays.ORDERED;
            if (e.isObject()) {
                for (Map.Entry<String, JsonNode> m : e.properties()) {
                    JsonNode y = a.get(m.getKey());
                    String problem = down(
                            path,
                            m.getKey(),
                            JsonPointers.child(at, m.getKey()),
                            rule,
                            (p, r) -> whole(m.getValue(), y, path, p, r));
                    if (problem != null) {
                        return problem;
                    }
                }
            } else if (ordered) {
                for (int i = 0; i < e.size() && i < a.size(); i++) {
                    JsonNode x = e.get(i);
                    JsonNode y = a.get(i);
                    String problem = down(
                            path,
                            Integer.toString(i),
                            JsonPointers.child(at, i),
                            rule,
                            (p, r) -> whole(x, y, path, p, r));
                    if (problem != null) {
                        return problem;
                    }
                }
            }
            return null;
        }
        boolean ok = strict
                ? a.getNodeType() == e.getNodeType()
                : switch (rule.compare()) {
                    case EXACT -> a.getNodeType() == e.getNodeType();
                    case NUMERIC -> a.isNumber() || a.isTextual();
                    case TEXT -> a.isNumber() || a.isTextual() || a.isBoolean();
                };
        return ok ? null : problem(at, e, a);
    }

    /** What a walk does one level down: at {@code pointer}, under {@code rule}. */
    private interface Step<T> {
        T at(String pointer, JsonRules.Rule rule);
    }

    /**
     * Takes {@code step} one level down, to {@code segment} of {@code path} (whose pointer is
     * {@code pointer}), under the rule that {@code rule} gives there; {@code path} is as it was after.
     */
    private <T> T down(List<String> path, String segment, String pointer, JsonRules.Rule rule, Step<T> step) {
        path.add(segment);
        try {
            return step.at(pointer, compare.rules().at(path, rule));
        } finally {
            path.remove(path.size() - 1);
        }
    }

    private static boolean kindDiffers(JsonNode e, JsonNode a) {
        return e.isObject() != a.isObject() || e.isArray() != a.isArray();
    }

    private static String problem(String at, JsonNode e, JsonNode a) {
        return "wrong type at " + JsonPointers.display(at) + ": expected " + Options.kind(e) + ", got "
                + Options.kind(a);
    }
}
