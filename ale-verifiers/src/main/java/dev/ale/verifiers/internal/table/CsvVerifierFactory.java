package dev.ale.verifiers.internal.table;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.OptionsFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The {@code csv} verifier: an output table (CSV, TSV or an xlsx sheet) against an expected one,
 * row by row.
 *
 * <pre>{"type": "csv", "file": "out.xlsx", "sheet": "Invoices", "expectedFile": "expected.csv",
 *  "key": ["invoice_id"], "keyOptions": {"stripLeadingZeros": true},
 *  "aliases": {"amount": ["total"]}, "ignoreHeaderCase": true,
 *  "columns": {"amount": {"abs": 0.01}, "name": {"ignoreCase": true, "trim": true}},
 *  "order": "any", "extraRows": "penalize", "duplicateKeys": "gate", "score": "f1-cells"}</pre>
 * Options (see {@code docs/json-tables-numbers.md} for each one and the arithmetic):
 * {@code file}, {@code expectedFile}; {@code format}/{@code expectedFormat} ({@code csv},
 * {@code tsv}, {@code xlsx}; default by extension); {@code sheet}/{@code expectedSheet};
 * {@code delimiter}; {@code key}, {@code keyOptions} ({@link KeyRule}); {@code compare};
 * {@code columns} ({@link CellRule}); {@code aliases}, {@code ignoreHeaderCase}
 * ({@link HeaderMatch}, output header only); {@code order} ({@code any} or {@code same});
 * {@code extraRows} ({@code ignore}, {@code penalize}, {@code gate}); {@code missingRows}
 * ({@code penalize}, {@code gate}); {@code duplicateKeys} ({@code first}, {@code penalize},
 * {@code gate}); {@code score} ({@link TableScore.Scheme}, default {@code recall-rows}).
 * A missing, unsafe or malformed output, or a key or compared column missing from its header, is
 * a failed gate. The output is streamed; only the expected rows are held in memory.
 */
@API(status = INTERNAL)
public final class CsvVerifierFactory extends OptionsFactory {
    private static final String[] FILES = {
        "file", "expectedFile", "format", "expectedFormat", "sheet", "expectedSheet", "delimiter"
    };
    private static final String[] MATCHING = {"key", "keyOptions", "columns", "compare", "aliases", "ignoreHeaderCase"};
    private static final String[] SCORING = {"score", "order", "extraRows", "missingRows", "duplicateKeys"};
    private static final String[] GATES = {
        "header", "requiredColumns", "values", "labels", "positive", "labelColumn", "separator"
    };

    public CsvVerifierFactory() {
        super("csv", groups(FILES, MATCHING, SCORING, GATES));
    }

    @Override
    protected Verifier build(Options o, VerifierFactories nested) {
        TableFile out = TableFile.read(o, "file", "format", "sheet");
        TableFile exp = TableFile.read(o, "expectedFile", "expectedFormat", "expectedSheet");
        if (o.has("delimiter") && out.format() == TableFile.Format.XLSX && exp.format() == TableFile.Format.XLSX) {
            throw o.error("delimiter", "a delimiter applies to csv and tsv files; both files are xlsx");
        }
        List<String> key = o.has("key") ? o.strings("key") : List.of();
        List<String> compare = o.has("compare") ? o.strings("compare") : List.of();
        if (o.has("keyOptions") && key.isEmpty()) {
            throw o.error("keyOptions", "keyOptions apply to key columns; there is no key");
        }
        KeyRule keyRule = o.has("keyOptions")
                ? KeyRule.read(o.object("keyOptions", "trim", "ignoreCase", "stripLeadingZeros"))
                : KeyRule.DEFAULT;
        String[] schemes = new String[TableScore.Scheme.words().length + 1];
        System.arraycopy(TableScore.Scheme.words(), 0, schemes, 0, schemes.length - 1);
        schemes[schemes.length - 1] = "macro-f1-labels";
        String scoreWord = o.choice("score", "recall-rows", schemes);
        TableGates gates = gates(o, scoreWord.equals("macro-f1-labels"));
        TableScore.Scheme scheme = TableScore.Scheme.of(gates.labelled() ? "recall-rows" : scoreWord);
        CsvVerifier.Policy.Extra extra = o.choice(
                "extraRows",
                scheme.countsExtraByDefault() ? CsvVerifier.Policy.Extra.PENALIZE : CsvVerifier.Policy.Extra.IGNORE);
        CsvVerifier.Policy policy = new CsvVerifier.Policy(
                scheme,
                o.choice("order", CsvVerifier.Policy.Order.ANY),
                extra,
                o.choice("missingRows", CsvVerifier.Policy.Missing.PENALIZE),
                o.choice("duplicateKeys", CsvVerifier.Policy.Duplicates.FIRST));
        HeaderMatch header =
                new HeaderMatch(o.bool("ignoreHeaderCase", false), o.has("aliases") ? aliases(o) : Map.of());
        if (policy.order() == CsvVerifier.Policy.Order.GATE && key.isEmpty()) {
            throw o.error("order", "order: gate needs a key");
        }
        gates = new TableGates(
                gates.header(),
                gates.required(),
                policy.order() == CsvVerifier.Policy.Order.GATE,
                gates.values(),
                gates.labels(),
                gates.positive(),
                gates.labelColumn(),
                gates.separator());
        return new CsvVerifier(out, exp, key, compare, rules(o, key, compare), header, keyRule, policy, gates);
    }

