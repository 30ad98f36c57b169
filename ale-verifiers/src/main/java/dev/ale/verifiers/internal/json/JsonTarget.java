package dev.ale.verifiers.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.AleException;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.verifiers.internal.support.JsonPointers;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.RelPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON output file of a {@code json} config and what it is scored against.
 *
 * @param expected     the expected value inline, or null when read from {@code expectedFile}
 * @param fields       the patterns of the scored fields; empty: every leaf of the expected value
 * @param requireAll   whether every scored field must be present (a gate)
 * @param required     patterns of places that must be present: a literal pointer in the output,
 *                     a pattern at each place it matches in the expected value
 * @param optional     whether a missing file scores its fields as missing instead of failing a gate
 * @param alternative  a reference JSON file of alternative values, or null: a field also matches
 *                     the value at its pointer there, when the file and the value exist
 */
record JsonTarget(
        RelPath file,
        JsonNode expected,
        RelPath expectedFile,
        List<JsonPattern> fields,
        boolean requireAll,
        List<JsonPattern> required,
        boolean optional,
        RelPath alternative) {
    JsonTarget {
        fields = List.copyOf(fields);
        required = List.copyOf(required);
    }

    /**
     * The pointers of the scored fields that {@code fields} names in {@code exp}, in order, each
     * once. A pattern that names nothing is a task error ({@link AleException}).
     */
    List<String> pointers(JsonNode exp) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (JsonPattern p : fields) {
            List<String> found = p.literal()
                    ? (exp.at(p.pointer()).isMissingNode() ? List.of() : List.of(p.pointer()))
                    : p.expand(exp);
            if (found.isEmpty()) {
                throw new AleException("reference/" + expectedFile, p.text(), "field is not in the expected JSON");
            }
            found.forEach(f -> out.put(f, true));
        }
        return List.copyOf(out.keySet());
    }

    /** Checks at create time that each pattern of option {@code option} names something in the inline expected value. */
    static void checkInline(Options o, String option, List<JsonPattern> patterns, JsonNode expected, boolean arrays) {
        for (int i = 0; i < patterns.size(); i++) {
            JsonPattern p = patterns.get(i);
            String at = o.raw(option).isArray() ? JsonPointers.child(o.pointer(option), i) : o.pointer(option);
            List<String> found = p.literal()
                    ? (expected.at(p.pointer()).isMissingNode() ? List.of() : List.of(p.pointer()))
                    : p.expand(expected);
            if (found.isEmpty()) {
                throw new VerifierConfigException(at, "'" + p.text() + "' is not in the expected value");
            }
            for (String f : found) {
                if (arrays && !expected.at(f).isArray()) {
                    throw new VerifierConfigException(
                            at,
                            "'" + f + "' is " + Options.kind(expected.at(f)) + " in the expected value, not an array");
                }
            }
        }
    }
}
