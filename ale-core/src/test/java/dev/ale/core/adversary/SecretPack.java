package dev.ale.core.adversary;

import dev.ale.taskpack.TaskPackWriter;
import dev.ale.testfixtures.PackFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A directory pack whose tasks each ask for {@code answer.txt} and score it against a reference
 * holding a secret no agent could guess ({@code secret-<id>-<16 hex digits>}).
 */
final class SecretPack {
    /** The verifier of every task: the answer must equal the reference file. */
    static final String VERIFIER = "{\"type\": \"%s\", \"file\": \"answer.txt\", \"equalsFile\": \"answer.txt\"}";

    private SecretPack() {}

    /** Writes the pack into {@code dir}; returns each task's secret by id. */
    static Map<String, String> write(Path dir, String verifierType, String... ids) throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String id : ids) {
            byte[] random = new byte[8];
            ThreadLocalRandom.current().nextBytes(random);
            String secret = "secret-" + id + "-" + HexFormat.of().formatHex(random);
            secrets.put(id, secret);
            Path task = PackFiles.taskJson(
                    dir, id, "Guess the secret", "Write the secret to answer.txt.", VERIFIER.formatted(verifierType));
            write(task.resolve("inputs/readme.txt"), "there is nothing to read here\n");
            write(task.resolve("reference/answer.txt"), secret);
            write(task.resolve("solution/answer.txt"), secret);
        }
        PackFiles.packJson(dir, "secrets", "tasks no agent can solve", List.of(ids));
        TaskPackWriter.updateDigests(dir);
        return secrets;
    }

    static void write(Path file, String text) throws IOException {
        PackFiles.write(file, text);
    }
}
