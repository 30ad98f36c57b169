package dev.ale.samples.packgen;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apiguardian.api.API;

/**
 * Byte-exact output formats of the generated pack: pretty JSON with two-space indentation and LF
 * line ends, RFC 4180 CSV with LF line ends, money as plain decimals with two places. Nothing here
 * depends on the platform's locale or line separator, so every machine writes the same bytes.
 * Shared by the generators of the sample and starter packs.
 */
@API(status = EXPERIMENTAL)
public final class Formats {
    /** Dates as they are written in contract prose, such as {@code April 7, 2025}. */
    public static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        WRITER = MAPPER.writer(printer);
    }

    private Formats() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new, empty JSON array. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** A JSON number that keeps its scale, so {@code 18.00} is written as {@code 18.00}. */
    public static DecimalNode number(BigDecimal value) {
        return DecimalNode.valueOf(value);
    }

    /** Pretty-printed JSON followed by one line feed. */
    public static byte[] json(JsonNode node) {
        try {
            return (WRITER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV table: the header, then the rows; fields quoted only where RFC 4180 needs it. */
    public static byte[] csv(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        appendRow(b, header);
        rows.forEach(row -> appendRow(b, row));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendRow(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            if (i > 0) {
                b.append(',');
            }
            if (f.contains(",") || f.contains("\"") || f.contains("\n")) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        b.append('\n');
    }

    /** Text as UTF-8 with LF line ends and exactly one final line feed. */
    public static byte[] text(String s) {
        String normalized = s.replace("\r\n", "\n").strip() + "\n";
        return normalized.getBytes(StandardCharsets.UTF_8);
    }

    /** Money with two decimals, rounded half up. */
    public static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** Money written as a plain decimal with two places, such as {@code 1234.50}. */
    public static String money(BigDecimal value, boolean blankIfZero) {
        return blankIfZero && value.signum() == 0 ? "" : money(value).toPlainString();
    }

    /** A random amount of money in [min, max], to the cent. */
    public static BigDecimal randomMoney(Random random, double min, double max) {
        long lowCents = Math.round(min * 100);
        long highCents = Math.round(max * 100);
        long cents = lowCents + (long) (random.nextDouble() * (highCents - lowCents + 1));
        return BigDecimal.valueOf(cents, 2);
    }

    /**
     * The random stream of one task: each task draws from its own, so changing one task leaves the
     * others' numbers alone.
     */
    public static Random taskRandom(long seed, String taskId) {
        return new Random(seed * 31 + taskId.hashCode());
    }

    /** A random integer in [min, max]. */
    public static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** Whether the date is a Saturday or a Sunday. */
    public static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The date itself, or the next Monday when it falls on a weekend. */
    public static LocalDate nextBusinessDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (isWeekend(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
