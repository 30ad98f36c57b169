package dev.ale.samples.packgen;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The files of one generated task, by path relative to its {@code tasks/<id>/} folder, together
 * with the fields of its {@code task.json}. Task generators fill one in; the pack generator writes it.
 */
@API(status = EXPERIMENTAL)
public final class TaskFiles {
    /** The visible identity of a task: what goes into task.json besides sessions and verifier. */
    @API(status = EXPERIMENTAL)
    public record Meta(
            String id,
            String title,
            String cluster,
            String subfield,
            List<String> soc,
            String tier,
            String timeout,
            int maxSteps,
            double maxCostUsd) {
        public Meta {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(subfield, "subfield");
            soc = List.copyOf(soc);
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    private final Meta meta;
    private final SortedMap<String, byte[]> files = new TreeMap<>();

    public TaskFiles(Meta meta) {
        this.meta = meta;
    }

    public String id() {
        return meta.id();
    }

    /** The task's visible identity. */
    public Meta meta() {
        return meta;
    }

    /** Adds a file; a path may be given only once. */
    public void put(String path, byte[] content) {
        if (files.putIfAbsent(path, content.clone()) != null) {
            throw new IllegalStateException("task " + meta.id() + ": file " + path + " generated twice");
        }
    }

    /** Writes task.json from the meta, the session instructions, the verifier and the seed it came from. */
    void putTaskJson(List<String> instructions, JsonNode verifier, long seed) {
        putTaskJson(
                instructions,
                verifier,
                "Synthetic task of the ALE SDK sample pack, written by "
                        + "dev.ale.samples.packgen.SamplePackGenerator with seed " + seed
                        + ". All people, companies, products and figures are fictional.");
    }

    /** Writes task.json from the meta, the session instructions, the verifier and a note on its source. */
    public void putTaskJson(List<String> instructions, JsonNode verifier, String source) {
        ObjectNode task = Formats.object();
        task.put("id", meta.id());
        task.put("revision", 1);
        task.put("title", meta.title());
        ObjectNode taxonomy = task.putObject("taxonomy");
        taxonomy.put("cluster", meta.cluster());
        taxonomy.put("subfield", meta.subfield());
        ArrayNode soc = taxonomy.putArray("soc");
        meta.soc().forEach(soc::add);
        task.put("tier", meta.tier());
        ObjectNode limits = task.putObject("limits");
        limits.put("timeout", meta.timeout());
        limits.put("maxSteps", meta.maxSteps());
        limits.put("maxCostUsd", meta.maxCostUsd());
        ArrayNode sessions = task.putArray("sessions");
        instructions.forEach(text -> sessions.addObject().put("instruction", text));
        task.set("verifier", verifier);
        task.put("passThreshold", 1.0);
        task.putObject("metadata").put("source", source);
        put("task.json", Formats.json(task));
    }

    /** The files, sorted by path. */
    public SortedMap<String, byte[]> files() {
        return Collections.unmodifiableSortedMap(files);
    }
}
