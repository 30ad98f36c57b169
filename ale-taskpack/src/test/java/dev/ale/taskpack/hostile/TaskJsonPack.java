package dev.ale.taskpack.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A one-task pack directory whose {@code task.json} is whatever text a fuzz test hands it, with
 * {@code pack.json} recording the matching digest each time (computed here by the contract, not by
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
        m.putArray("tasks").addObject().put("id", ID).put("revision", 1).put("digest", digest(taskJson));
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

    /** The contract's digest of a task folder that holds only {@code task.json}. */
    private static String digest(byte[] taskJson) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("task.json".getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(ByteBuffer.allocate(8).putLong(taskJson.length).array());
            sha.update(taskJson);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
