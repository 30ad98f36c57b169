package dev.ale.verifiers.internal.number;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableMap;
import dev.ale.api.spi.VerificationContext;
import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.Interruptible;
import dev.ale.verifiers.internal.support.JsonFiles;
import dev.ale.verifiers.internal.support.JsonPointers;
import dev.ale.verifiers.internal.support.NumberProfile;
import dev.ale.verifiers.internal.support.Numbers;
import dev.ale.verifiers.internal.support.RelPath;
import dev.ale.verifiers.internal.support.Render;
import dev.ale.verifiers.internal.support.SafeFiles;
import dev.ale.verifiers.internal.support.Side;
import dev.ale.verifiers.internal.table.Table;
import dev.ale.verifiers.internal.table.TableFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the {@code number} verifier finds a number: a file and a place in it. The file is read
 * from the output or the reference ({@link Side}); a missing or malformed output file is a failed
 * gate, a missing or malformed reference file a task error.
 */
interface NumberSource {
    /**
     * A number read, with the text it was read from; or, with a null value, why there is none.
     * {@code raw} is the text as found (null for a JSON number or when nothing was found), for
     * reading again under a {@code numbers} profile.
     */
    record Found(BigDecimal value, String text, String raw) {
        Found(BigDecimal value, String text) {
            this(value, text, null);
        }

        static Found of(String text) {
            BigDecimal v = Numbers.parse(text);
            return new Found(v, (v == null ? "not a number: " : "") + Render.quoted(text), text);
        }

        /** The number under {@code profile}: the raw text read again, or the value as read. */
        BigDecimal value(NumberProfile profile) {
            return raw == null || profile.equals(NumberProfile.DEFAULT) ? value : profile.parse(raw);
        }
    }

    /** Reads the number from this source's file under the root of {@code side}. */
    Found read(VerificationContext ctx, Side side) throws GateFailure, IOException;

    /** The file. */
    RelPath file();

    /** Where in the file, in a few words. */
    String describe();

    /** The value at a JSON Pointer of a JSON file: a number, or a string holding one. */
    record AtPointer(RelPath file, JsonPointer pointer) implements NumberSource {
        @Override
        public Found read(VerificationContext ctx, Side side) throws GateFailure, IOException {
            JsonNode doc = side == Side.OUTPUT ? JsonFiles.output(ctx, file) : JsonFiles.reference(ctx, file);
            JsonNode n = doc.at(pointer);
            if (n.isMissingNode()) {
                return new Found(null, "no value at " + JsonPointers.display(pointer.toString()));
            }
            BigDecimal v = Numbers.of(n);
            return new Found(
                    v,
                    v == null ? "not a number: " + Render.json(n) : Render.json(n),
                    n.isTextual() ? n.textValue() : null);
        }

        @Override
        public String describe() {
            return JsonPointers.display(pointer.toString());
        }
    }

    /** The first match of a pattern in a text file: its first group, or the whole match without groups. */
    record ByRegex(RelPath file, Pattern regex) implements NumberSource {
        @Override
        public Found read(VerificationContext ctx, Side side) throws GateFailure, IOException {
            String text = side == Side.OUTPUT ? SafeFiles.outputText(ctx, file) : SafeFiles.referenceText(ctx, file);
            Matcher m = regex.matcher(new Interruptible(text));
            if (!m.find()) {
                return new Found(null, "no match");
            }
            String found = m.groupCount() > 0 ? m.group(1) : m.group();
            if (found == null) {
                return new Found(null, "the first group did not take part in the match");
            }
            return Found.of(found);
        }

        @Override
        public String describe() {
            return "/" + Render.brief(regex.pattern()) + "/";
        }
    }

    /**
     * One cell of a table (CSV, TSV or an xlsx sheet) with a header: in column {@code column}, of
     * data row {@code row} (0-based, header excluded) or, when {@code where} is not empty, of the
     * first row whose cells equal (trimmed) the given values.
     */
    record InTable(TableFile table, int row, Map<String, String> where, String column) implements NumberSource {
        public InTable {
            where = ImmutableMap.copyOf(where);
        }

        @Override
        public RelPath file() {
            return table.path();
        }

        @Override
        public Found read(VerificationContext ctx, Side side) throws GateFailure, IOException {
            List<String> names = List.copyOf(where.keySet());
            try (Table t = Table.open(ctx, table, side)) {
                int cell = t.columns(List.of(column))[0];
                int[] filters = t.columns(names);
                int n = 0;
                for (List<String> r = t.next(); r != null; r = t.next(), n++) {
                    if (where.isEmpty() ? n == row : matches(r, names, filters)) {
                        return Found.of(Table.cell(r, cell));
                    }
                }
                return new Found(null, "no such row");
            }
        }

        private boolean matches(List<String> r, List<String> names, int[] filters) {
            for (int i = 0; i < filters.length; i++) {
                if (!Table.cell(r, filters[i])
                        .strip()
                        .equals(where.get(names.get(i)).strip())) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String describe() {
            return (table.sheet() == null ? "" : table.sheetWords() + ", ") + "column " + column
                    + (where.isEmpty() ? ", row " + row : " where " + where);
        }
    }

    /** One cell of an xlsx sheet by its address, such as {@code B7} (column B, row 7). */
    record AtCell(TableFile table, String address, int row, int column) implements NumberSource {
        @Override
        public RelPath file() {
            return table.path();
        }

        @Override
        public Found read(VerificationContext ctx, Side side) throws GateFailure, IOException {
            try (Table t = Table.openRaw(ctx, table, side)) {
                for (List<String> r = t.next(); r != null && t.line() <= row; r = t.next()) {
                    if (t.line() == row) {
                        String text = Table.cell(r, column);
                        return text.isEmpty() ? new Found(null, "cell " + address + " is empty") : Found.of(text);
                    }
                }
                return new Found(null, "cell " + address + " is empty");
            }
        }

        @Override
        public String describe() {
            return (table.sheet() == null ? "" : table.sheetWords() + ", ") + "cell " + address;
        }
    }
}
