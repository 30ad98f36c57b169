package dev.ale.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.task.Limits;
import dev.ale.api.task.PackRef;
import dev.ale.api.task.SessionSpec;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskPart;
import dev.ale.api.task.TaskSpec;
import dev.ale.api.task.Taxonomy;
import dev.ale.api.task.Tier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** In-memory tasks and a tiny verifier registry, so the runner is tested without packs on disk. */
public final class TestTasks {
    static final ObjectMapper JSON = new ObjectMapper();
    static final PackRef PACK = new PackRef("test-pack", "1.0.0", "0".repeat(64));

    private TestTasks() {}

    /**
     * A task whose files live in maps; {@code broken} parts throw as a corrupt pack would. Public
     * for the tests of other packages ({@code hostile}), which build tasks through the public API.
     */
    public static class MemoryTask implements Task {
        private final TaskSpec spec;
        private final PackRef pack;
        private final Map<TaskPart, Map<String, byte[]>> files = new HashMap<>();
        private final Set<TaskPart> broken = new HashSet<>();
        private String digest = "d".repeat(64);

        public MemoryTask(TaskSpec spec) {
            this(spec, PACK);
        }

        public MemoryTask(TaskSpec spec, PackRef pack) {
            this.spec = spec;
            this.pack = pack;
        }

        public MemoryTask file(TaskPart part, String path, String content) {
            files.computeIfAbsent(part, p -> new TreeMap<>()).put(path, content.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        MemoryTask digest(String newDigest) {
            this.digest = newDigest;
            return this;
        }

        MemoryTask broken(TaskPart part) {
            broken.add(part);
            return this;
        }

        @Override
        public TaskSpec spec() {
            return spec;
        }

        @Override
        public String digest() {
            return digest;
        }

        @Override
        public PackRef pack() {
            return pack;
        }

        @Override
        public List<TaskFile> files(TaskPart part) {
            if (broken.contains(part)) {
                throw new TaskPackException("tasks/" + spec.id() + "/" + part.folder(), "", "digest mismatch");
            }
            List<TaskFile> out = new ArrayList<>();
            files.getOrDefault(part, Map.of()).forEach((path, content) -> out.add(TaskFile.of(path, content)));
            return out;
        }
    }

    /** A spec with the given sessions and a {@code file-equals} verifier of {@code answer.txt}. */
    public static TaskSpec spec(
            String id, Tier tier, String cluster, Duration timeout, int maxSteps, String... instructions) {
        List<SessionSpec> sessions = new ArrayList<>();
        for (int i = 0; i < instructions.length; i++) {
            sessions.add(new SessionSpec(i + 1, instructions[i]));
        }
        JsonNode verifier = JSON.createObjectNode().put("type", "file-equals").put("file", "answer.txt");
        return new TaskSpec(
                id,
                1,
                "Task " + id,
                new Taxonomy(cluster, "accounting", List.of("13-2011")),
                tier,
                new Limits(timeout, maxSteps, 0),
                sessions,
                verifier,
                1.0,
                null);
    }

    /** The spec with another verifier type (for the {@code throws} and {@code hangs} verifiers). */
    static TaskSpec withVerifier(TaskSpec s, String type) {
        return withVerifier(s, JSON.createObjectNode().put("type", type));
    }

    /** The spec with another verifier configuration. */
    public static TaskSpec withVerifier(TaskSpec s, JsonNode config) {
        return new TaskSpec(
                s.id(),
                s.revision(),
                s.title(),
                s.taxonomy(),
                s.tier(),
                s.limits(),
                s.sessions(),
                config,
                s.passThreshold(),
                s.metadata());
    }

    /** A task with the given verifier configuration (JSON text) and reference answer {@code 42}. */
    static MemoryTask withConfig(String id, String verifierJson) {
        JsonNode config;
        try {
            config = JSON.readTree(verifierJson);
        } catch (IOException e) {
            throw new IllegalArgumentException(verifierJson, e);
        }
        return new MemoryTask(withVerifier(task(id, "42").spec(), config)).file(TaskPart.REFERENCE, "answer.txt", "42");
    }

    /** A one-session task ("go") with the given timeout and step cap whose reference answer is {@code 42}. */
    static MemoryTask goTask(String id, Duration timeout, int maxSteps) {
        return new MemoryTask(spec(id, Tier.NEAR_TERM, "business_finance", timeout, maxSteps, "go"))
                .file(TaskPart.REFERENCE, "answer.txt", "42");
    }

    /** A task whose reference answer is {@code answer}. */
    static MemoryTask task(String id, String answer) {
        return new MemoryTask(
                        spec(id, Tier.NEAR_TERM, "business_finance", Duration.ofSeconds(30), 0, "Write the answer."))
                .file(TaskPart.INPUTS, "question.txt", "What is 6 x 7?")
                .file(TaskPart.REFERENCE, "answer.txt", answer);
    }

    /**
     * Registry with {@code file-equals} (output file equals the reference file: 1, else 0; missing:
     * gate), {@code throws} and {@code hangs}.
     */
    static VerifierFactories registry() {
        return new VerifierFactories() {
            @Override
            public Verifier create(JsonNode config, String pointer) {
                String type = config.path("type").asText();
                switch (type) {
                    case "file-equals": {
                        String file = config.path("file").asText();
                        return ctx -> {
                            Path out = ctx.output().resolve(file);
                            if (!Files.exists(out)) {
                                return Verdict.gateFailed(
                                        file + " missing", List.of(Check.fail(file, "present", "missing")));
                            }
                            String expected = Files.readString(ctx.reference().resolve(file))
                                    .trim();
                            String actual = Files.readString(out).trim();
                            return expected.equals(actual)
                                    ? Verdict.of(1, "equal", List.of(Check.pass(file, expected, actual)))
                                    : Verdict.of(0, "different", List.of(Check.fail(file, expected, actual)));
                        };
                    }
                    case "throws":
                        return ctx -> {
                            throw new IllegalStateException("verifier bug");
                        };
                    case "hangs":
                        return ctx -> {
                            while (true) {
                                Thread.onSpinWait();
                            }
                        };
                    default:
                        throw new VerifierConfigException(pointer + "/type", "unknown verifier type '" + type + "'");
                }
            }

            @Override
            public Set<String> types() {
                return Set.of("file-equals", "throws", "hangs");
            }
        };
    }
}
