package dev.ale.verifiers.internal.table;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.AleException;
import dev.ale.api.spi.VerificationContext;
import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.Render;
import dev.ale.verifiers.internal.support.SafeFiles;
import dev.ale.verifiers.internal.support.Side;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A table file read as a header row (names trimmed) and data rows, streamed: CSV, TSV or a sheet
 * of an xlsx workbook (see {@link TableFile}). For an output file every problem (missing, unsafe,
 * not UTF-8, malformed, no header, a required column missing or ambiguous) is a failed gate; for a
 * reference file it is a task error. Rows shorter than the header read as empty cells; cells
 * beyond the header are ignored.
 */
@API(status = INTERNAL)
public final class Table implements Closeable {
    private final TableFile spec;
    private final Side side;
    private final RowReader reader;
    private final List<String> header;
    private final List<String> rawHeader;

    private Table(TableFile spec, Side side, Path file, boolean withHeader) throws GateFailure, IOException {
        this.spec = spec;
        this.side = side;
        RowReader opened = null;
        try {
            opened = spec.open(file);
        } catch (RowReader.Malformed e) {
            fail("a " + spec.format().word() + " table", e.getMessage());
        }
        this.reader = opened;
        if (!withHeader) {
            this.header = List.of();
            this.rawHeader = List.of();
            return;
        }
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
        this.rawHeader = List.copyOf(names);
    }

    /** Opens the table {@code spec} under the root of {@code side}. */
    public static Table open(VerificationContext ctx, TableFile spec, Side side) throws GateFailure, IOException {
        return new Table(spec, side, find(ctx, spec, side), true);
    }

    /** Opens the table {@code spec} without a header: {@link #next} returns every row, the first included. */
    public static Table openRaw(VerificationContext ctx, TableFile spec, Side side) throws GateFailure, IOException {
        return new Table(spec, side, find(ctx, spec, side), false);
    }

    private static Path find(VerificationContext ctx, TableFile spec, Side side) throws GateFailure, IOException {
        return side == Side.OUTPUT ? SafeFiles.output(ctx, spec.path()) : SafeFiles.reference(ctx, spec.path());
    }

    List<String> header() {
        return header;
    }

    /** The header row as written, names not trimmed. */
    List<String> rawHeader() {
        return rawHeader;
    }

    /** The index of each named column, matched exactly. */
    public int[] columns(List<String> names) throws GateFailure {
        return columns(names, HeaderMatch.EXACT);
    }

    /** The index of each named column; a column missing or matched by two header cells fails. */
    public int[] columns(List<String> names, HeaderMatch match) throws GateFailure {
        int[] out = new int[names.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<Integer> found = match.find(header, names.get(i));
            if (found.isEmpty()) {
                missing.add(names.get(i));
                continue;
            }
            if (found.size() > 1) {
                String twice = header.get(found.get(0)).equals(header.get(found.get(1)))
                        ? "appears twice in the header"
                        : "matches header cells " + Render.quoted(header.get(found.get(0))) + " and "
                                + Render.quoted(header.get(found.get(1)));
                fail("column " + match.describe(names.get(i)) + " once", "column '" + names.get(i) + "' " + twice);
            }
            out[i] = found.get(0);
        }
        if (!missing.isEmpty()) {
            fail(
                    "columns " + String.join(", ", names),
                    "missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + "; header: "
                            + Render.brief(String.join(", ", header)));
        }
        return out;
    }

    /** The next data row, or null at the end. */
    public List<String> next() throws GateFailure, IOException {
        return read(reader::next);
    }

    /** The next data row as UTF-8 cells, valid until the next call; null at the end. */
    Cells nextCells() throws GateFailure, IOException {
        return read(reader::nextCells);
    }

    /** One read of the reader. */
    @FunctionalInterface
    private interface Read<T> {
        T next() throws IOException;
    }

    /** Reads a row; a malformed table or text that is not UTF-8 fails as {@link #fail} says. */
    private <T> @Nullable T read(Read<T> read) throws GateFailure, IOException {
        try {
            return read.next();
        } catch (RowReader.Malformed e) {
            fail(
                    "a well-formed " + spec.format().word() + " table",
                    "malformed " + spec.format().word() + ": " + e.getMessage());
        } catch (CharacterCodingException e) {
            fail("UTF-8 text", "malformed: not valid UTF-8 text near line " + reader.line());
        }
        return null;
    }

    /** The line (text) or row (xlsx) the last row started on. */
    public long line() {
        return reader.line();
    }

    /** {@code line 7} or {@code row 7}: where the last row started, in words. */
    String where() {
        return reader.lineWord() + " " + reader.line();
    }

    /** Cell {@code i} of a row, empty when the row is shorter. */
    public static String cell(List<String> row, int i) {
        return i < row.size() ? row.get(i) : "";
    }

    private void fail(String expected, String problem) throws GateFailure {
        if (side == Side.OUTPUT) {
            throw new GateFailure(spec.describe(), expected, problem);
        }
        throw new AleException("reference/" + spec.describe(), "", problem);
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
