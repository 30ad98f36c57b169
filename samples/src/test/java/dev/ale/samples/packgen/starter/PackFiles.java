package dev.ale.samples.packgen.starter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.verifiers.CsvRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/** Test support: the files of the generated starter pack, read as CSV rows or JSON, for consistency checks. */
final class PackFiles {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final SortedMap<String, byte[]> files = StarterPackGenerator.files(StarterPackGenerator.DEFAULT_SEED);

    /** The rows of a task's CSV file (such as {@code solution/payroll.csv}) as maps from column to value. */
    List<Map<String, String>> csv(String task, String path) {
        List<List<String>> records = CsvRecords.read(text(task, path), ',');
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> cells : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    /** One column of a task's CSV file by the value of its {@code key} column. */
    Map<String, String> column(String task, String path, String key, String column) {
        Map<String, String> values = new HashMap<>();
        csv(task, path).forEach(r -> values.put(r.get(key), r.get(column)));
        return values;
    }

    JsonNode json(String task, String path) {
        try {
            return MAPPER.readTree(bytes(task, path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text(String task, String path) {
        return new String(bytes(task, path), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String task, String path) {
        byte[] b = files.get("tasks/" + task + "/" + path);
        if (b == null) {
            throw new IllegalArgumentException("no file " + path + " in task " + task);
        }
        return b;
    }

    static BigDecimal dec(String s) {
        return s == null || s.isBlank() ? BigDecimal.ZERO : new BigDecimal(s);
    }

    /** The sum of a column, or of a function of each row. */
    static BigDecimal sum(List<Map<String, String>> rows, Function<Map<String, String>, BigDecimal> value) {
        return rows.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal sum(List<Map<String, String>> rows, String column) {
        return sum(rows, r -> dec(r.get(column)));
    }
}
