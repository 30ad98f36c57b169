package dev.ale.verifiers.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.verifiers.internal.support.JsonPointers;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.Render;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The gates of the {@code json} verifier that follow the reference, beside {@code required},
 * {@code types} and {@code extraFields}:
 * <ul>
 * <li>{@code equalGate}: patterns; at each place a pattern matches in the expected value whose
 *     parent object the output has, the output must hold an equal value (a member missing there
 *     is not equal). Not counted in the score.</li>
 * <li>{@code allowedMembers}: {@code {pattern: [names]}}; each output object at a place the pattern
 *     matches in the output may have only these members.</li>
 * <li>{@code extraFields: {"fail": patterns}}: each output object at a place a pattern matches in
 *     the expected value may have only the members the expected object there has.</li>
 * </ul>
 *
 * @param equal   the {@code equalGate} patterns
 * @param allowed the {@code allowedMembers} patterns and their names
 * @param extras  the {@code extraFields.fail} patterns
 */
record JsonGates(List<JsonPattern> equal, Map<JsonPattern, List<String>> allowed, List<JsonPattern> extras) {
    private static final int LISTED = 5;

    JsonGates {
        equal = List.copyOf(equal);
        allowed = Collections.unmodifiableMap(new LinkedHashMap<>(allowed));
        extras = List.copyOf(extras);
    }

    /** Reads {@code equalGate}, {@code allowedMembers} and the object form of {@code extraFields}. */
    static JsonGates read(Options o) {
        List<JsonPattern> equal = o.has("equalGate") ? JsonRules.patterns(o, "equalGate") : List.of();
        Map<JsonPattern, List<String>> allowed = new LinkedHashMap<>();
        if (o.has("allowedMembers")) {
            Options m = o.map("allowedMembers");
            for (String p : m.names()) {
                JsonNode names = m.raw(p);
                if (!names.isArray()) {
                    throw m.error(p, "must be an array of member names, got " + Options.kind(names));
                }
                allowed.put(JsonPattern.parse(p, m.pointer(p)), names.isEmpty() ? List.of() : m.strings(p));
            }
        }
        List<JsonPattern> extras = List.of();
        if (o.has("extraFields") && o.raw("extraFields").isObject()) {
            extras = JsonRules.patterns(o.object("extraFields", "fail"), "fail");
        }
        return new JsonGates(equal, allowed, extras);
    }

    /** The first problem of {@code actual} against {@code expected}, or null. */
    @Nullable
    String problem(JsonNode expected, JsonNode actual) {
        for (JsonPattern p : equal) {
            for (String at : p.expand(expected)) {
                String parent = at.substring(0, at.lastIndexOf('/'));
                JsonNode holder = actual.at(parent);
                if (holder.isObject()) {
                    JsonNode a = actual.at(at);
                    JsonNode e = expected.at(at);
                    if (a.isMissingNode() || !JsonCompare.sameValue(e, a)) {
                        return "at " + JsonPointers.display(at) + ": expected " + Render.json(e)
                                + " as in the reference, got " + Render.json(a);
                    }
                }
            }
        }
        for (Map.Entry<JsonPattern, List<String>> a : allowed.entrySet()) {
            for (String at : a.getKey().expand(actual)) {
                JsonNode holder = actual.at(at);
                if (!holder.isObject()) {
                    continue;
                }
                List<String> extra = new ArrayList<>();
                holder.fieldNames().forEachRemaining(n -> {
                    if (!a.getValue().contains(n)) {
                        extra.add(n);
                    }
                });
                if (!extra.isEmpty()) {
                    return "member" + (extra.size() > 1 ? "s " : " ") + Render.some(quote(extra), extra.size()) + " at "
                            + JsonPointers.display(at) + " not allowed (allowed: " + String.join(", ", a.getValue())
                            + ")";
                }
            }
        }
        for (JsonPattern p : extras) {
            for (String at : p.expand(expected)) {
                JsonNode e = expected.at(at);
                JsonNode holder = actual.at(at);
                if (!e.isObject() || !holder.isObject()) {
                    continue;
                }
                List<String> extra = new ArrayList<>();
                holder.fieldNames().forEachRemaining(n -> {
                    if (!e.has(n)) {
                        extra.add(JsonPointers.child(at, n));
                    }
                });
                if (!extra.isEmpty()) {
                    return "extra: " + Render.some(extra.subList(0, Math.min(LISTED, extra.size())), extra.size());
                }
            }
        }
        return null;
    }

    private static List<String> quote(List<String> names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(LISTED, names.size()); i++) {
            out.add(Render.quoted(names.get(i)));
        }
        return out;
    }
}
