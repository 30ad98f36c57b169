package dev.ale.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.Step;
import dev.ale.api.Usage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The files of a run directory besides the journal: {@code run.json}, the trajectories
 * ({@code trajectories/<task>/<trial>.jsonl}) and the artefacts
 * ({@code artifacts/<task>/<trial>.zip}). Every file is written to a temporary name and moved into
 * place, so a crash never leaves a half-written one.
 */
final class RunFiles {
    static final String RUN_JSON = "run.json";
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINES = new ObjectMapper();
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong TEMPORARIES = new AtomicLong();

    private RunFiles() {}

    static @Nullable JsonNode readRunJson(Path dir) throws IOException {
        Path file = dir.resolve(RUN_JSON);
        if (!Files.exists(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return MAPPER.readTree(in);
        }
    }

    static void writeRunJson(Path dir, ObjectNode runJson) throws IOException {
        writeAtomically(dir.resolve(RUN_JSON), MAPPER.writeValueAsBytes(runJson));
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        writeInto(target, content);
    }

    /** {@link #writeAtomically} into a folder that exists. */
    static void writeInto(Path target, byte[] content) throws IOException {
        Path tmp = temporary(target);
        boolean moved = false;
        try {
            Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    static Path trajectoryFile(Path dir, String taskId, int trial) {
        return dir.resolve("trajectories").resolve(taskId).resolve(trial + ".jsonl");
    }

    static Path artifactFile(Path dir, String taskId, int trial) {
        return dir.resolve("artifacts").resolve(taskId).resolve(trial + ".zip");
    }

    /**
     * A new name for the temporary file that becomes {@code target}: {@code .<name>.<pid>-<n>.tmp}
     * beside it, unique in this process by a counter (created with {@code CREATE_NEW}, so a name
     * taken by another process fails rather than being shared). Not {@code Files.createTempFile},
     * whose random names take a process-wide {@code SecureRandom} lock on every attempt.
     */
    static Path temporary(Path target) {
        return target.resolveSibling(
                "." + target.getFileName() + "." + PID + "-" + TEMPORARIES.incrementAndGet() + ".tmp");
    }

    /** Writes the steps as JSON lines: {@code {"at","kind","session","name","text","usage"}}. */
    static void writeTrajectory(Path file, List<Step> steps, long dropped) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = temporary(file);
        boolean moved = false;
        try {
            try (BufferedWriter w = Files.newBufferedWriter(
                    tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (Step s : steps) {
                    ObjectNode n = LINES.createObjectNode();
                    n.put("at", s.at().toString()).put("kind", s.kind().name()).put("session", s.session());
                    if (!s.name().isEmpty()) {
                        n.put("name", s.name());
                    }
                    if (!s.text().isEmpty()) {
                        n.put("text", s.text());
                    }
                    if (s.kind() == Step.Kind.USAGE) {
                        n.putObject("usage")
                                .put("inputTokens", s.usage().inputTokens())
                                .put("outputTokens", s.usage().outputTokens())
                                .put("costUsd", s.usage().costUsd());
                    }
                    w.write(LINES.writeValueAsString(n));
                    w.write('\n');
                }
                if (dropped > 0) {
                    w.write(LINES.writeValueAsString(
                            LINES.createObjectNode().put("kind", "DROPPED").put("count", dropped)));
                    w.write('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Reads a trajectory written by {@link #writeTrajectory}; a missing file is an empty trajectory. */
    static List<Step> readTrajectory(Path file) throws IOException {
        List<Step> steps = new ArrayList<>();
        if (!Files.exists(file)) {
            return steps;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode n = LINES.readTree(line);
            if (n.path("kind").asText().equals("DROPPED") || !n.has("at")) {
                continue;
            }
            JsonNode u = n.path("usage");
            steps.add(new Step(
                    Instant.parse(n.path("at").asText()),
                    Step.Kind.valueOf(n.path("kind").asText()),
                    n.path("name").asText(""),
                    n.path("text").asText(""),
                    new Usage(
                            u.path("inputTokens").asLong(),
                            u.path("outputTokens").asLong(),
                            u.path("costUsd").asDouble()),
                    n.path("session").asInt(1)));
        }
        return steps;
    }

    /**
     * The steps as {@link #readTrajectory} gives them back from the file {@link #writeTrajectory}
     * writes: a step's usage is kept only on a {@code USAGE} step.
     */
    static List<Step> asStored(List<Step> steps) {
        List<Step> stored = new ArrayList<>(steps.size());
        for (Step s : steps) {
            stored.add(
                    s.kind() == Step.Kind.USAGE || s.usage().equals(Usage.ZERO)
                            ? s
                            : new Step(s.at(), s.kind(), s.name(), s.text(), Usage.ZERO, s.session()));
        }
        return stored;
    }

    /**
     * Zips the workspace (regular files only, links never followed, sorted, fixed timestamps) up to
     * {@code capBytes} of content; what does not fit is listed in {@code ALE-TRUNCATED.txt}.
     */
    static void writeArtifacts(Path file, Path workspace, long capBytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = temporary(file);
        boolean moved = false;
        try {
            try (OutputStream out =
                            Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                TreeMap<String, Path> files = new TreeMap<>();
                Files.walkFileTree(workspace, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            files.put(workspace.relativize(f).toString().replace('\\', '/'), f);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path f, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
                long written = 0;
                StringBuilder skipped = new StringBuilder();
                for (var e : files.entrySet()) {
                    long size = Files.size(e.getValue());
                    if (written + size > capBytes || !Files.isRegularFile(e.getValue(), LinkOption.NOFOLLOW_LINKS)) {
                        skipped.append(e.getKey()).append(" (").append(size).append(" bytes)\n");
                        continue;
                    }
                    ZipEntry entry = new ZipEntry(e.getKey());
                    entry.setTime(315532800000L); // 1980-01-01, so the same workspace gives the same zip
                    zip.putNextEntry(entry);
                    Files.copy(e.getValue(), zip);
                    zip.closeEntry();
                    written += size;
                }
                if (skipped.length() > 0) {
                    ZipEntry note = new ZipEntry("ALE-TRUNCATED.txt");
                    note.setTime(315532800000L);
                    zip.putNextEntry(note);
                    zip.write(("Not kept: over the artefact cap of " + capBytes + " bytes\n" + skipped)
                            .getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
