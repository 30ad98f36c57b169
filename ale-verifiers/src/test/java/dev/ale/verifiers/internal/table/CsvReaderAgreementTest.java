package dev.ale.verifiers.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * The byte parser {@link CsvReader} against the character parser it replaced
 * ({@link LegacyCsvReader} over a strict UTF-8 {@code InputStreamReader}, as the verifiers opened
 * files): on random text with quotes, doubled quotes, line breaks of every kind, byte-order marks,
 * multi-byte characters and delimiters, NULs and bytes that are not UTF-8, both give the same
 * records, the same lines, and fail with the same message at the same record.
 */
class CsvReaderAgreementTest {
    private static final List<byte[]> VALID = pieces(
            "a",
            "b",
            "7",
            " ",
            ",",
            ";",
            "\t",
            "|",
            "\"",
            "\"\"",
            "\r",
            "\n",
            "\r\n",
            "\u00e9",
            "\u20ac",
            "\uD83D\uDE00",
            "\uFEFF",
            "\u0000",
            "\u00a7",
            "x,y",
            "\"q\"",
            ",\"");
    private static final List<byte[]> INVALID = List.of(
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xE2, 'A'},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
            new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80});
    private static final char[] DELIMITERS = {',', ';', '\t', '|', '\u00a7', '\u20ac', '\uD800'};

    private static List<byte[]> pieces(String... texts) {
        return Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The records (with their lines) a reader gives, then how it ended. */
    static String outcome(byte[] text, char delimiter, boolean legacy) throws IOException {
        StringBuilder b = new StringBuilder();
        RowReader r = legacy
                ? new LegacyCsvReader(
                        new InputStreamReader(
                                new ByteArrayInputStream(text),
                                StandardCharsets.UTF_8
                                        .newDecoder()
                                        .onMalformedInput(CodingErrorAction.REPORT)
                                        .onUnmappableCharacter(CodingErrorAction.REPORT)),
                        delimiter)
                : new CsvReader(new ByteArrayInputStream(text), delimiter);
        try (r) {
            for (List<String> row = r.next(); row != null; row = r.next()) {
                b.append(r.line()).append(':');
                for (String cell : row) {
                    b.append(' ')
                            .append(cell.replace("\\", "\\\\").replace("|", "\\|"))
                            .append('|');
                }
                b.append('\n');
            }
            b.append("end");
        } catch (RowReader.Malformed e) {
            b.append("malformed: ").append(e.getMessage());
        } catch (CharacterCodingException e) {
            b.append("not UTF-8 near line ").append(r.line());
        }
        return b.toString();
    }

    /** Asserts that both readers agree; returns how they ended: {@code end}, {@code malformed} or {@code not UTF-8}. */
    private static String assertAgree(byte[] text, char delimiter, String what) throws IOException {
        String legacy = outcome(text, delimiter, true);
        assertEquals(legacy, outcome(text, delimiter, false), what);
        String last = legacy.substring(legacy.lastIndexOf('\n') + 1);
        return last.startsWith("malformed") ? "malformed" : last.startsWith("not UTF-8") ? "not UTF-8" : "end";
    }

    @Test
    void agreesOnRandomShortTexts() throws IOException {
        Map<String, Integer> endings = endings(20_000, seed -> {
            Random rnd = new Random(seed);
            char delimiter = DELIMITERS[rnd.nextInt(DELIMITERS.length)];
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            int pieces = rnd.nextInt(40);
            boolean broken = rnd.nextInt(4) == 0;
            for (int i = 0; i < pieces; i++) {
                byte[] piece = broken && rnd.nextInt(12) == 0
                        ? INVALID.get(rnd.nextInt(INVALID.size()))
                        : VALID.get(rnd.nextInt(VALID.size()));
                text.write(piece, 0, piece.length);
            }
            return new Input(text.toByteArray(), delimiter);
        });
        assertEveryEnding(endings, 1000);
    }

    /**
     * Bad bytes around the 64 Ki-character steps in which the old reader decoded, after well-formed
     * rows: the failure must come at the same record, before or after the same CSV problems.
     */
    @Test
    void agreesOnBadBytesAtEveryStepBoundary() throws IOException {
        Map<String, Integer> endings = endings(200, seed -> {
            Random rnd = new Random(seed);
            int target = Utf8Chunks.CHARS * (1 + rnd.nextInt(2)) - 6 + rnd.nextInt(12);
            String prefix = grow(
                            new StringBuilder(),
                            target,
                            rnd,
                            "\uD83D\uDE00",
                            "\u20ac",
                            ",",
                            "\n",
                            "\r\n",
                            ",\"q\"\"\n\",",
                            "abc")
                    .toString();
            byte[] bad = rnd.nextInt(4) == 0 ? new byte[0] : INVALID.get(rnd.nextInt(INVALID.size()));
            byte[] tail = (rnd.nextBoolean() ? "x,\"y\"\nz\n" : "\"open").getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
            all.write(bad, 0, bad.length);
            all.write(tail, 0, rnd.nextInt(tail.length + 1));
            return new Input(all.toByteArray(), rnd.nextBoolean() ? ',' : '\u20ac');
        });
        assertEveryEnding(endings, 10);
    }

    /** Fields of a few characters either side of the limit (a surrogate pair may straddle it), quoted or not. */
    @Test
    void agreesOnFieldsAroundTheLengthLimit() throws IOException {
        Map<String, Integer> endings = endings(8, seed -> {
            Random rnd = new Random(seed);
            boolean quoted = seed % 2 == 0;
            int length = CsvReader.MAX_FIELD_CHARS - 1 + (int) seed / 2;
            StringBuilder field = quoted
                    ? grow(new StringBuilder(), length - 3, rnd, "\u00e9", "\uD83D\uDE00", "ab", "\"", "\r\n")
                    : grow(new StringBuilder(), length - 3, rnd, "\u00e9", "\uD83D\uDE00", "ab");
            field.append("\uD83D\uDE00xyz", 0, length - field.length());
            String cell = quoted ? "\"" + field.toString().replace("\"", "\"\"") + "\"" : field.toString();
            String text = "h\n" + cell + (seed % 4 == 1 ? "" : ",next\n");
            return new Input(text.getBytes(StandardCharsets.UTF_8), ',');
        });
        assertEquals(Map.of("end", 4, "malformed", 4), endings);
    }

    /** Every way of ending (records to the end, malformed CSV, not UTF-8) came more than {@code times} times. */
    private static void assertEveryEnding(Map<String, Integer> endings, int times) {
        assertEquals(3, endings.size(), endings.toString());
        assertTrue(endings.values().stream().allMatch(n -> n > times), endings.toString());
    }

    /** A generated input: its bytes and its delimiter. */
    private record Input(byte[] text, char delimiter) {}

    /** Checks that both readers agree on the input of each seed; returns how many ended each way. */
    private static Map<String, Integer> endings(int seeds, LongFunction<Input> make) throws IOException {
        Map<String, Integer> endings = new TreeMap<>();
        for (long seed = 0; seed < seeds; seed++) {
            Input in = make.apply(seed);
            endings.merge(assertAgree(in.text(), in.delimiter(), "seed " + seed), 1, Integer::sum);
        }
        return endings;
    }

    /** Appends random pieces to {@code b} until it holds at least {@code length} characters. */
    private static StringBuilder grow(StringBuilder b, int length, Random rnd, String... pieces) {
        while (b.length() < length) {
            b.append(pieces[rnd.nextInt(pieces.length)]);
        }
        return b;
    }

    /** Several MiB, so the reader drops consumed bytes and grows its buffer for a long record. */
    @Test
    void agreesOnLongInputs() throws IOException {
        Random rnd = new Random(11);
        StringBuilder text = new StringBuilder();
        while (text.length() < 6_000_000) {
            int fields = 1 + rnd.nextInt(9);
            for (int f = 0; f < fields; f++) {
                text.append(f == 0 ? "" : ",");
                String cell = Long.toString(rnd.nextLong(), 36) + (rnd.nextInt(5) == 0 ? "\u00e9\n\"" : "");
                text.append(cell.contains("\n") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            text.append(rnd.nextBoolean() ? "\n" : "\r\n");
            if (rnd.nextInt(20_000) == 0) {
                text.append("\"").append("long ".repeat(200_000)).append("\"\n");
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        String legacy = outcome(bytes, ',', true);
        assertTrue(legacy.endsWith("end"), legacy.substring(Math.max(0, legacy.length() - 200)));
        assertEquals(legacy, outcome(bytes, ',', false));
    }
}
