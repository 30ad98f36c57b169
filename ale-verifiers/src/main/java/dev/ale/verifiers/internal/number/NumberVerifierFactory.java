package dev.ale.verifiers.internal.number;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.verifiers.internal.support.NumberProfile;
import dev.ale.verifiers.internal.support.Numbers;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.OptionsFactory;
import dev.ale.verifiers.internal.support.RelPath;
import dev.ale.verifiers.internal.support.Render;
import dev.ale.verifiers.internal.support.Side;
import dev.ale.verifiers.internal.support.Tolerance;
import dev.ale.verifiers.internal.table.TableFile;
import dev.ale.verifiers.internal.table.XlsxGuard;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The {@code number} verifier: one number in an output file, within a tolerance of a value, of
 * a number in the reference, of another extracted number, or within a range.
 *
 * <pre>{"type": "number", "file": "plan.json", "pointer": "/cost",
 *  "relativeTo": {"file": "optimum.json", "pointer": "/objective", "from": "reference"}, "rel": 0.005}</pre>
 * <ul>
 * <li>{@code file} (required) and where the number is, one of: {@code pointer} (JSON);
 *     {@code regex} (text: the first match's first group, or the whole match);
 *     {@code csv}: {@code {"column", "row" | "where", "delimiter"}} (CSV or TSV with a header);
 *     {@code xlsx}: {@code {"sheet", "cell": "B7"}} or {@code {"sheet", "column", "row" | "where"}}.</li>
 * <li>What it must be, one of: {@code expected} (a number); {@code expectedFile} with
 *     {@code expectedPointer}; {@code relativeTo}: {@code {"file", "from": "reference" | "output",}}
 *     plus a place as above (default from the reference); {@code range}: {@code [lo, hi]},
 *     inclusive, either end may be null (open).</li>
 * <li>{@code abs}, {@code rel}: tolerances around the value ({@link Tolerance}), exclusive with
 *     {@code strict}, in binary floating point with {@code float}; {@code combine}:
 *     {@code either} (default: within either bound) or {@code both} (within both).</li>
 * </ul>
 * Score 1 or 0. A missing, unsafe or malformed output file, or a missing table column, is a failed
 * gate; a value that is absent or not a number scores 0. Reference problems are task errors.
 */
@API(status = INTERNAL)
public final class NumberVerifierFactory extends OptionsFactory {
    private static final String[] TARGETS = {"expected", "expectedFile", "expectedPointer", "range", "relativeTo"};
    private static final String[] TOLERANCE = {"abs", "rel", "strict", "float", "numbers", "combine"};
    private static final String[] PLACES = {"pointer", "regex", "csv", "xlsx"};
    private static final Pattern CELL = Pattern.compile("\\$?([A-Za-z]{1,3})\\$?([1-9][0-9]{0,6})");

    /** {@code combine}: the number passes within either tolerance, or within both. */
    enum Combine {
        EITHER,
        BOTH
    }

    public NumberVerifierFactory() {
        super("number", groups(new String[] {"file"}, PLACES, TARGETS, TOLERANCE));
    }

    @Override
    protected Verifier build(Options o, VerifierFactories nested) {
        NumberSource source = source(o);
        String target = o.exactlyOne("expected", "expectedFile", "range", "relativeTo");
        if (!target.equals("expectedFile") && o.has("expectedPointer")) {
            throw o.error("expectedPointer", "expectedPointer goes with expectedFile");
        }
        Tolerance tolerance = Tolerance.read(o);
        boolean both = o.choice("combine", Combine.EITHER) == Combine.BOTH;
        if (o.has("combine") && (tolerance.abs() == null || tolerance.rel() == null)) {
            throw o.error("combine", "combine needs both abs and rel");
        }
        if (target.equals("range")) {
            for (String t : new String[] {"abs", "rel", "strict", "float"}) {
                if (o.has(t)) {
                    throw o.error(t, "a range takes no tolerance");
                }
            }
            BigDecimal[] range = range(o);
            NumberProfile numbers = o.has("numbers")
                    ? NumberProfile.read(o.object("numbers", NumberProfile.OPTIONS))
                    : NumberProfile.DEFAULT;
            return new NumberCheck(
                    source, null, null, Side.REFERENCE, Tolerance.EXACT, false, range[0], range[1], numbers);
        }
        NumberSource reference = null;
        Side from = Side.REFERENCE;
        if (target.equals("expectedFile")) {
            reference = new NumberSource.AtPointer(o.path("expectedFile"), pointer(o, "expectedPointer"));
        } else if (target.equals("relativeTo")) {
            Options r = o.object("relativeTo", "file", "from", "pointer", "regex", "csv", "xlsx");
            from = r.choice("from", Side.REFERENCE);
            reference = source(r);
        }
        BigDecimal expected = target.equals("expected") ? o.decimal("expected") : null;
        NumberProfile numbers = o.has("numbers")
                ? NumberProfile.read(o.object("numbers", NumberProfile.OPTIONS))
                : NumberProfile.DEFAULT;
        return new NumberCheck(source, expected, reference, from, tolerance, both, null, null, numbers);
    }

    /** The file and place options of {@code o}: {@code file} and one of pointer, regex, csv, xlsx. */
    static NumberSource source(Options o) {
        RelPath file = o.path("file");
        return switch (o.exactlyOne(PLACES)) {
            case "pointer" -> new NumberSource.AtPointer(file, pointer(o, "pointer"));
            case "regex" -> new NumberSource.ByRegex(file, Options.regex(o.string("regex"), o.pointer("regex"), 0));
            case "csv" -> csv(o, file);
            default -> xlsx(o, file);
        };
    }

    private static JsonPointer pointer(Options o, String name) {
        JsonNode v = o.require(name);
        if (!v.isTextual()) {
            throw o.error(name, "must be a string, got " + Options.kind(v));
        }
        return Options.jsonPointer(v.textValue(), o.pointer(name));
    }

    private static BigDecimal[] range(Options o) {
        JsonNode r = o.raw("range");
        BigDecimal[] out = new BigDecimal[2];
        boolean ok =
                r.isArray() && r.size() == 2 && !(r.get(0).isNull() && r.get(1).isNull());
        for (int i = 0; ok && i < 2; i++) {
            out[i] = r.get(i).isNumber() ? Numbers.of(r.get(i)) : null;
            ok = r.get(i).isNull() || out[i] != null;
        }
        if (!ok || out[0] != null && out[1] != null && out[0].compareTo(out[1]) > 0) {
            throw o.error(
                    "range",
                    "must be [lo, hi]: two numbers with lo <= hi, or one of them null (open), got "
                            + Render.brief(r.toString()));
        }
        return out;
    }

    private static NumberSource csv(Options o, RelPath file) {
        Options c = o.object("csv", "row", "where", "column", "delimiter");
        TableFile.Format format = TableFile.guess(file);
        if (format == TableFile.Format.XLSX) {
            throw o.error("csv", "'" + file + "' is an xlsx workbook; use the xlsx option");
        }
        char delimiter = format == TableFile.Format.TSV && !c.has("delimiter") ? '\t' : c.delimiter("delimiter");
        return inTable(c, new TableFile(file, format, null, delimiter));
    }

    private static NumberSource xlsx(Options o, RelPath file) {
        Options x = o.object("xlsx", "sheet", "cell", "row", "where", "column");
        Object sheet = x.has("sheet") ? TableFile.sheet(x.raw("sheet"), x.pointer("sheet")) : null;
        TableFile table = new TableFile(file, TableFile.Format.XLSX, sheet, ',');
        if (x.exactlyOne("cell", "column").equals("column")) {
            return inTable(x, table);
        }
        if (x.has("row") || x.has("where")) {
            throw x.error(x.has("row") ? "row" : "where", "a cell address takes no row or where");
        }
        String address = x.string("cell");
        Matcher m = CELL.matcher(address);
        int column = 0;
        if (m.matches()) {
            for (char ch : m.group(1).toUpperCase(Locale.ROOT).toCharArray()) {
                column = column * 26 + (ch - 'A' + 1);
            }
        }
        if (!m.matches() || column > XlsxGuard.MAX_COLUMNS || Integer.parseInt(m.group(2)) > 1_048_576) {
            throw x.error("cell", "must be a cell address from A1 to XFD1048576, got '" + address + "'");
        }
        return new NumberSource.AtCell(table, address, Integer.parseInt(m.group(2)), column - 1);
    }

    private static NumberSource inTable(Options c, TableFile table) {
        String column = c.string("column");
        Map<String, String> where = new LinkedHashMap<>();
        int row = 0;
        if (c.exactlyOne("row", "where").equals("row")) {
            row = c.index("row");
        } else {
            Options w = c.map("where");
            if (w.names().isEmpty()) {
                throw c.error("where", "must name at least one column");
            }
            for (String name : w.names()) {
                JsonNode v = w.raw(name);
                if (!v.isTextual() && !v.isNumber()) {
                    throw w.error(name, "must be a string or a number, got " + Options.kind(v));
                }
                where.put(name, v.asText());
            }
        }
        return new NumberSource.InTable(table, row, where, column);
    }
}
