package dev.ale.verifiers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.Verifier;
import dev.ale.api.VerifierFactories;
import dev.ale.api.VerifierFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code csv} verifier: an output table against an expected one, row by row.
 *
 * <pre>{"type": "csv", "file": "out.csv", "expectedFile": "expected.csv", "key": ["invoice_id"],
 *  "columns": {"amount": {"abs": 0.01}, "name": {"ignoreCase": true, "trim": true}},
 *  "compare": ["amount", "name"], "delimiter": ",", "extraRows": "ignore"}</pre>
 * <ul>
 * <li>{@code file}, {@code expectedFile} (required): the output table and the reference table.</li>
 * <li>{@code key}: a column or columns identifying a row (cells trimmed); default: rows are
 *     matched by position.</li>
 * <li>{@code compare}: the columns compared; default: every column of the expected header
 *     except the key columns.</li>
 * <li>{@code columns}: per-column rules, see {@link CellRule} ({@code abs}, {@code rel},
 *     {@code numeric}, {@code ignoreCase}, {@code trim}); default: exact text.</li>
 * <li>{@code delimiter} (default {@code ","}): one character, not a quote or line break.</li>
 * <li>{@code extraRows}: {@code ignore} (default) or {@code penalize}.</li>
 * </ul>
 * Score = expected rows found with every compared cell matching / expected rows; with
 * {@code penalize} the denominator adds the output rows that match no expected row and
 * repeated keys. A repeated key counts its first row only and is reported. A missing, unsafe or
 * malformed file, or a key or compared column missing from its header, is a failed gate.
 * The output is streamed; only the expected rows are held in memory.
 */
public final class CsvVerifierFactory implements VerifierFactory {
    @Override
    public String type() {
        return "csv";
    }

    @Override
    public Verifier create(JsonNode config, VerifierFactories nested) {
        Opts o = Opts.of(config, "file", "expectedFile", "key", "columns", "compare", "delimiter", "extraRows");
        List<String> key = o.has("key") ? o.strings("key") : List.of();
        List<String> compare = o.has("compare") ? o.strings("compare") : List.of();
        Map<String, CellRule> rules = new LinkedHashMap<>();
        if (o.has("columns")) {
            Opts columns = o.map("columns");
            for (String column : columns.names()) {
                if (!compare.isEmpty() && !compare.contains(column)) {
                    throw columns.error(column, "column '" + column + "' is not in compare");
                }
                if (key.contains(column)) {
                    throw columns.error(column, "column '" + column + "' is a key column; keys are compared trimmed");
                }
                rules.put(column, CellRule.read(columns.object(column, "abs", "rel", "numeric", "ignoreCase", "trim")));
            }
        }
        boolean penalize = o.choice("extraRows", "ignore", "ignore", "penalize").equals("penalize");
        return new CsvVerifier(o.path("file"), o.path("expectedFile"), key, compare, rules, o.delimiter("delimiter"), penalize);
    }
}
