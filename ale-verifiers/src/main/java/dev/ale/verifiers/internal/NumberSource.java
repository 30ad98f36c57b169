package dev.ale.verifiers.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableMap;
import dev.ale.api.VerificationContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the {@code number} verifier finds its number in an output file. */
interface NumberSource {
    /** A number read, with the text it was read from; or, with a null value, why there is none. */
    record Found(BigDecimal value, String text) {
    }

    /** Reads the number from {@code file}; a missing or malformed file is a failed gate. */
    Found read(VerificationContext ctx, RelPath file) throws GateFailure, IOException;

    /** Where in the file, in a few words. */
    String describe();

    /** The value at a JSON Pointer of a JSON file: a number, or a string holding one. */
    record AtPointer(JsonPointer pointer) implements NumberSource {
        @Override
        public Found read(VerificationContext ctx, RelPath file) throws GateFailure, IOException {
            JsonNode n = Json.output(ctx, file).at(pointer);
            if (n.isMissingNode()) {
                return new Found(null, "no value at " + Ptr.display(pointer.toString()));
            }
            BigDecimal v = Numbers.of(n);
            return new Found(v, v == null ? "not a number: " + Render.json(n) : Render.json(n));
        }

        @Override
        public String describe() {
            return Ptr.display(pointer.toString());
        }
    }

    /** The first match of a pattern in a text file: its first group, or the whole match without groups. */
    record ByRegex(Pattern regex) implements NumberSource {
        @Override
        public Found read(VerificationContext ctx, RelPath file) throws GateFailure, IOException {
            Matcher m = regex.matcher(new Interruptible(SafeFiles.outputText(ctx, file)));
            if (!m.find()) {
                return new Found(null, "no match");
            }
            String text = m.groupCount() > 0 ? m.group(1) : m.group();
            if (text == null) {
                return new Found(null, "the first group did not take part in the match");
            }
            BigDecimal v = Numbers.parse(text);
            return new Found(v, (v == null ? "not a number: " : "") + Render.quoted(text));
        }

        @Override
        public String describe() {
            return "/" + Render.brief(regex.pattern()) + "/";
        }
    }

    /**
     * One cell of a CSV file: in column {@code column}, of data row {@code row} (0-based, header
     * excluded) or, when {@code where} is not empty, of the first row whose cells equal (trimmed)
     * the given values.
     */
    record InCsv(int row, Map<String, String> where, String column, char delimiter) implements NumberSource {
        public InCsv {
            where = ImmutableMap.copyOf(where);
        }

        @Override
        public Found read(VerificationContext ctx, RelPath file) throws GateFailure, IOException {
            List<String> names = List.copyOf(where.keySet());
            try (CsvTable t = CsvTable.output(ctx, file, delimiter)) {
                int cell = t.columns(List.of(column))[0];
                int[] filters = t.columns(names);
                int n = 0;
                for (List<String> r = t.next(); r != null; r = t.next(), n++) {
                    if (where.isEmpty() ? n == row : matches(r, names, filters)) {
                        String text = CsvTable.cell(r, cell);
                        BigDecimal v = Numbers.parse(text);
                        return new Found(v, (v == null ? "not a number: " : "") + Render.quoted(text));
                    }
                }
                return new Found(null, "no such row");
            }
        }

        private boolean matches(List<String> r, List<String> names, int[] filters) {
            for (int i = 0; i < filters.length; i++) {
                if (!CsvTable.cell(r, filters[i]).strip().equals(where.get(names.get(i)).strip())) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String describe() {
            return "column " + column + (where.isEmpty() ? ", row " + row : " where " + where);
        }
    }
}
