package dev.ale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {
    @Test
    void everyFigureGoesToTheConsoleAndTheFileHoldsAllSoFarWithNoTemporaryLeft(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path file = tmp.resolve("out/r.jsonl");
        Results results = new Results(new PrintStream(console, true, StandardCharsets.UTF_8), file);
        results.add(new Figure("a", 1.5, "ms", Map.of("k", 1)));
        assertEquals(
                List.of("{\"name\":\"a\",\"value\":1.5,\"unit\":\"ms\",\"parameters\":{\"k\":1}}"),
                Files.readAllLines(file));
        results.add(new Figure(
                "b",
                2,
                "x",
                Figure.params().put("z", "last").put("a", List.of(1, 2)).map()));
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertEquals(
                "{\"name\":\"b\",\"value\":2.0,\"unit\":\"x\",\"parameters\":{\"z\":\"last\",\"a\":[1,2]}}",
                lines.get(1));
        assertEquals(lines, console.toString(StandardCharsets.UTF_8).lines().toList());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left beside the results");
        }
    }

    @Test
    void aFigureNeedsAFiniteValue() {
        assertThrows(IllegalArgumentException.class, () -> new Figure("nan", Double.NaN, "ms", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new Figure("inf", Double.POSITIVE_INFINITY, "ms", Map.of()));
    }
}
