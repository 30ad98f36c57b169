package dev.ale.api;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ale.api.task.Limits;
import dev.ale.api.task.Taxonomy;
import dev.ale.api.task.Tier;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What the harness may know about the task it works on: identity, taxonomy, tier, limits, the
 * number of sessions and visible metadata. Never the verifier configuration or the reference.
 */
@API(status = STABLE)
public record TaskView(
        String id,
        int revision,
        String title,
        Taxonomy taxonomy,
        Tier tier,
        Limits limits,
        int sessions,
        JsonNode metadata) {
    public TaskView {
        Objects.requireNonNull(id, "id");
        metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata.deepCopy();
    }

    /** A copy of the visible metadata. */
    @Override
    public JsonNode metadata() {
        return metadata.deepCopy();
    }
}
