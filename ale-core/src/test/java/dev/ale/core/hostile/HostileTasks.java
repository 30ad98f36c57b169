package dev.ale.core.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.task.Limits;
import dev.ale.api.task.PackRef;
import dev.ale.api.task.SessionSpec;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPart;
import dev.ale.api.task.TaskSpec;
import dev.ale.api.task.Taxonomy;
import dev.ale.api.task.Tier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tasks held in memory, built through the public API only, for the hostile runs: each has a
 * verifier configuration given as JSON text, a timeout, a step cap, and files per part.
 */
final class HostileTasks {
    static final ObjectMapper JSON = new ObjectMapper();
    static final PackRef PACK = new PackRef("hostile-pack", "1.0.0", "0".repeat(64));
    /** The default verifier: {@code answer.txt} must hold exactly {@code 42}. */
    static final String ANSWER_42 = "{\"type\": \"text\", \"file\": \"answer.txt\", \"equals\": \"42\"}";

    private HostileTasks() {}

    /** A task of the hostile runs; its files live in maps. */
    static final class MemoryTask implements Task {
        private final TaskSpec spec;
        private final Map<TaskPart, Map<String, byte[]>> files = new HashMap<>();

        MemoryTask(TaskSpec spec) {
            this.spec = spec;
        }

        MemoryTask file(TaskPart part, String path, String content) {
            files.computeIfAbsent(part, p -> new TreeMap<>()).put(path, content.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        @Override
        public TaskSpec spec() {
            return spec;
        }

        @Override
        public String digest() {
            return "d".repeat(64);
        }

        @Override
        public PackRef pack() {
            return PACK;
        }

        @Override
        public List<TaskFile> files(TaskPart part) {
            List<TaskFile> out = new ArrayList<>();
            files.getOrDefault(part, Map.of())
                    .forEach((path, content) -> out.add(new TaskFile() {
                        @Override
                        public String path() {
                            return path;
                        }

                        @Override
                        public long size() {
                            return content.length;
                        }

                        @Override
                        public InputStream open() {
                            return new ByteArrayInputStream(content);
                        }
                    }));
            return out;
        }
    }

    /** A one-session task scored by {@link #ANSWER_42}, with the given timeout and no step cap. */
    static MemoryTask task(String id, Duration timeout) {
        return task(id, timeout, 0, ANSWER_42, 1);
    }

    /** A task with the given limits, verifier configuration (JSON text) and number of sessions. */
    static MemoryTask task(String id, Duration timeout, int maxSteps, String verifier, int sessions) {
        List<SessionSpec> list = new ArrayList<>();
        for (int i = 1; i <= sessions; i++) {
            list.add(new SessionSpec(i, "Session " + i + " of " + id + ": write 42 into answer.txt."));
        }
        TaskSpec spec = new TaskSpec(
                id,
                1,
                "Hostile " + id,
                new Taxonomy("business_finance", "accounting", List.of("13-2011")),
                Tier.NEAR_TERM,
                new Limits(timeout, maxSteps, 0),
                list,
                json(verifier),
                1.0,
                null);
        return new MemoryTask(spec).file(TaskPart.INPUTS, "question.txt", "What is 6 x 7?");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
