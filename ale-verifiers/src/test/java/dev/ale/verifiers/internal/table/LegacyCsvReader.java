package dev.ale.verifiers.internal.table;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV reader of the {@code csv} verifier before it read bytes (a character parser over a
 * {@code Reader}), kept unchanged as the oracle that {@link CsvReaderAgreementTest} holds the
 * byte parser {@link CsvReader} to: the same records, lines and errors on any input.
 */
final class LegacyCsvReader implements RowReader {
    static final int MAX_FIELD_CHARS = CsvReader.MAX_FIELD_CHARS;
    static final int MAX_FIELDS = CsvReader.MAX_FIELDS;

    /** The text is not well-formed CSV; the message names the line. */
    static final class Malformed extends RowReader.Malformed {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private final Reader in;
    private final char delimiter;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder field = new StringBuilder();
    private int pos;
    private int len;
    private long line = 1;
    private long recordLine;
    private boolean started;

    /** A reader of {@code in}, whose fields are separated by {@code delimiter}. */
    LegacyCsvReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = CsvReader.checkDelimiter(delimiter);
    }

    /** The line (1-based) on which the last record returned by {@link #next} started. */
    @Override
    public long line() {
        return recordLine;
    }

    /** The next record, or null at the end of the input. */
    @Override
    public List<String> next() throws IOException {
        if (!started) {
            started = true;
            if (read() != '\uFEFF' && len > 0) {
                pos--;
            }
        }
        int c;
        while ((c = read()) == '\n' || c == '\r') {
            endLine(c);
        }
        if (c < 0) {
            return null;
        }
        pos--;
        recordLine = line;
        List<String> record = new ArrayList<>();
        while (true) {
            if (record.size() == MAX_FIELDS) {
                throw new Malformed("line " + recordLine + ": more than " + MAX_FIELDS + " fields");
            }
            field.setLength(0);
            c = read();
            if (c == '"') {
                c = quoted();
            } else {
                while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                    append((char) c);
                    int start = pos;
                    while (pos < len && buf[pos] != delimiter && buf[pos] != '\n' && buf[pos] != '\r') {
                        pos++;
                    }
                    append(start, pos);
                    c = read();
                }
            }
            record.add(field.toString());
            if (c != delimiter) {
                endLine(c);
                return record;
            }
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int quoted() throws IOException {
        long start = line;
        while (true) {
            int from = pos;
            while (pos < len && buf[pos] != '"' && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            append(from, pos);
            int c = read();
            if (c < 0) {
                throw new Malformed("line " + start + ": quoted field is not closed before the end of the file");
            }
            if (c == '"') {
                c = read();
                if (c != '"') {
                    if (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                        throw new Malformed("line " + line + ": unexpected " + show(c) + " after a closing quote");
                    }
                    return c;
                }
            } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            append((char) c);
        }
    }

    private void endLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            pos++;
        }
        if (c >= 0) {
            line++;
        }
    }

    /** Appends {@code buf[from, to)} to the field. */
    private void append(int from, int to) throws Malformed {
        if (field.length() + (to - from) > MAX_FIELD_CHARS) {
            throw new Malformed("line " + line + ": a field is longer than " + MAX_FIELD_CHARS + " characters");
        }
        field.append(buf, from, to - from);
    }

    private void append(char c) throws Malformed {
        if (field.length() == MAX_FIELD_CHARS) {
            throw new Malformed("line " + line + ": a field is longer than " + MAX_FIELD_CHARS + " characters");
        }
        field.append(c);
    }

    private int read() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        pos = 0;
        len = Math.max(n, 0);
        return n > 0;
    }

    private static String show(int c) {
        return c < ' ' ? String.format("character U+%04X", c) : "'" + (char) c + "'";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
