package dev.ale.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.Outcome;
import dev.ale.api.PackRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes {@code report.json}: a stable, documented layout built field by field. */
final class ReportJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    static String write(EvaluationReport r) {
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
        r.notRun().forEach(n -> notRun.addObject().put("taskId", n.taskId()).put("trial", n.trial())
                .put("reason", n.reason()));
        ArrayNode superseded = root.putArray("superseded");
        r.superseded().forEach(a -> superseded.add(AttemptJson.write(a)));
        ArrayNode attempts = root.putArray("attempts");
        for (AttemptResult a : r.attempts()) {
            attempts.add(AttemptJson.write(a));
        }
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeTo(EvaluationReport r, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve("report.json");
        Path tmp = Files.createTempFile(directory, ".report-", ".json.tmp");
        try {
            Files.writeString(tmp, write(r), StandardCharsets.UTF_8);
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
