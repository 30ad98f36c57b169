package dev.ale.verifiers.internal.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.verifiers.internal.support.Elements;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.OptionsFactory;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The {@code json} verifier: fields of one or more JSON output files against expected values.
 *
 * <pre>{"type": "json", "file": "out.json", "expectedFile": "expected.json",
 *  "fields": ["/total", "/line_*"], "tolerance": {"abs": 0.01}, "informativeOnly": true,
 *  "required": ["/invoice_id"], "types": "gate", "extraFields": "fail-top-level",
 *  "groups": [{"fields": "/items/*&#47;amount", "compare": "numeric", "weight": 2},
 *             {"fields": "/tags", "arrays": "set", "compare": "text"}]}</pre>
 * Options (each explained, with the arithmetic, in {@code docs/json-tables-numbers.md}):
 * {@code file} with {@code expected} or {@code expectedFile}, or {@code files}: a list of
 * {@code {file, expected | expectedFile, fields, required, optional}}; {@code fields} (JSON
 * Pointer patterns, see {@link JsonPattern}); {@code tolerance}; {@code unorderedArrays};
 * {@code groups} ({@link JsonRules}); {@code informativeOnly}; {@code required};
 * {@code types} ({@code score} or {@code gate}); {@code extraFields} ({@code ignore},
 * {@code fail}, {@code fail-top-level}). Score = weight of matching fields / weight of counted
 * fields over every file. Missing or malformed files, missing required fields, wrong types under
 * {@code types: gate} and extra fields under {@code fail} are failed gates.
 */
@API(status = INTERNAL)
public final class JsonVerifierFactory extends OptionsFactory {
    private static final String[] FILES = {
        "file", "files", "expected", "expectedFile", "alternativeFile", "fields", "required"
    };
    private static final String[] COMPARISON = {
        "tolerance", "unorderedArrays", "groups", "numbers", "records", "aliases"
    };
    private static final String[] COUNTING = {
        "informativeOnly", "emptyScore", "types", "extraFields", "equalGate", "allowedMembers"
    };
    private static final String[] ENTRY = {
        "file", "expected", "expectedFile", "fields", "required", "optional", "alternativeFile"
    };

    public JsonVerifierFactory() {
        super("json", groups(FILES, COMPARISON, COUNTING));
    }

    @Override
    protected Verifier build(Options o, VerifierFactories nested) {
        JsonRecords records = JsonRecords.read(o);
        List<JsonPattern> unordered = o.has("unorderedArrays") ? JsonRules.patterns(o, "unorderedArrays") : List.of();
        JsonRules rules = JsonRules.read(o, unordered);
        boolean[] requireAll = {false};
        List<JsonPattern> required = required(o, requireAll);
        List<JsonTarget> targets;
        if (o.exactlyOne("file", "files").equals("file")) {
            JsonTarget t = target(o, requireAll[0], required, records);
            if (t.expected() != null && !unordered.isEmpty()) {
                JsonTarget.checkInline(o, "unorderedArrays", unordered, t.expected(), true);
            }
            targets = List.of(t);
        } else {
            for (String single : new String[] {"expected", "expectedFile", "fields", "alternativeFile"}) {
                if (o.has(single)) {
                    throw o.error(single, "with files, '" + single + "' goes in each entry of files");
                }
            }
            targets = Elements.read(
                    o,
                    "files",
                    (f, i) -> {
                        boolean[] all = {requireAll[0]};
                        List<JsonPattern> own = f.has("required") ? required(f, all) : required;
                        return target(f, all[0], own, records);
                    },
                    ENTRY);
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                if (seen.contains(targets.get(i).file().value())) {
                    throw o.error("files", "file '" + targets.get(i).file() + "' is listed twice");
                }
                seen.add(targets.get(i).file().value());
            }
        }
        JsonNode informative = o.raw("informativeOnly");
        boolean blank = informative != null && informative.isTextual();
        boolean informativeOnly =
                blank ? o.choice("informativeOnly", "", "blank").equals("blank") : o.bool("informativeOnly", false);
        JsonCompare compare = new JsonCompare(rules, informativeOnly, blank);
        boolean scoped = o.has("extraFields") && o.raw("extraFields").isObject();
        JsonFields.Extra extra = scoped ? JsonFields.Extra.IGNORE : o.choice("extraFields", JsonFields.Extra.IGNORE);
        JsonFields.Types types = o.choice("types", JsonFields.Types.SCORE);
        double emptyScore = 1;
        if (o.has("emptyScore")) {
            emptyScore = o.decimal("emptyScore").doubleValue();
            if (emptyScore != 0 && emptyScore != 1) {
                throw o.error("emptyScore", "must be 0 or 1, got " + o.raw("emptyScore"));
            }
        }
        JsonFields.Extras extras =
                new JsonFields.Extras(JsonGates.read(o), records, types == JsonFields.Types.GATE_STRICT, emptyScore);
        return new JsonFields(targets, compare, extra, types != JsonFields.Types.SCORE, o.has("files"), extras);
    }

    /** One file's options: {@code file}, {@code expected} or {@code expectedFile}, {@code fields}, {@code optional}. */
    private static JsonTarget target(Options o, boolean requireAll, List<JsonPattern> required, JsonRecords records) {
        String source = o.exactlyOne("expected", "expectedFile");
        JsonNode expected = source.equals("expected") ? o.raw("expected").deepCopy() : null;
        if (expected != null && records != null) {
            expected = records.canonical(expected, false);
        }
        List<JsonPattern> fields = o.has("fields") ? JsonRules.patterns(o, "fields") : List.of();
        if (expected != null) {
            JsonTarget.checkInline(o, "fields", fields, expected, false);
        }
        return new JsonTarget(
                o.path("file"),
                expected,
                source.equals("expectedFile") ? o.path("expectedFile") : null,
                fields,
                requireAll,
                required,
                o.bool("optional", false),
                o.has("alternativeFile") ? o.path("alternativeFile") : null);
    }

    /** {@code required}: true (every scored field), false, or patterns. */
    private static List<JsonPattern> required(Options o, boolean[] all) {
        JsonNode v = o.raw("required");
        if (v == null) {
            return List.of();
        }
        if (v.isBoolean()) {
            all[0] = v.booleanValue();
            return List.of();
        }
        all[0] = false;
        return JsonRules.patterns(o, "required");
    }
}
