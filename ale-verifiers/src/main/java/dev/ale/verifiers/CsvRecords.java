package dev.ale.verifiers;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.verifiers.internal.table.CsvReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Reads CSV text with the parser of the {@code csv} verifier, for plugins, agents and tools that
 * read the same files: RFC 4180 quoting (delimiters, doubled quotes and line breaks inside quoted
 * fields), CRLF, LF or CR line ends, a leading byte-order mark dropped, empty lines skipped, and
 * the verifier's limits on field length and field count. The text is read as its UTF-8 bytes, as
 * the verifier reads files (a lone surrogate, which no UTF-8 file can hold, reads as {@code ?}).
 */
@API(status = EXPERIMENTAL)
public final class CsvRecords {
    private CsvRecords() {}

    /**
     * The records of {@code text}, header included, each a list of fields.
     *
     * @throws IllegalArgumentException if the text is not well-formed CSV; the message names the line
     */
    public static List<List<String>> read(String text, char delimiter) {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader in = new CsvReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), delimiter)) {
            for (List<String> r = in.next(); r != null; r = in.next()) {
                records.add(List.copyOf(r));
            }
        } catch (IOException e) {
            // the bytes of a string are UTF-8 and in memory: what the parser throws says the text is malformed
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return records;
    }
}
