package dev.ale.verifiers.internal.table;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Reads the records of a table file one at a time, header included: CSV and TSV text
 * ({@link CsvReader}) or a sheet of an {@code .xlsx} workbook ({@link XlsxRows}). Not thread-safe:
 * one reader per file.
 */
interface RowReader extends Closeable {
    /** The file is not a well-formed table of its format; the message says where and why. */
    class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** The next record, or null at the end; blank records are skipped. */
    List<String> next() throws IOException;

    /** The next record as UTF-8 cells, valid until the next call; null at the end. */
    default Cells nextCells() throws IOException {
        List<String> row = next();
        return row == null ? null : Cells.of(row);
    }

    /** Where the last record returned started: its line (CSV) or row number (xlsx), 1-based. */
    long line();

    /** How {@link #line()} reads in messages: {@code line} or {@code row}. */
    default String lineWord() {
        return "line";
    }
}
