package dev.ale.tools;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Reads lines of any length in bounded memory: a line longer than the cap keeps its first
 * characters and a note, and the rest of it is skipped. Line ends are {@code \n} (a {@code \r} before it is dropped).
 */
final class LineReader {
    private final Reader reader;
    private final int maxLine;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;

    LineReader(Reader reader, int maxLine) {
        this.reader = reader;
        this.maxLine = maxLine;
    }

    /** The next line without its end, or null at the end of the input. */
    @Nullable
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(line, length) : null;
                }
            }
            any = true;
            char c = buffer[position++];
            if (c == '\n') {
                return finish(line, length);
            }
            length++;
            if (line.length() < maxLine) {
                line.append(c);
            }
        }
    }

    private String finish(StringBuilder line, long length) {
        if (line.length() > 0 && line.charAt(line.length() - 1) == '\r' && length == line.length()) {
            line.setLength(line.length() - 1);
            length--;
        }
        if (length > line.length()) {
            line.append(" [line cut: ").append(Output.count(length)).append(" characters]");
        }
        return line.toString();
    }
}
