package dev.ale.core.adversary;

import dev.ale.taskpack.TaskPackWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
        StringBuilder tasks = new StringBuilder();
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String id : ids) {
            tasks.append(tasks.length() == 0 ? "" : ", ")
                    .append("{\"id\": \"")
                    .append(id)
                    .append("\", \"revision\": 1, \"digest\": \"\"}");
            byte[] random = new byte[8];
            ThreadLocalRandom.current().nextBytes(random);
            String secret = "secret-" + id + "-" + HexFormat.of().formatHex(random);
            secrets.put(id, secret);
            Path task = dir.resolve("tasks").resolve(id);
            write(
                    task.resolve("task.json"),
                    """
                    {"id": "%s", "revision": 1, "title": "Guess the secret",
                     "taxonomy": {"cluster": "business_finance", "subfield": "accounting", "soc": ["43-3031"]},
                     "tier": "near-term", "limits": {"timeout": "2m"},
                     "sessions": [{"instruction": "Write the secret to answer.txt."}],
                     "verifier": %s}
                    """
                            .formatted(id, VERIFIER.formatted(verifierType)));
            write(task.resolve("inputs/readme.txt"), "there is nothing to read here\n");
            write(task.resolve("reference/answer.txt"), secret);
            write(task.resolve("solution/answer.txt"), secret);
        }
        write(
                dir.resolve("pack.json"),
                """
                {"format": "ale-taskpack", "formatVersion": "1.0", "name": "secrets", "version": "1.0.0",
                 "description": "tasks no agent can solve", "license": "CC0-1.0", "tasks": [%s]}
                """
                        .formatted(tasks));
        TaskPackWriter.updateDigests(dir);
        return secrets;
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
