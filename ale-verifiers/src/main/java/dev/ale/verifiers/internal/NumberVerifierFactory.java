package dev.ale.verifiers.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.AleException;
import dev.ale.api.Check;
import dev.ale.api.Verdict;
import dev.ale.api.VerificationContext;
import dev.ale.api.Verifier;
import dev.ale.api.VerifierFactories;
import dev.ale.api.VerifierFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code number} verifier: one number in an output file, within a tolerance or a range.
 *
 * <pre>{"type": "number", "file": "summary.json", "pointer": "/net", "expected": 1234.5, "abs": 0.01}</pre>
 * <ul>
 * <li>{@code file} (required): the output file.</li>
 * <li>Where the number is, one of: {@code pointer} (a JSON Pointer into a JSON file);
 *     {@code regex} (the first match in a text file: its first group, or the whole match when the
 *     pattern has no group); {@code csv}: {@code {"column": "net", "row": 0}} (0-based data row)
 *     or {@code {"column": "net", "where": {"account": "4000"}}} (first row whose cells equal the
 *     values, trimmed), with an optional {@code "delimiter"}.</li>
 * <li>What it must be, one of: {@code expected} (a number); {@code expectedFile} with
 *     {@code expectedPointer} (a number in a reference JSON file); {@code range}: {@code [lo, hi]},
 *     inclusive.</li>
 * <li>{@code abs}, {@code rel}: tolerances for {@code expected}; the number passes within either
 *     one given (see {@link Tolerance}); without them it must be equal.</li>
 * </ul>
 * Numbers in text are read by {@link Numbers} (thousands separators, currency symbols, spaces
 * and a trailing % are stripped). Score 1 or 0. A missing, unsafe or malformed file, or a missing
 * CSV column, is a failed gate; a value that is absent or not a number scores 0.
 */
public final class NumberVerifierFactory implements VerifierFactory {
    @Override
    public String type() {
        return "number";
    }

    @Override
    public Verifier create(JsonNode config, VerifierFactories nested) {
        Opts o = Opts.of(config, "file", "pointer", "regex", "csv", "expected", "expectedFile", "expectedPointer",
                "range", "abs", "rel");
        NumberSource source = switch (o.exactlyOne("pointer", "regex", "csv")) {
            case "pointer" -> new NumberSource.AtPointer(pointer(o, "pointer"));
            case "regex" -> new NumberSource.ByRegex(Opts.regex(o.string("regex"), o.pointer("regex"), 0));
            default -> csv(o);
        };
        String target = o.exactlyOne("expected", "expectedFile", "range");
        if (!target.equals("expectedFile") && o.has("expectedPointer")) {
            throw o.error("expectedPointer", "expectedPointer goes with expectedFile");
        }
        Tolerance tolerance = Tolerance.read(o);
        BigDecimal lo = null;
        BigDecimal hi = null;
        if (target.equals("range")) {
            if (o.has("abs") || o.has("rel")) {
                throw o.error(o.has("abs") ? "abs" : "rel", "a range takes no tolerance");
            }
            JsonNode r = o.raw("range");
            lo = r.isArray() && r.size() == 2 && r.get(0).isNumber() ? Numbers.of(r.get(0)) : null;
            hi = r.isArray() && r.size() == 2 && r.get(1).isNumber() ? Numbers.of(r.get(1)) : null;
            if (lo == null || hi == null || lo.compareTo(hi) > 0) {
                throw o.error("range", "must be [lo, hi], two numbers with lo <= hi, got " + Render.brief(r.toString()));
            }
        }
        BigDecimal expected = target.equals("expected") ? o.decimal("expected") : null;
        RelPath expectedFile = target.equals("expectedFile") ? o.path("expectedFile") : null;
        JsonPointer expectedPointer = expectedFile != null ? pointer(o, "expectedPointer") : null;
        return new NumberCheck(o.path("file"), source, expected, expectedFile, expectedPointer, tolerance, lo, hi);
    }

    private static JsonPointer pointer(Opts o, String name) {
        JsonNode v = o.require(name);
        if (!v.isTextual()) {
            throw o.error(name, "must be a string, got " + Opts.kind(v));
        }
        return Opts.jsonPointer(v.textValue(), o.pointer(name));
    }

    private static NumberSource csv(Opts o) {
        Opts c = o.object("csv", "row", "where", "column", "delimiter");
        String column = c.string("column");
        Map<String, String> where = new LinkedHashMap<>();
        int row = 0;
        if (c.exactlyOne("row", "where").equals("row")) {
            row = c.index("row");
        } else {
            Opts w = c.map("where");
            if (w.names().isEmpty()) {
                throw c.error("where", "must name at least one column");
            }
            for (String name : w.names()) {
                JsonNode v = w.raw(name);
                if (!v.isTextual() && !v.isNumber()) {
                    throw w.error(name, "must be a string or a number, got " + Opts.kind(v));
                }
                where.put(name, v.asText());
            }
        }
        return new NumberSource.InCsv(row, where, column, c.delimiter("delimiter"));
    }

    /** The verifier; immutable. Either {@code expected}, {@code expectedFile} or {@code lo}/{@code hi} is set. */
    record NumberCheck(RelPath file, NumberSource source, BigDecimal expected, RelPath expectedFile,
            JsonPointer expectedPointer, Tolerance tolerance, BigDecimal lo, BigDecimal hi) implements FileVerifier {
        @Override
        public Verdict score(VerificationContext ctx) throws GateFailure, IOException {
            NumberSource.Found found = source.read(ctx, file);
            String name = "number in " + file + " at " + source.describe();
            String wanted;
            boolean ok;
            if (lo != null) {
                wanted = "in [" + lo.toPlainString() + ", " + hi.toPlainString() + "]";
                ok = found.value() != null && lo.compareTo(found.value()) <= 0 && found.value().compareTo(hi) <= 0;
            } else {
                BigDecimal e = expected != null ? expected : fromReference(ctx);
                wanted = e.toPlainString() + (tolerance.equals(Tolerance.EXACT) ? "" : " " + tolerance.describe());
                ok = found.value() != null && tolerance.accepts(e, found.value());
            }
            Check check = ok ? Check.pass(name, wanted, found.text()) : Check.fail(name, wanted, found.text());
            return Verdict.of(ok ? 1 : 0, name + (ok ? " is " : " is not ") + wanted, List.of(check));
        }

        private BigDecimal fromReference(VerificationContext ctx) throws IOException {
            BigDecimal e = Numbers.of(Json.reference(ctx, expectedFile).at(expectedPointer));
            if (e == null) {
                throw new AleException("reference/" + expectedFile, expectedPointer.toString(), "no number there");
            }
            return e;
        }
    }
}
