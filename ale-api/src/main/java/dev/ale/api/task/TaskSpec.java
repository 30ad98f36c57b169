package dev.ale.api.task;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ale.api.TaskView;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The content of a task's {@code task.json}: identity, taxonomy, tier, limits, sessions, verifier
 * configuration and pass threshold. The JSON trees are copied in and out, so a spec cannot be
 * changed once built.
 *
 * @param id            the task id, unique within a pack ({@code [a-z0-9][a-z0-9._-]*})
 * @param revision      increases whenever the task's content changes meaningfully
 * @param title         a one-line title for people
 * @param taxonomy      cluster, subfield and SOC codes
 * @param tier          difficulty tier
 * @param limits        timeout, step and cost caps
 * @param sessions      at least one session, numbered 1..n in order
 * @param verifier      the verifier configuration ({@code {"type": ..., ...}})
 * @param passThreshold the score at or above which an attempt is a full pass, in (0, 1]
 * @param metadata      free-form visible metadata (an object; may be empty)
 */
@API(status = STABLE)
public record TaskSpec(
        String id,
        int revision,
        String title,
        Taxonomy taxonomy,
        Tier tier,
        Limits limits,
        List<SessionSpec> sessions,
        JsonNode verifier,
        double passThreshold,
        JsonNode metadata) {

    public TaskSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(limits, "limits");
        sessions = List.copyOf(sessions);
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("a task needs at least one session");
        }
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i).number() != i + 1) {
                throw new IllegalArgumentException("sessions must be numbered 1.." + sessions.size() + " in order");
            }
        }
        verifier = Objects.requireNonNull(verifier, "verifier").deepCopy();
        if (!(passThreshold > 0 && passThreshold <= 1)) {
            throw new IllegalArgumentException("passThreshold must be in (0, 1], got " + passThreshold);
        }
        metadata = metadata == null || (metadata.isObject() && metadata.isEmpty()) ? NO_METADATA : metadata.deepCopy();
    }

    /**
     * The metadata of every task that has none: one object for all, never handed out (the accessor
     * and {@link #view()} copy), so 20,000 tasks hold one empty object rather than 20,000.
     */
    private static final JsonNode NO_METADATA = JsonNodeFactory.instance.objectNode();

    /** A copy of the verifier configuration. */
    @Override
    public JsonNode verifier() {
        return verifier.deepCopy();
    }

    /** A copy of the visible metadata. */
    @Override
    public JsonNode metadata() {
        return metadata.deepCopy();
    }

    /** What a harness may see of this task: everything but the verifier configuration. */
    public TaskView view() {
        return new TaskView(id, revision, title, taxonomy, tier, limits, sessions.size(), metadata);
    }
}
