package dev.ale.bench;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Tiny in-memory tasks for the runner figures: one session, one 16-byte input file
 * ({@code in.txt}) and the verifier {@code {"type": "file-exists", "paths": ["out.txt"]}}, so an
 * attempt costs what the runner costs and nothing else.
 */
final class BenchTasks {
    /** The file the verifier looks for; a harness that writes it passes. */
    static final String OUTPUT = "out.txt";

    static final String INPUT = "in.txt";
    private static final byte[] INPUT_BYTES = "sixteen bytes..\n".getBytes(StandardCharsets.US_ASCII);
    private static final JsonNode VERIFIER = verifier();

    private BenchTasks() {}

    /** {@code count} tiny tasks named {@code <prefix>-<n>}, of a pack named {@code bench-<prefix>}. */
    static List<Task> tiny(String prefix, int count) {
        PackRef pack = new PackRef(
                "bench-" + prefix, "1.0.0", sha256(("pack " + prefix + " " + count).getBytes(StandardCharsets.UTF_8)));
        Taxonomy taxonomy = new Taxonomy("business_finance", "accounting", List.of("13-2011"));
        List<Task> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "%s-%06d", prefix, i);
            TaskSpec spec = new TaskSpec(
                    id,
                    1,
                    "Benchmark task " + i,
                    taxonomy,
                    Tier.values()[i % Tier.values().length],
                    Limits.defaults(),
                    List.of(new SessionSpec(1, "Write " + OUTPUT + ".")),
                    VERIFIER,
                    1.0,
                    null);
            tasks.add(new InMemoryTask(
                    spec,
                    sha256((id + "\0" + new String(INPUT_BYTES, StandardCharsets.US_ASCII))
                            .getBytes(StandardCharsets.UTF_8)),
                    pack));
        }
        return List.copyOf(tasks);
    }

    /** A task whose only files are its inputs ({@code in.txt}); no reference, no sessions' files. */
    private record InMemoryTask(TaskSpec spec, String digest, PackRef pack) implements Task {
        private static final List<TaskFile> INPUTS = List.of(TaskFile.of(INPUT, INPUT_BYTES));

        @Override
        public List<TaskFile> files(TaskPart part) {
            return part.kind() == TaskPart.Kind.INPUTS ? INPUTS : List.of();
        }
    }

    private static JsonNode verifier() {
        ObjectMapper mapper = new ObjectMapper();
        var node = mapper.createObjectNode().put("type", "file-exists");
        node.putArray("paths").add(OUTPUT);
        return node;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