    /** Reads {@code header}, {@code requiredColumns}, {@code values}, {@code labels} and {@code positive}. */
    private static TableGates gates(Options o, boolean labelled) {
        TableGates.Header header = o.choice("header", TableGates.Header.ANY);
        List<String> required = o.has("requiredColumns") ? o.strings("requiredColumns") : List.of();
        List<String> values = o.has("values") ? o.strings("values", true) : List.of();
        if (!labelled) {
            for (String only : new String[] {"labels", "positive", "labelColumn", "separator"}) {
                if (o.has(only)) {
                    throw o.error(only, only + " goes with score: macro-f1-labels");
                }
            }
            return new TableGates(header, required, false, values, List.of(), null, null, null);
        }
        List<String> labels = o.strings("labels");
        for (String other : new String[] {"compare", "columns"}) {
            if (o.has(other)) {
                throw o.error(other, "with score: macro-f1-labels the compared columns are the labels; drop " + other);
            }
        }
        if (o.has("labelColumn")) {
            if (!o.has("separator")) {
                throw o.error("separator", "a set-valued labelColumn needs a separator, such as \";\"");
            }
            for (String binary : new String[] {"positive", "values"}) {
                if (o.has(binary)) {
                    throw o.error(binary, binary + " applies to a column per label, not to labelColumn");
                }
            }
            return new TableGates(
                    header, required, false, values, labels, null, o.string("labelColumn"), o.string("separator"));
        }
        if (o.has("separator")) {
            throw o.error("separator", "separator goes with labelColumn");
        }
        String positive = o.raw("positive") != null && o.raw("positive").isTextual()
                ? o.raw("positive").textValue()
                : o.string("positive");
        if (!values.isEmpty() && !values.contains(positive)) {
            throw o.error("positive", "'" + positive + "' is not one of values");
        }
        return new TableGates(header, required, false, values, labels, positive, null, null);
    }

    private static Map<String, CellRule> rules(Options o, List<String> key, List<String> compare) {
        Map<String, CellRule> rules = new LinkedHashMap<>();
        if (o.has("columns")) {
            Options columns = o.map("columns");
            for (String column : columns.names()) {
                if (!compare.isEmpty() && !compare.contains(column)) {
                    throw columns.error(column, "column '" + column + "' is not in compare");
                }
                if (key.contains(column)) {
                    throw columns.error(column, "column '" + column + "' is a key column; use keyOptions for keys");
                }
                rules.put(
                        column,
                        CellRule.read(columns.object(
                                column,
                                "abs",
                                "rel",
                                "strict",
                                "float",
                                "numeric",
                                "numbers",
                                "ignoreCase",
                                "trim",
                                "normalizeWhitespace",
                                "empty")));
            }
        }
        return rules;
    }

    private static Map<String, List<String>> aliases(Options o) {
        Options a = o.map("aliases");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String column : a.names()) {
            List<String> names = a.strings(column);
            if (names.contains(column)) {
                throw a.error(column, "an alias of '" + column + "' repeats its name");
            }
            out.put(column, names);
        }
        return out;
    }
}
