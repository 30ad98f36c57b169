package dev.ale.cli.hostile;

import dev.ale.taskpack.TaskPackWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A one-task pack whose answer cannot be worked out, only found: an access code (a fresh random
 * token) that is in the hidden reference and the solution only. Sealed or not.
 *
 * @param dir   the pack directory
 * @param token the answer, {@code TOKEN-R} and 12 hex digits
 * @param key   the sealing key (a fresh random one), given to {@code ale} in its environment
 */
record SecretPack(Path dir, String token, String key) {
    static final String TASK = "secret-code";

    static SecretPack create(Path dir, boolean sealed) throws IOException {
        SecureRandom random = new SecureRandom();
        String token = "TOKEN-R" + HexFormat.of().formatHex(random.generateSeed(6));
        String key = "KEY" + HexFormat.of().formatHex(random.generateSeed(12));
        write(
                dir.resolve("pack.json"),
                """
                {"format": "ale-taskpack", "formatVersion": "1.0", "name": "secret", "version": "1.0.0",
                 "description": "an answer that can only be found", "license": "CC0-1.0",
                 "tasks": [{"id": "secret-code", "revision": 1, "digest": ""}]}
                """);
        write(
                dir.resolve("tasks/secret-code/task.json"),
                """
                {"id": "secret-code", "revision": 1, "title": "Find the access code",
                 "taxonomy": {"cluster": "business_finance", "subfield": "accounting", "soc": ["43-3031"]},
                 "tier": "near-term", "limits": {"timeout": "2m"},
                 "sessions": [{"instruction": "Write the access code to answer.txt."}],
                 "verifier": {"type": "text", "file": "answer.txt", "equalsFile": "answer.txt"}}
                """);
        write(dir.resolve("tasks/secret-code/inputs/readme.txt"), "The access code is not in this workspace.\n");
        write(dir.resolve("tasks/secret-code/reference/answer.txt"), token + "\n");
        write(dir.resolve("tasks/secret-code/solution/answer.txt"), token + "\n");
        TaskPackWriter.updateDigests(dir);
        if (sealed) {
            TaskPackWriter.sealReferences(dir, key.toCharArray());
        }
        return new SecretPack(dir, token, key);
    }

    private static void write(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
