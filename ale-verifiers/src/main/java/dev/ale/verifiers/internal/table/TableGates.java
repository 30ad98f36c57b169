package dev.ale.verifiers.internal.table;

import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.Render;
import java.util.List;

/**
 * The gates and the label scoring of the {@code csv} verifier that follow ALE's graders:
 * <ul>
 * <li>{@code header}: {@code any} (the default), {@code exact} (the output header, names trimmed,
 *     must be the reference's, same names in the same order, nothing else), {@code exact-untrimmed}
 *     (the same, names as written);</li>
 * <li>{@code requiredColumns}: columns the output header must have (through {@code aliases} and
 *     {@code ignoreHeaderCase}), scored or not;</li>
 * <li>{@code order: gate}: the output's keys must be the reference's, in the reference's order,
 *     each once, nothing else;</li>
 * <li>{@code values}: every compared cell (every label cell with {@code labels}) of every output
 *     row must be one of these, as written;</li>
 * <li>{@code labels} and {@code positive}: the label columns of {@code score: macro-f1-labels}
 *     ({@link LabelMetrics}).</li>
 * </ul>
 *
 * @param header   how the header must match
 * @param required the required columns (empty: none)
 * @param values   the allowed cell values (empty: any)
 * @param labels   the label columns (empty: not scored by labels)
 * @param positive the positive value of a label cell, or null
 * @param labelColumn the one set-valued label column, or null (a column per label)
 * @param separator   what separates the values of {@code labelColumn}, or null
 */
record TableGates(
        Header header,
        List<String> required,
        boolean orderGate,
        List<String> values,
        List<String> labels,
        String positive,
        String labelColumn,
        String separator) {
    /** How the output header must match the reference's. */
    enum Header {
        ANY,
        EXACT,
        EXACT_UNTRIMMED
    }

    TableGates {
        required = List.copyOf(required);
        values = List.copyOf(values);
        labels = List.copyOf(labels);
    }

    /** The compared columns under label metrics: the labels, or the one set-valued column. */
    List<String> labelColumns() {
        return labelColumn == null ? labels : List.of(labelColumn);
    }

    /** Whether the table is scored by label metrics. */
    boolean labelled() {
        return !labels.isEmpty();
    }

    /** Fails a gate when the output header does not match as {@link #header} says. */
    void checkHeader(Table out, List<String> reference, List<String> referenceRaw, String file) throws GateFailure {
        List<String> want = header == Header.EXACT_UNTRIMMED ? referenceRaw : reference;
        List<String> got = header == Header.EXACT_UNTRIMMED ? out.rawHeader() : out.header();
        if (header != Header.ANY && !want.equals(got)) {
            throw new GateFailure(
                    file,
                    "the header " + Render.brief(String.join(",", want))
                            + (header == Header.EXACT_UNTRIMMED ? ", as written" : ""),
                    "header " + Render.brief(String.join(",", got)));
        }
    }

    /** The allowed cell values as UTF-8, for {@link #checkValues}. */
    byte[][] valueBytes() {
        byte[][] out = new byte[values.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Cells.utf8(values.get(i));
        }
        return out;
    }

    /**
     * Fails a gate when a cell of {@code row} at {@code cells} is not one of {@link #values}
     * ({@code allowed}: their {@link #valueBytes()}), naming where in the table {@code where} it is.
     */
    void checkValues(Cells row, int[] cells, byte[][] allowed, List<String> columns, Table where, String file)
            throws GateFailure {
        if (allowed.length == 0) {
            return;
        }
        for (int i = 0; i < cells.length; i++) {
            if (!isOneOf(row, cells[i], allowed)) {
                throw new GateFailure(
                        file,
                        "values "
                                + String.join(
                                        ", ",
                                        values.stream().map(Render::quoted).toList()),
                        columns.get(i) + " is " + Render.quoted(row.text(cells[i])) + " on " + where.where());
            }
        }
    }

    private static boolean isOneOf(Cells row, int cell, byte[][] allowed) {
        for (byte[] value : allowed) {
            if (row.is(cell, value)) {
                return true;
            }
        }
        return false;
    }
}
