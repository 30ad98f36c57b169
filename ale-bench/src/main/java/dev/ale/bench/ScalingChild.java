package dev.ale.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The child JVM of the {@code scaling.launcher.*} figures: one level of {@link Scaling}, its first
 * run and its warm one, in a JVM started with the {@code ale} launcher's options. Arguments: sleep
 * in milliseconds, parallelism, attempts.
 */
final class ScalingChild {
    private ScalingChild() {}

    public static void main(String[] args) throws Exception {
        long sleep = Long.parseLong(args[0]);
        int p = Integer.parseInt(args[1]);
        int attempts = Integer.parseInt(args[2]);
        Scaling.Timed[] runs = Scaling.firstAndWarm(sleep, p, attempts);
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.set("first", json(runs[0]));
        line.set("warm", json(runs[1]));
        line.set("machine", new ObjectMapper().valueToTree(Machine.parameters()));
        ChildJvm.report(line);
    }

    private static ObjectNode json(Scaling.Timed t) {
        return new ObjectMapper()
                .createObjectNode()
                .put("sleep", t.sleep())
                .put("parallelism", t.parallelism())
                .put("attempts", t.attempts())
                .put("seconds", t.seconds())
                .put("threadStarts", t.threadStarts())
                .put("attemptsSeconds", t.attemptsSeconds())
                .put("passed", t.passed());
    }

    /** The child's own JVM as it reported it ({@link Machine#parameters()}). */
    static Map<String, Object> machine(JsonNode report) {
        JsonNode machine = report.path("machine");
        if (!machine.isObject()) {
            throw new IllegalStateException("the scaling child did not describe its JVM: " + report);
        }
        return new ObjectMapper().convertValue(machine, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    /** A run as the child reported it. */
    static Scaling.Timed timed(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalStateException("the scaling child reported no run: " + n);
        }
        return new Scaling.Timed(
                n.path("sleep").asLong(),
                n.path("parallelism").asInt(),
                n.path("attempts").asInt(),
                n.path("seconds").asDouble(),
                n.path("threadStarts").asLong(),
                n.path("attemptsSeconds").asDouble(),
                n.path("passed").asLong());
    }
}
