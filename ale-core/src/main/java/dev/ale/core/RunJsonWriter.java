package dev.ale.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.task.PackRef;
import dev.ale.api.task.Task;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * Builds {@code run.json}: what was run (SDK version, packs, every selected task's digest), with
 * what (harness name and description, options, Java, OS), and the sessions the run took.
 */
final class RunJsonWriter {
    /** The SDK version, from the build. */
    static final String SDK_VERSION = readVersion();

    private RunJsonWriter() {}

    /**
     * @param previous       the run.json of an earlier session, or null
     * @param segmentStarted when this session started
     * @param segmentLength  how long this session took, or null while it runs
     */
    static ObjectNode write(RunConfig c, JsonNode previous, Instant segmentStarted, Duration segmentLength) {
        ObjectNode root = RunFiles.MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("sdkVersion", SDK_VERSION);
        ArrayNode packs = root.putArray("packs");
        for (PackRef p : c.packs()) {
            packs.addObject().put("name", p.name()).put("version", p.version()).put("digest", p.digest());
        }
        ArrayNode tasks = root.putArray("tasks");
        for (Task t : c.tasks()) {
            tasks.addObject()
                    .put("id", t.id())
                    .put("revision", t.spec().revision())
                    .put("digest", t.digest())
                    .put("pack", t.pack().name());
        }
        root.putObject("harness").put("name", c.harnessName()).put("description", c.harnessDescription());
        ObjectNode options = root.putObject("options");
        options.put("trials", c.trials())
                .put("parallelism", c.parallelism())
                .put("sandbox", c.sandboxes().name())
                .put("seed", c.seed())
                .put("maxRetries", c.maxRetries())
                .put("retryBackoffMs", c.retryBackoff().toMillis())
                .put("interruptGraceMs", c.interruptGrace().toMillis())
                .put("verifierTimeoutMs", c.verifierTimeout().toMillis())
                .put("artifactCapBytes", c.artifactCapBytes())
                .put("runCostLimitUsd", c.runCostLimitUsd())
                .put("referenceKeyGiven", c.referenceKey().present())
                .put("judgeGiven", c.judge() != null)
                .put("commandVerifiersAllowed", c.commandVerifiersAllowed());
        if (c.timeout() != null) {
            options.put("timeoutOverrideMs", c.timeout().toMillis());
        }
        if (c.runTimeLimit() != null) {
            options.put("runTimeLimitMs", c.runTimeLimit().toMillis());
        }
        options.putObject("shard").put("index", c.shardIndex()).put("count", c.shardCount());
        root.putObject("java")
                .put("version", System.getProperty("java.version"))
                .put("vendor", System.getProperty("java.vendor"));
        root.putObject("os")
                .put("name", System.getProperty("os.name"))
                .put("arch", System.getProperty("os.arch"))
                .put("processors", Runtime.getRuntime().availableProcessors());
        String firstStart = previous != null && previous.hasNonNull("startedAt")
                ? previous.get("startedAt").asText()
                : segmentStarted.toString();
        root.put("startedAt", firstStart);
        ArrayNode segments = root.putArray("segments");
        if (previous != null) {
            for (JsonNode s : previous.path("segments")) {
                if (!s.path("startedAt").asText().equals(segmentStarted.toString())) {
                    segments.add(s);
                }
            }
        }
        ObjectNode current = segments.addObject().put("startedAt", segmentStarted.toString());
        if (segmentLength != null) {
            current.put("durationMs", segmentLength.toMillis());
        }
        return root;
    }

    private static String readVersion() {
        try (InputStream in = RunJsonWriter.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
