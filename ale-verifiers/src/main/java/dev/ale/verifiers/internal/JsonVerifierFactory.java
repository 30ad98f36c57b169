package dev.ale.verifiers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.AleException;
import dev.ale.api.Check;
import dev.ale.api.Verdict;
import dev.ale.api.VerificationContext;
import dev.ale.api.Verifier;
import dev.ale.api.VerifierConfigException;
import dev.ale.api.VerifierFactories;
import dev.ale.api.VerifierFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code json} verifier: fields of one JSON output file against expected values.
 *
 * <pre>{"type": "json", "file": "out.json", "expectedFile": "expected.json",
 *  "fields": ["/total", "/lines/0/amount"], "tolerance": {"abs": 0.01},
 *  "unorderedArrays": ["/tags"], "extraFields": "ignore"}</pre>
 * <ul>
 * <li>{@code file} (required): the output file.</li>
 * <li>{@code expected}: the expected JSON value inline; or {@code expectedFile}: a reference file.</li>
 * <li>{@code fields}: JSON Pointers of the fields to compare (a field may be a whole object or
 *     array); default: every leaf of the expected value (scalars, empty objects and arrays, and
 *     each unordered array as one field).</li>
 * <li>{@code tolerance}: {@code {"abs": a, "rel": r}} for numbers, see {@link Tolerance}; numbers
 *     written as strings count as numbers.</li>
 * <li>{@code unorderedArrays}: JSON Pointers of arrays compared as multisets (see {@link JsonCompare}).</li>
 * <li>{@code extraFields}: {@code ignore} (default) or {@code fail}: a failed gate when the
 *     output has an object member, or an element past the end of an ordered array, that the
 *     expected value lacks.</li>
 * </ul>
 * Score = matching fields / compared fields, one check per field. A missing, unsafe, too large
 * or malformed file (or one nested deeper than 200 levels) is a failed gate.
 */
public final class JsonVerifierFactory implements VerifierFactory {
    private static final int LISTED = 5;

    @Override
    public String type() {
        return "json";
    }

    @Override
    public Verifier create(JsonNode config, VerifierFactories nested) {
        Opts o = Opts.of(config, "file", "expected", "expectedFile", "fields", "tolerance", "unorderedArrays",
                "extraFields");
        String source = o.exactlyOne("expected", "expectedFile");
        JsonNode expected = source.equals("expected") ? o.raw("expected").deepCopy() : null;
        List<String> fields = o.has("fields") ? pointers(o, "fields", expected, false) : List.of();
        List<String> unordered = o.has("unorderedArrays") ? pointers(o, "unorderedArrays", expected, true) : List.of();
        Tolerance tolerance = o.has("tolerance") ? Tolerance.read(o.object("tolerance", "abs", "rel")) : Tolerance.EXACT;
        boolean extraFail = o.choice("extraFields", "ignore", "ignore", "fail").equals("fail");
        return new JsonFields(o.path("file"), expected, source.equals("expectedFile") ? o.path("expectedFile") : null,
                fields, new JsonCompare(tolerance, Set.copyOf(unordered)), extraFail);
    }

    private static List<String> pointers(Opts o, String name, JsonNode expected, boolean arrays) {
        List<String> raw = o.strings(name, true);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String at = o.raw(name).isArray() ? Ptr.child(o.pointer(name), i) : o.pointer(name);
            String p = Opts.jsonPointer(raw.get(i), at).toString();
            if (expected != null) {
                JsonNode e = expected.at(p);
                if (e.isMissingNode()) {
                    throw new VerifierConfigException(at, "'" + p + "' is not in the expected value");
                }
                if (arrays && !e.isArray()) {
                    throw new VerifierConfigException(at, "'" + p + "' is " + Opts.kind(e) + " in the expected value, not an array");
                }
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    /** The verifier; immutable ({@code expected} is never changed, and null when read from a file). */
    record JsonFields(RelPath file, JsonNode expected, RelPath expectedFile, List<String> fields,
            JsonCompare compare, boolean extraFail) implements FileVerifier {
        JsonFields {
            fields = List.copyOf(fields);
        }

        @Override
        public Verdict score(VerificationContext ctx) throws GateFailure, IOException {
            JsonNode actual = Json.output(ctx, file);
            JsonNode exp = expected != null ? expected : Json.reference(ctx, expectedFile);
            List<String> compared = fields.isEmpty() ? compare.leaves(exp) : fields;
            List<Check> checks = new ArrayList<>(compared.size());
            int matched = 0;
            for (String f : compared) {
                JsonNode e = exp.at(f);
                if (e.isMissingNode()) {
                    throw new AleException("reference/" + expectedFile, f, "field is not in the expected JSON");
                }
                JsonNode a = actual.at(f);
                boolean ok = compare.matches(e, a, f);
                matched += ok ? 1 : 0;
                checks.add(new Check(Ptr.display(f), ok ? 1 : 0, 1, false, ok, describe(e, f), ok ? Render.json(a) : observed(e, a, f), List.of()));
            }
            if (extraFail) {
                List<String> extra = new ArrayList<>();
                long[] count = {0};
                compare.extras(exp, actual, "", extra, LISTED, count);
                if (count[0] > 0) {
                    return new GateFailure(file.value(), "no fields beyond the expected",
                            "extra: " + Render.some(extra, count[0])).verdict(checks);
                }
            }
            return FileVerifier.fraction(matched, compared.size(), "fields match in " + file, checks);
        }

        private String describe(JsonNode e, String at) {
            if (e.isNumber() && !compare.tolerance().equals(Tolerance.EXACT)) {
                return Render.json(e) + " " + compare.tolerance().describe();
            }
            return compare.unordered().contains(at) ? Render.json(e) + " in any order" : Render.json(e);
        }

        private String observed(JsonNode e, JsonNode a, String at) {
            if (a.isMissingNode() || !compare.unordered().contains(at) || !a.isArray()) {
                return Render.json(a);
            }
            return compare.pairs(e, a) + " of " + e.size() + " elements paired, " + a.size() + " in output";
        }
    }
}
