package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trajectory's timestamps and tool-call arguments, made by hand, as the formatter and the parser make them. */
class AleTrajectoryTest {
    private static final DateTimeFormatter FORMATTER =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void timestampsAreTheFormattersOwn() {
        Random random = new Random(1206);
        List<Instant> edges = List.of(
                Instant.EPOCH,
                Instant.ofEpochSecond(0, 999_999_999),
                Instant.parse("2000-02-29T23:59:59.000001Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("0001-01-01T00:00:00Z"));
        for (Instant t : edges) {
            assertEquals(FORMATTER.format(t), AleTrajectory.time(t), t.toString());
        }
        for (int i = 0; i < 200_000; i++) {
            Instant t = Instant.ofEpochSecond(
                    (long) (random.nextDouble() * 253_402_300_800L), random.nextInt(1_000_000_000));
            assertEquals(FORMATTER.format(t), AleTrajectory.time(t), t.toString());
        }
    }

    @Test
    void argumentsAreAnObjectExactlyWhenTheyParseToOne() {
        ObjectMapper json = new ObjectMapper();
        for (String text : List.of(
                "out.txt",
                "",
                "   ",
                "{\"path\": \"out.txt\"}",
                " \n\t{\"a\": [1, 2]}",
                "{not json",
                "[1, 2]",
                "\"text\"",
                "42",
                "null",
                "/* c */ {\"a\": 1}",
                "\uFEFF{\"a\": 1}",
                "{\"a\": 1} trailing",
                "\u00a0{\"a\": 1}")) {
            assertEquals(parsedTheOldWay(json, text), AleTrajectory.arguments(text), "'" + text + "'");
        }
    }

    /** What the arguments were before: the parse's object, else {@code {"input": text}}. */
    private static JsonNode parsedTheOldWay(ObjectMapper json, String text) {
        try {
            JsonNode parsed = json.readTree(text);
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (IOException notJson) {
            // plain text
        }
        return JsonNodeFactory.instance.objectNode().put("input", text);
    }
}
