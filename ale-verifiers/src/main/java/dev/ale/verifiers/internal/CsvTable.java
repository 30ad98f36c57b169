package dev.ale.verifiers.internal;

import dev.ale.api.VerificationContext;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read as a header row (names trimmed) and data rows, streamed. For an output file
 * every problem (missing, unsafe, not UTF-8, malformed, no header, a required column missing or
 * named twice) is a failed gate; for a reference file it is a task error. Rows shorter than the
 * header read as empty cells; cells beyond the header are ignored.
 */
final class CsvTable implements Closeable {
    private final RelPath rel;
    private final boolean output;
    private final CsvReader reader;
    private final List<String> header;

    private CsvTable(RelPath rel, boolean output, Path file, char delimiter) throws GateFailure, IOException {
        this.rel = rel;
        this.output = output;
        this.reader = new CsvReader(SafeFiles.openText(file), delimiter);
        List<String> names = null;
        try {
            names = next();
            if (names == null) {
                fail("a header row", "empty: no header row");
            }
        } finally {
            if (names == null) {
                reader.close();
            }
        }
        List<String> trimmed = new ArrayList<>(names.size());
        for (String n : names) {
            trimmed.add(n.strip());
        }
        this.header = List.copyOf(trimmed);
    }

    /** The output CSV file at {@code rel}. */
    static CsvTable output(VerificationContext ctx, RelPath rel, char delimiter) throws GateFailure, IOException {
        return new CsvTable(rel, true, SafeFiles.output(ctx, rel), delimiter);
    }

    /** The reference CSV file at {@code rel}; its problems are task errors, never gates. */
    static CsvTable reference(VerificationContext ctx, RelPath rel, char delimiter) throws GateFailure, IOException {
        return new CsvTable(rel, false, SafeFiles.reference(ctx, rel), delimiter);
    }

    List<String> header() {
        return header;
    }

    /** The index of each named column; a column missing or named twice fails. */
    int[] columns(List<String> names) throws GateFailure {
        int[] out = new int[names.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out[i] = header.indexOf(names.get(i));
            if (out[i] < 0) {
                missing.add(names.get(i));
            } else if (header.lastIndexOf(names.get(i)) != out[i]) {
                fail("column '" + names.get(i) + "' once", "column '" + names.get(i) + "' appears twice in the header");
            }
        }
        if (!missing.isEmpty()) {
            fail("columns " + String.join(", ", names), "missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; header: " + Render.brief(String.join(", ", header)));
        }
        return out;
    }

    /** The next data row, or null at the end. */
    List<String> next() throws GateFailure, IOException {
        try {
            return reader.next();
        } catch (CsvReader.Malformed e) {
            fail("well-formed CSV", "malformed CSV: " + e.getMessage());
        } catch (CharacterCodingException e) {
            fail("UTF-8 text", "malformed: not valid UTF-8 text near line " + reader.line());
        }
        return null;
    }

    /** The line the last row started on. */
    long line() {
        return reader.line();
    }

    /** Cell {@code i} of a row, empty when the row is shorter. */
    static String cell(List<String> row, int i) {
        return i < row.size() ? row.get(i) : "";
    }

    private void fail(String expected, String problem) throws GateFailure {
        if (output) {
            throw new GateFailure(rel.value(), expected, problem);
        }
        throw SafeFiles.referenceError(rel, problem);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
