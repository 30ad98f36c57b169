package dev.ale.samples.packgen;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The cards of a generated pack's tasks (each task's id, title, taxonomy, tier and limits), read
 * from a JSON resource beside the generator: an array of {@link TaskFiles.Meta} objects, so that
 * the tasks' metadata is data kept in one place rather than repeated in every task generator.
 */
@API(status = EXPERIMENTAL)
public final class Cards {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

    private final String resource;
    private final Map<String, TaskFiles.Meta> byId = new LinkedHashMap<>();

    private Cards(String resource, List<TaskFiles.Meta> cards) {
        this.resource = resource;
        for (TaskFiles.Meta card : cards) {
            if (byId.putIfAbsent(card.id(), card) != null) {
                throw new IllegalStateException(resource + ": two cards for task " + card.id());
            }
        }
    }

    /**
     * Reads the cards of {@code resource}, a name relative to {@code anchor}'s package.
     *
     * @throws IllegalStateException if the resource is missing, malformed or names a task twice
     */
    public static Cards read(Class<?> anchor, String resource) {
        String name = anchor.getPackageName().replace('.', '/') + "/" + resource;
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(name + ": no such resource");
            }
            return new Cards(name, MAPPER.readValue(in, new TypeReference<List<TaskFiles.Meta>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": not a list of task cards", e);
        }
    }

    /**
     * The card of the task {@code id}.
     *
     * @throws IllegalArgumentException if there is none
     */
    public TaskFiles.Meta get(String id) {
        TaskFiles.Meta card = byId.get(id);
        if (card == null) {
            throw new IllegalArgumentException(resource + ": no card for task " + id);
        }
        return card;
    }

    /** The task ids, in the order of the resource. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
