package dev.ale.verifiers;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.verifiers.internal.table.CsvReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Reads CSV text with the parser of the {@code csv} verifier, for plugins, agents and tools that
 * read the same files: RFC 4180 quoting (delimiters, doubled quotes and line breaks inside quoted
 * fields), CRLF, LF or CR line ends, a leading byte-order mark dropped, empty lines skipped, and
 * the verifier's limits on field length and field count.
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
        try (CsvReader in = new CsvReader(new StringReader(text), delimiter)) {
            for (List<String> r = in.next(); r != null; r = in.next()) {
                records.add(List.copyOf(r));
            }
        } catch (IOException e) {
            // a StringReader does not fail: what the parser throws says the text is malformed
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return records;
    }
}
