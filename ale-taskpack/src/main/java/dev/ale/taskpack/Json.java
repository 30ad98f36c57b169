package dev.ale.taskpack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.task.TaskPackException;
import dev.ale.archive.ArchiveSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads and writes the pack's JSON files: strict (duplicate keys and trailing content are errors),
 * nesting at most {@value #MAX_DEPTH} deep, at most {@link PackLimits#maxJsonBytes()} long, and a
 * syntax error is reported with its line and column.
 */
final class Json {
    static final int MAX_DEPTH = 64;

    /** The largest file read into an array made for its listed size at once. */
    private static final int PRESIZED = 1 << 20;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private Json() {}

    /** Reads the JSON object in file {@code entry} of the pack. */
    static ObjectNode readObject(ArchiveSource source, String entry, long maxBytes) {
        return parseObject(readBytes(source, entry, maxBytes), entry);
    }

    /** The bytes of file {@code entry} of the pack, which must be at most {@code maxBytes} long. */
    static byte[] readBytes(ArchiveSource source, String entry, long maxBytes) {
        Long size = source.listing().files().get(entry);
        if (size == null) {
            throw new TaskPackException(entry, "", "missing");
        }
        if (size > maxBytes) {
            throw new TaskPackException(
                    entry,
                    "",
                    "larger than the limit of " + maxBytes + " bytes for a JSON file"
                            + PackLimits.raise("maxJsonBytes"));
        }
        try (InputStream in = source.open(entry)) {
            return readAtMost(in, size, maxBytes, entry);
        } catch (IOException e) {
            throw new TaskPackException(entry, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses bytes that must hold one JSON object. */
    static ObjectNode parseObject(byte[] bytes, String entry) {
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1
                    ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new TaskPackException(entry, "", "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TaskPackException(entry, "", "unreadable JSON: " + e.getMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new TaskPackException(entry, "", "empty file: a JSON object is expected");
        }
        if (!node.isObject()) {
            throw new TaskPackException(entry, "", "a JSON object is expected, found " + Fields.typeName(node));
        }
        return (ObjectNode) node;
    }

    /** The file's text as written by the pack writer: two-space indents, {@code "key": value}, a final newline. */
    static byte[] pretty(JsonNode node) {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indent);
        printer.indentArraysWith(indent);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MAPPER.writer(printer).writeValue(out, node);
            out.write('\n');
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
    }

    /**
     * Reads the stream to its end: a file of up to {@value #PRESIZED} bytes into one array of its
     * listed {@code size} when it holds that many (the sources bound their streams to the listed
     * size); a larger one grows as its bytes come, so a size a file only claims takes no memory.
     */
    private static byte[] readAtMost(InputStream in, long size, long maxBytes, String entry) throws IOException {
        byte[] head = new byte[(int) Math.min(Math.min(size, maxBytes), PRESIZED)];
        int got = in.readNBytes(head, 0, head.length);
        int next = in.read();
        if (next < 0) {
            return got == head.length ? head : Arrays.copyOf(head, got);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 * PRESIZED);
        out.write(head, 0, got);
        out.write(next);
        byte[] buffer = new byte[8192];
        for (int n = 0; n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) {
                throw new TaskPackException(
                        entry,
                        "",
                        "larger than the limit of " + maxBytes + " bytes for a JSON file"
                                + PackLimits.raise("maxJsonBytes"));
            }
        }
        return out.toByteArray();
    }
}
