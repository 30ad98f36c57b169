package dev.ale.verifiers.internal.table;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A streaming RFC 4180 CSV parser over UTF-8 bytes. Records end at CRLF, LF or a lone CR; fields
 * are separated by the delimiter; a field that starts with {@code "} is quoted, may hold
 * delimiters, quotes (doubled) and line breaks, and must be followed by a delimiter, a line break
 * or the end. A {@code "} inside an unquoted field is kept as it is. A leading byte-order mark is
 * dropped and empty lines are skipped (an empty field alone on a line is written {@code ""}).
 * Fields longer than {@link #MAX_FIELD_CHARS} characters, records of more than {@link #MAX_FIELDS}
 * fields and unterminated quotes are {@link Malformed}; bytes that are not UTF-8 are a
 * {@link java.nio.charset.MalformedInputException}, found in the steps {@link Utf8Chunks} describes.
 * {@link #nextCells} hands out each record as slices of the reader's buffer (a quoted field
 * unescaped in place), so a record costs no object per cell. Not thread-safe: one reader per file.
 */
@API(status = INTERNAL)
public final class CsvReader implements RowReader {
    /** The longest field accepted: 1 Mi characters (UTF-16 units, as a Java string counts them). */
    static final int MAX_FIELD_CHARS = 1 << 20;
    /** The most fields accepted in one record. */
    static final int MAX_FIELDS = 10_000;

    private static final int QUOTE = '"';
    private static final int LF = '\n';
    private static final int CR = '\r';
    /** What the scanning methods return for a delimiter, whose UTF-8 form may take several bytes. */
    private static final int DELIMITER = 0x100;

    private static final int MAX_BUFFER = Integer.MAX_VALUE - 16;

    /** The text is not well-formed CSV; the message names the line. */
    static final class Malformed extends RowReader.Malformed {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private final InputStream in;
    /** The delimiter in UTF-8; a lone surrogate, which UTF-8 text cannot hold, as a byte it never holds. */
    private final byte[] delimiter;

    private final Utf8Chunks utf8 = new Utf8Chunks();
    private final Cells cells = new Cells();
    private byte[] buf = new byte[1 << 16];
    /** The next byte to read. */
    private int pos;
    /** The end of the validated bytes. */
    private int limit;
    /** The end of the bytes read. */
    private int end;
    /** The first byte still needed: the start of the current record. */
    private int keep;

    private boolean eof;
    /** The field being read: where its content starts and, for a quoted field, where it ends so far. */
    private int fieldStart;

    private int written;
    /** Characters counted in {@code buf[countFrom, countTo)}, for the field length limit. */
    private int countFrom = -1;

    private int countTo;
    private long counted;
    private long line = 1;
    private long recordLine;
    private boolean started;

    /** A reader of the UTF-8 text of {@code in}, whose fields are separated by {@code delimiter}. */
    public CsvReader(InputStream in, char delimiter) {
        this.in = in;
        this.delimiter = Cells.utf8(String.valueOf(checkDelimiter(delimiter)));
    }

    /** {@code delimiter}, which may be any character but a quote or a line break. */
    static char checkDelimiter(char delimiter) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
        }
        return delimiter;
    }

    /** The line (1-based) on which the last record returned by {@link #next} started. */
    @Override
    public long line() {
        return recordLine;
    }

    /** The next record, or null at the end of the input. */
    @Override
    public List<String> next() throws IOException {
        Cells record = nextCells();
        return record == null ? null : record.toList();
    }

    /** The next record as slices of this reader's buffer, valid until the next call; null at the end. */
    @Override
    public @Nullable Cells nextCells() throws IOException {
        keep = pos;
        if (!started) {
            started = true;
            if (pos == limit) {
                more();
            }
            if (limit - pos >= 3
                    && buf[pos] == (byte) 0xEF
                    && buf[pos + 1] == (byte) 0xBB
                    && buf[pos + 2] == (byte) 0xBF) {
                pos += 3;
            }
        }
        int c;
        while ((c = read()) == LF || c == CR) {
            endLine(c);
        }
        if (c < 0) {
            return null;
        }
        pos--;
        keep = pos;
        recordLine = line;
        cells.reset(buf);
        while (true) {
            if (cells.size() == MAX_FIELDS) {
                throw new Malformed("line " + recordLine + ": more than " + MAX_FIELDS + " fields");
            }
            c = plain();
            if (c >= 0) {
                if (c == DELIMITER) {
                    continue;
                }
                endLine(c);
                return cells;
            }
            c = read();
            if (c == QUOTE) {
                c = quoted();
            } else {
                int from = c < 0 ? pos : pos - 1;
                c = classify(c);
                if (c < 0 || c == DELIMITER || c == LF || c == CR) {
                    cells.add(from, from);
                } else {
                    c = unquoted(from);
                }
            }
            if (c != DELIMITER) {
                endLine(c);
                return cells;
            }
        }
    }

    /**
     * The common case at the start of a field: an unquoted field whose end lies in the validated
     * bytes, with a one-byte delimiter. Adds it and returns what ends it (consumed), or -1 (nothing
     * read) when the field needs the general path.
     */
    private int plain() {
        byte[] b = buf;
        int p = pos;
        int lim = limit;
        if (delimiter.length != 1 || p == lim || b[p] == QUOTE) {
            return -1;
        }
        byte d0 = delimiter[0];
        int start = p;
        while (p < lim) {
            byte x = b[p];
            if (x == d0 || x == LF || x == CR) {
                if (p - start > MAX_FIELD_CHARS) {
                    return -1;
                }
                cells.add(start, p);
                pos = p + 1;
                return x == d0 ? DELIMITER : x;
            }
            p++;
        }
        return -1;
    }

    /** Reads the rest of an unquoted field that starts at {@code from}; returns what ends it. */
    private int unquoted(int from) throws IOException {
        fieldStart = from;
        countFrom = -1;
        byte d0 = delimiter[0];
        boolean single = delimiter.length == 1;
        while (true) {
            byte[] b = buf;
            int p = pos;
            int lim = limit;
            while (p < lim) {
                byte x = b[p];
                if (x == LF || x == CR || (x == d0 && (single || delimiterAt(p)))) {
                    break;
                }
                p++;
            }
            pos = p;
            checkLength(pos);
            if (p < lim || !more()) {
                cells.add(fieldStart, pos);
                return classify(read());
            }
        }
    }

    /** Reads a quoted field after its opening quote, unescaped in place; returns what follows the closing quote. */
    private int quoted() throws IOException {
        long start = line;
        fieldStart = pos;
        written = pos;
        countFrom = -1;
        while (true) {
            byte[] b = buf;
            int p = pos;
            int w = written;
            int lim = limit;
            if (p == w) {
                while (p < lim && b[p] != QUOTE && b[p] != LF && b[p] != CR) {
                    p++;
                }
                w = p;
            } else {
                while (p < lim && b[p] != QUOTE && b[p] != LF && b[p] != CR) {
                    b[w++] = b[p++];
                }
            }
            pos = p;
            written = w;
            checkLength(written);
            int c = read();
            if (c < 0) {
                throw new Malformed("line " + start + ": quoted field is not closed before the end of the file");
            }
            if (c == QUOTE) {
                c = classify(read());
                if (c != QUOTE) {
                    if (c >= 0 && c != DELIMITER && c != LF && c != CR) {
                        throw new Malformed("line " + line + ": unexpected " + show(c) + " after a closing quote");
                    }
                    cells.add(fieldStart, written);
                    return c;
                }
            } else if (c == LF || (c == CR && peek() != LF)) {
                line++;
            }
            buf[written++] = (byte) c;
            checkLength(written);
        }
    }

    /** Fails when the field read so far, {@code buf[fieldStart, to)}, is longer than the limit. */
    private void checkLength(int to) throws Malformed {
        if (to - fieldStart <= MAX_FIELD_CHARS) {
            return;
        }
        if (countFrom != fieldStart) {
            countFrom = fieldStart;
            countTo = fieldStart;
            counted = 0;
        }
        for (; countTo < to; countTo++) {
            int x = buf[countTo];
            if ((x & 0xC0) != 0x80) {
                counted += (x & 0xF8) == 0xF0 ? 2 : 1;
            }
        }
        if (counted > MAX_FIELD_CHARS) {
            throw new Malformed("line " + line + ": a field is longer than " + MAX_FIELD_CHARS + " characters");
        }
    }

    /** The byte just read, or {@link #DELIMITER} when it starts the delimiter (whose other bytes it then skips). */
    private int classify(int c) {
        if (c != (delimiter[0] & 0xFF) || !delimiterAt(pos - 1)) {
            return c;
        }
        pos += delimiter.length - 1;
        return DELIMITER;
    }

    /** Whether the delimiter starts at {@code buf[p]} (validated text holds a character's bytes whole). */
    private boolean delimiterAt(int p) {
        int n = delimiter.length;
        return n == 1 || (p + n <= limit && Arrays.equals(buf, p, p + n, delimiter, 0, n));
    }

    private void endLine(int c) throws IOException {
        if (c == CR && peek() == LF) {
            pos++;
        }
        if (c >= 0) {
            line++;
        }
    }

    private int read() throws IOException {
        if (pos == limit && !more()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    private int peek() throws IOException {
        if (pos == limit && !more()) {
            return -1;
        }
        return buf[pos] & 0xFF;
    }

    /** Validates the next step of input at {@code buf[limit]}; false at the end of the input. */
    private boolean more() throws IOException {
        while (!eof && end - limit < Utf8Chunks.MAX_BYTES) {
            if (end == buf.length) {
                room();
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
        int next = utf8.next(buf, limit, end, eof);
        if (next == limit) {
            return false;
        }
        limit = next;
        return true;
    }

    /** Makes room at the end of the buffer: drops the bytes before the current record, or grows it. */
    private void room() throws Malformed {
        if (keep >= buf.length / 2) {
            int by = keep;
            System.arraycopy(buf, by, buf, 0, end - by);
            pos -= by;
            limit -= by;
            end -= by;
            keep = 0;
            fieldStart -= by;
            written -= by;
            countFrom = -1;
            cells.shift(buf, by);
            return;
        }
        if (buf.length == MAX_BUFFER) {
            throw new Malformed("line " + recordLine + ": a record is larger than " + MAX_BUFFER + " bytes");
        }
        buf = Arrays.copyOf(buf, (int) Math.min(MAX_BUFFER, 2L * buf.length));
        cells.shift(buf, 0);
    }

    /** The character that starts at the byte just read, for a message. */
    private String show(int c) {
        if (c < 0x80) {
            return c < ' ' ? String.format("character U+%04X", c) : "'" + (char) c + "'";
        }
        int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        return "'" + new String(buf, pos - 1, n, StandardCharsets.UTF_8).charAt(0) + "'";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
