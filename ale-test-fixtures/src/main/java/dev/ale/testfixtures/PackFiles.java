package dev.ale.testfixtures;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Writes small task packs as folders for tests: a {@code pack.json} listing tasks with empty digests
 * (the caller fills them in with {@code TaskPackWriter.updateDigests}) and one-session
 * {@code task.json} files in one accounting cluster with a two-minute timeout.
 */
@API(status = INTERNAL)
public final class PackFiles {
    private PackFiles() {}

    /** Writes {@code dir/pack.json}: version 1.0.0, license CC0-1.0, the given task ids at revision 1. */
    public static void packJson(Path dir, String name, String description, List<String> ids) throws IOException {
        StringBuilder tasks = new StringBuilder();
        for (String id : ids) {
            tasks.append(tasks.length() == 0 ? "" : ", ")
                    .append("{\"id\": \"")
                    .append(id)
                    .append("\", \"revision\": 1, \"digest\": \"\"}");
        }
        write(
                dir.resolve("pack.json"),
                """
                {"format": "ale-taskpack", "formatVersion": "1.0", "name": "%s", "version": "1.0.0",
                 "description": "%s", "license": "CC0-1.0", "tasks": [%s]}
                """
                        .formatted(name, description, tasks));
    }

    /**
     * Writes {@code dir/tasks/<id>/task.json} of a one-session task with the given title,
     * instruction and verifier (a JSON object); returns the task's folder.
     */
    public static Path taskJson(Path dir, String id, String title, String instruction, String verifier)
            throws IOException {
        Path task = dir.resolve("tasks").resolve(id);
        write(
                task.resolve("task.json"),
                """
                {"id": "%s", "revision": 1, "title": "%s",
                 "taxonomy": {"cluster": "business_finance", "subfield": "accounting", "soc": ["43-3031"]},
                 "tier": "near-term", "limits": {"timeout": "2m"},
                 "sessions": [{"instruction": "%s"}],
                 "verifier": %s}
                """
                        .formatted(id, title, instruction, verifier));
        return task;
    }

    /** Writes {@code text} (UTF-8) to {@code file}, making its folders. */
    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
