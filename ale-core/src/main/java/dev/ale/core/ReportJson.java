package dev.ale.core;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.Outcome;
import dev.ale.api.task.PackRef;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes {@code report.json}: a stable, documented layout built field by field. */
final class ReportJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    static String write(EvaluationReport r) {
        StringWriter out = new StringWriter();
        try {
            write(r, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Streams the report: the small head is built as a tree, the attempts are written one at a time,
     * so a run of 100,000 attempts never holds its whole JSON in memory.
     */
    static void write(EvaluationReport r, Writer out) throws IOException {
        try (JsonGenerator gen = MAPPER.getFactory().createGenerator(out)) {
            write(r, gen);
        }
        out.write("\n");
        out.flush();
    }

    /**
     * The report in UTF-8, as a file holds it. Written as bytes by Jackson, not through a {@code
     * Writer}: text from an agent can hold a lone surrogate (from an escaped one in JSON it wrote, or
     * in a harness's message), which Jackson writes as its escape, where a UTF-8 {@code Writer}
     * refused it and the run's end failed with every report unwritten.
     */
    static void write(EvaluationReport r, OutputStream out) throws IOException {
        try (JsonGenerator gen = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            write(r, gen);
        }
        out.write('\n');
        out.flush();
    }

    /** {@link #write(EvaluationReport, OutputStream)} into an array. */
    static byte[] utf8(EvaluationReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            write(r, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(EvaluationReport r, JsonGenerator gen) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", EvaluationReport.SCHEMA_VERSION);
        ArrayNode packs = root.putArray("packs");
        for (PackRef p : r.packs()) {
            packs.addObject().put("name", p.name()).put("version", p.version()).put("digest", p.digest());
        }
        root.put("harness", r.harness());
        root.put("sandbox", r.sandbox());
        root.put("trials", r.trials());
        root.put("seed", r.seed());
        root.put("shard", r.shard());
        root.put("partial", r.partial());
        root.put("startedAt", r.startedAt().toString());
        root.put("durationMs", r.duration().toMillis());
        estimate(root.putObject("fullPassRate"), r.fullPassRate());
        estimate(root.putObject("meanScore"), r.meanScore());
        ObjectNode trials = root.putObject("trialStatistics");
        for (int k = 1; k <= r.trials(); k++) {
            number(trials, "passAt" + k, r.passAtK(k));
            number(trials, "passHat" + k, r.passHatK(k));
        }
        number(trials, "flipShare", r.flipShare());
        ObjectNode counts = root.putObject("outcomes");
        for (Outcome o : Outcome.values()) {
            counts.put(o.name(), r.count(o));
        }
        breakdowns(root.putArray("byTier"), r.byTier());
        breakdowns(root.putArray("byCluster"), r.byCluster());
        breakdowns(root.putArray("bySubfield"), r.bySubfield());
        breakdowns(root.putArray("bySocMajorGroup"), r.bySocMajorGroup());
        ArrayNode notRun = root.putArray("notRun");
        r.notRun().forEach(n -> notRun.addObject()
                .put("taskId", n.taskId())
                .put("trial", n.trial())
                .put("reason", n.reason()));
        gen.useDefaultPrettyPrinter();
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.writeStartObject();
        for (var f : root.properties()) {
            gen.writeFieldName(f.getKey());
            MAPPER.writeTree(gen, f.getValue());
        }
        gen.writeArrayFieldStart("superseded");
        for (AttemptResult a : r.superseded()) {
            MAPPER.writeTree(gen, AttemptJson.write(a));
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("attempts");
        for (AttemptResult a : r.attempts()) {
            MAPPER.writeTree(gen, AttemptJson.write(a));
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("warnings");
        for (String w : r.warnings()) {
            gen.writeString(w);
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    static Path writeTo(EvaluationReport r, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve("report.json");
        Path tmp = Files.createTempFile(directory, ".report-", ".json.tmp");
        try {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                write(r, o);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static void estimate(ObjectNode node, Estimate e) {
        if (e.isEmpty()) {
            node.putNull("value").putNull("low").putNull("high");
        } else {
            node.put("value", e.value()).put("low", e.low()).put("high", e.high());
        }
    }

    private static void breakdowns(ArrayNode array, List<Breakdown> rows) {
        for (Breakdown b : rows) {
            ObjectNode row = array.addObject();
            row.put("key", b.key()).put("n", b.n()).put("passed", b.passed()).put("errors", b.errors());
            estimate(row.putObject("fullPassRate"), b.fullPassRate());
            estimate(row.putObject("meanScore"), b.meanScore());
        }
    }
}
