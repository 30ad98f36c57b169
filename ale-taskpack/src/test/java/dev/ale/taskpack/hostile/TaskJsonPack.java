package dev.ale.taskpack.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.taskpack.PackFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A one-task pack directory whose {@code task.json} is whatever text a fuzz test hands it, with
 * {@code pack.json} recording the matching digest each time (computed by the contract's oracle, {@link PackFixture#digest}, not by
 * the code under test), so that the text reaches the binding of {@code task.json} and, when it
 * binds, the pack also verifies.
 */
final class TaskJsonPack {
    static final String ID = "fz";

    private final Path dir;

    private TaskJsonPack(Path dir) {
        this.dir = dir;
    }

    static TaskJsonPack in(Path dir) {
        return new TaskJsonPack(dir);
    }

    /** Writes {@code taskJson} and a matching manifest, then checks {@link PackProperty}; true if the pack opened. */
    boolean check(byte[] taskJson) {
        PackProperty.write(dir.resolve("tasks/" + ID + "/task.json"), taskJson);
        ObjectNode m = PackDir.JSON.createObjectNode();
        m.put("format", "ale-taskpack")
                .put("formatVersion", "1.0")
                .put("name", "fuzz")
                .put("version", "1.0.0");
        m.putArray("tasks")
                .addObject()
                .put("id", ID)
                .put("revision", 1)
                .put("digest", PackFixture.digest(dir.resolve("tasks/" + ID)));
        try {
            PackProperty.write(dir.resolve("pack.json"), PackDir.JSON.writeValueAsBytes(m));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean opened = PackProperty.openAndRead(dir);
        assertEquals(List.of("pack.json", "tasks"), PackProperty.names(dir), "nothing may appear in the pack");
        assertEquals(List.of(ID), PackProperty.names(dir.resolve("tasks")), "nothing may appear in the pack");
        return opened;
    }
}
