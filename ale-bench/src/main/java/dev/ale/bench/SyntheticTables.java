package dev.ale.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded inputs of the verifier figures, each an expected file in a reference folder, an output
 * that fully passes (numbers off by less than their tolerance, text in other case and spacing,
 * rows in another order) in an output folder, and the verifier configuration that grades them.
 */
final class SyntheticTables {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SyntheticTables() {}

    /**
     * {@code rows} rows of 8 columns (id, date, account, description, amount, tax, quantity, rate),
     * keyed by id, amounts and tax within 0.01, rates within 0.1%, descriptions without case or
     * spacing, output rows in reverse order.
     */
    static ObjectNode csv(Path output, Path reference, int rows, long seed) throws IOException {
        String header = "id,date,account,description,amount,tax,quantity,rate\n";
        try (Writer exp = writer(reference.resolve("expected.csv"));
                Writer out = writer(output.resolve("out.csv"))) {
            exp.write(header);
            out.write(header);
            StringBuilder e = new StringBuilder(96);
            StringBuilder o = new StringBuilder(96);
            for (int i = 0; i < rows; i++) {
                int n = rows - 1 - i; // the output lists the rows last to first
                e.setLength(0);
                o.setLength(0);
                row(e, i, new SplittableRandom(SyntheticPack.mix(seed, i)), false);
                row(o, n, new SplittableRandom(SyntheticPack.mix(seed, n)), true);
                exp.write(e.toString());
                out.write(o.toString());
            }
        }
        ObjectNode config = MAPPER.createObjectNode()
                .put("type", "csv")
                .put("file", "out.csv")
                .put("expectedFile", "expected.csv")
                .put("key", "id");
        ObjectNode columns = config.putObject("columns");
        columns.putObject("amount").put("abs", 0.01);
        columns.putObject("tax").put("abs", 0.01);
        columns.putObject("quantity").put("numeric", true);
        columns.putObject("rate").put("rel", 0.001);
        columns.putObject("description").put("trim", true).put("ignoreCase", true);
        return config;
    }

    private static void row(StringBuilder b, int n, SplittableRandom r, boolean output) {
        long cents = r.nextLong(10_000_000);
        long taxCents = cents / 5;
        int quantity = 1 + r.nextInt(500);
        int rateMillis = 1_000 + r.nextInt(99_000);
        String word = Long.toString(r.nextLong() >>> 16, 36);
        b.append("R")
                .append(n)
                .append(",2026-")
                .append(10 + r.nextInt(3))
                .append('-')
                .append(10 + r.nextInt(19))
                .append(',')
                .append(4000 + r.nextInt(900))
                .append(',');
        if (output) {
            b.append("  ").append(word.toUpperCase(Locale.ROOT)).append(" payment ");
        } else {
            b.append(word).append(" payment");
        }
        b.append(',')
                .append(BigDecimal.valueOf(cents, 2).add(output ? new BigDecimal("0.004") : BigDecimal.ZERO))
                .append(',')
                .append(BigDecimal.valueOf(taxCents, 2).subtract(output ? new BigDecimal("0.003") : BigDecimal.ZERO))
                .append(',')
                .append(quantity)
                .append(output ? ".0" : "")
                .append(',')
                .append(BigDecimal.valueOf(rateMillis, 3).multiply(output ? new BigDecimal("1.0005") : BigDecimal.ONE))
                .append('\n');
    }

    /** 10 fields in each of {@code fields / 10} records; numbers within 0.01 in the output. */
    static ObjectNode json(Path output, Path reference, int fields, long seed) throws IOException {
        ObjectNode expected = MAPPER.createObjectNode();
        ObjectNode actual = MAPPER.createObjectNode();
        ArrayNode exp = expected.putArray("records");
        ArrayNode out = actual.putArray("records");
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < fields / 10; i++) {
            long cents = r.nextLong(100_000_000);
            String word = Long.toString(r.nextLong() >>> 16, 36);
            boolean flag = r.nextBoolean();
            int qty = r.nextInt(1000);
            for (boolean isOut : new boolean[] {false, true}) {
                BigDecimal shift = isOut ? new BigDecimal("0.004") : BigDecimal.ZERO;
                ObjectNode rec = (isOut ? out : exp).addObject();
                rec.put("id", "R" + i)
                        .put("date", "2026-11-" + (10 + i % 19))
                        .put("account", 4000 + i % 900)
                        .put("name", word)
                        .put("amount", BigDecimal.valueOf(cents, 2).add(shift))
                        .put("tax", BigDecimal.valueOf(cents / 5, 2).subtract(shift))
                        .put("quantity", qty)
                        .put("paid", flag)
                        .put("currency", "USD")
                        .putNull("note");
            }
        }
        MAPPER.writeValue(reference.resolve("expected.json").toFile(), expected);
        MAPPER.writeValue(output.resolve("out.json").toFile(), actual);
        ObjectNode config = MAPPER.createObjectNode()
                .put("type", "json")
                .put("file", "out.json")
                .put("expectedFile", "expected.json");
        config.putObject("tolerance").put("abs", 0.01);
        return config;
    }

    /**
     * A {@code weighted} verifier over {@code checks} children, in turn {@code file-exists},
     * {@code text}, {@code number} and {@code json} on 100 small output files.
     */
    static ObjectNode weighted(Path output, int checks, long seed) throws IOException {
        int files = Math.min(100, checks);
        SplittableRandom r = new SplittableRandom(seed);
        long[] totals = new long[files];
        for (int f = 0; f < files; f++) {
            totals[f] = r.nextLong(10_000_000);
            Files.writeString(
                    output.resolve("f" + f + ".txt"),
                    "Report " + f + "\ntotal: " + BigDecimal.valueOf(totals[f], 2) + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(
                    output.resolve("f" + f + ".json"),
                    "{\"n\": " + f + ", \"total\": " + BigDecimal.valueOf(totals[f], 2) + "}",
                    StandardCharsets.UTF_8);
        }
        ObjectNode config = MAPPER.createObjectNode().put("type", "weighted");
        ArrayNode children = config.putArray("checks");
        for (int i = 0; i < checks; i++) {
            int f = i % files;
            ObjectNode c = children.addObject().put("name", "check " + i).put("weight", 1 + i % 3);
            switch (i % 4) {
                case 0 -> c.put("type", "file-exists").put("path", "f" + f + ".txt");
                case 1 -> c.put("type", "text").put("file", "f" + f + ".txt").put("contains", "total:");
                case 2 -> c.put("type", "number")
                        .put("file", "f" + f + ".txt")
                        .put("regex", "total: (\\S+)")
                        .put("expected", BigDecimal.valueOf(totals[f], 2))
                        .put("abs", 0.01);
                default -> c.put("type", "json")
                        .put("file", "f" + f + ".json")
                        .putObject("expected")
                        .put("n", f)
                        .put("total", BigDecimal.valueOf(totals[f], 2));
            }
        }
        return config;
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }
}
