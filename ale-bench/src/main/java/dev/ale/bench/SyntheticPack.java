package dev.ale.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic pack directory, every byte derived from a seed: each task has a
 * {@code task.json}, an incompressible binary input (about 60% of its bytes, like a PDF or an
 * image), a ledger CSV input (about 20%), a reference CSV and a matching solution (10% each),
 * graded by a keyed {@code csv} verifier. Digests are left for {@code TaskPackWriter.updateDigests}.
 */
final class SyntheticPack {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int CHUNK = 1 << 16;

    private SyntheticPack() {}

    /** Writes {@code tasks} tasks of about {@code totalBytes} in all into the empty or new folder {@code dir}. */
    static void write(Path dir, int tasks, long totalBytes, long seed) throws IOException {
        Files.createDirectories(dir);
        long perTask = Math.max(1_000, totalBytes / tasks);
        ObjectNode pack = MAPPER.createObjectNode()
                .put("format", "ale-taskpack")
                .put("formatVersion", "1.0")
                .put("name", "bench-synthetic")
                .put("version", "1.0.0")
                .put("description", "Synthetic pack of the ALE benchmark: " + tasks + " tasks, seed " + seed)
                .put("license", "CC0-1.0");
        ArrayNode list = pack.putArray("tasks");
        for (int i = 0; i < tasks; i++) {
            String id = String.format(Locale.ROOT, "task-%05d", i);
            list.addObject().put("id", id).put("revision", 1);
            writeTask(dir.resolve("tasks").resolve(id), id, perTask, new SplittableRandom(mix(seed, i)));
        }
        MAPPER.writeValue(dir.resolve("pack.json").toFile(), pack);
    }

    private static void writeTask(Path dir, String id, long bytes, SplittableRandom random) throws IOException {
        Files.createDirectories(dir.resolve("inputs"));
        Files.createDirectories(dir.resolve("reference"));
        Files.createDirectories(dir.resolve("solution"));
        MAPPER.writeValue(dir.resolve("task.json").toFile(), taskJson(id));
        randomBytes(dir.resolve("inputs/attachment.bin"), bytes * 6 / 10, random);
        csv(dir.resolve("inputs/ledger.csv"), bytes * 2 / 10, random.split());
        long expected = random.nextLong();
        csv(dir.resolve("reference/expected.csv"), bytes / 10, new SplittableRandom(expected));
        csv(dir.resolve("solution/out.csv"), bytes / 10, new SplittableRandom(expected));
    }

    private static ObjectNode taskJson(String id) {
        ObjectNode t =
                MAPPER.createObjectNode().put("id", id).put("revision", 1).put("title", "Synthetic ledger task " + id);
        ObjectNode taxonomy =
                t.putObject("taxonomy").put("cluster", "business_finance").put("subfield", "accounting");
        taxonomy.putArray("soc").add("13-2011");
        t.put("tier", "near-term");
        t.putObject("limits").put("timeout", "10m");
        t.putArray("sessions")
                .addObject()
                .put("instruction", "Match the ledger against the attachment and write out.csv.");
        ObjectNode v = t.putObject("verifier")
                .put("type", "csv")
                .put("file", "out.csv")
                .put("expectedFile", "expected.csv")
                .put("key", "id");
        v.putObject("columns").putObject("amount").put("abs", 0.01);
        t.put("passThreshold", 1.0);
        t.putObject("metadata").put("source", "ale-bench synthetic data");
        return t;
    }

    private static void randomBytes(Path file, long size, SplittableRandom random) throws IOException {
        byte[] buffer = new byte[CHUNK];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, (int) Math.min(buffer.length, left));
            }
        }
    }

    /** A ledger of about {@code size} bytes: id, date, account, description, amount. */
    private static void csv(Path file, long size, SplittableRandom random) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), CHUNK)) {
            String header = "id,date,account,description,amount\n";
            w.write(header);
            long written = header.length();
            StringBuilder row = new StringBuilder(64);
            for (int n = 0; written < size; n++) {
                row.setLength(0);
                row.append('R').append(n).append(",2026-");
                twoDigits(row, 1 + random.nextInt(12)).append('-');
                twoDigits(row, 1 + random.nextInt(28))
                        .append(',')
                        .append(4000 + random.nextInt(900))
                        .append(",item ")
                        .append(Long.toString(random.nextLong() >>> 20, 36))
                        .append(',')
                        .append(random.nextInt(1_000_000) / 100.0)
                        .append('\n');
                w.write(row.toString());
                written += row.length();
            }
        }
    }

    private static StringBuilder twoDigits(StringBuilder b, int value) {
        return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** A well-spread seed for task {@code i} of a pack seeded {@code seed}. */
    static long mix(long seed, long i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
