package dev.ale.core;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.io.ByteStreams;
import dev.ale.api.Step;
import dev.ale.api.Usage;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    static final int ZIP_BUFFER = 8 * 1024;
    static final String TRUNCATED = "ALE-TRUNCATED.txt";
    /** Every zip entry's time, 1980-01-01, so that the same workspace gives the same zip. */
    private static final long ZIP_TIME = 315532800000L;

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
        FileTrees.folder(target.getParent());
        writeInto(target, content);
    }

    /** {@link #writeAtomically} into a folder that exists. */
    static void writeInto(Path target, byte[] content) throws IOException {
        writeInto(target, out -> out.write(content));
    }

    /**
     * Writes {@code files} (by name) into the folder {@code dir}, so that no half-written folder
     * or file is ever seen there. A new folder is written under a temporary name beside it and renamed
     * into place: one rename for all its files. Into a folder that exists (a run exported again),
     * each file is written atomically, and the folder's other files stay. A link in the folder's
     * place is removed, not followed; any other file there fails the write.
     */
    static void writeFolder(Path dir, Map<String, byte[]> files) throws IOException {
        FileTrees.folder(dir.getParent());
        if (Files.isSymbolicLink(dir)) {
            // planted by whoever else can write the run directory (an agent of the local sandbox):
            // the link itself goes, and the folder is written in its place, never through it
            Files.delete(dir);
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Path tmp = temporary(dir);
            Files.createDirectory(tmp);
            boolean moved = false;
            try {
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    Files.write(tmp.resolve(f.getKey()), f.getValue(), StandardOpenOption.CREATE_NEW);
                }
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                moved = true;
                return;
            } finally {
                if (!moved) {
                    deleteFolder(tmp);
                }
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemException(dir.toString(), null, "not a folder: ALE's files of an attempt go there");
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            writeInto(dir.resolve(f.getKey()), f.getValue());
        }
    }

    /** Deletes a temporary folder of plain files that this process made; never throws. */
    private static void deleteFolder(Path folder) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // left in the run directory under its temporary name: never read as a result
        }
    }

    /** What goes into a file written atomically. */
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} to a temporary file beside {@code target}, in a folder that exists, and
     * renames it into place; nothing is left behind when writing fails.
     */
    private static void writeInto(Path target, Content content) throws IOException {
        Path tmp = temporary(target);
        boolean moved = false;
        try {
            try (OutputStream out =
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
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

    /**
     * Writes the steps as JSON lines: {@code {"at","kind","session","name","text","usage"}}, made in
     * memory and written at once, atomically.
     */
    static void writeTrajectory(Path file, List<Step> steps, long dropped) throws IOException {
        // bytes from Jackson, not a String encoded after: a lone surrogate in an agent's text is
        // written as its escape and reads back the same, where String.getBytes made it '?'
        ByteArrayOutputStream lines = new ByteArrayOutputStream(128 * steps.size() + 64);
        try (JsonGenerator gen = LINES.getFactory().createGenerator(lines, JsonEncoding.UTF8)) {
            gen.setRootValueSeparator(null);
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
                LINES.writeTree(gen, n);
                gen.writeRaw('\n');
            }
            if (dropped > 0) {
                LINES.writeTree(
                        gen, LINES.createObjectNode().put("kind", "DROPPED").put("count", dropped));
                gen.writeRaw('\n');
            }
        }
        writeAtomically(file, lines.toByteArray());
    }

    /**
     * Reads a trajectory written by {@link #writeTrajectory}; a missing file is an empty trajectory.
     * Anything but a plain file in its place (a link, a folder, or a FIFO, whose open would wait for a
     * writer forever: an agent of the {@code local} sandbox can put one there) is an error that names
     * it, and is not opened; a link put in its place after that check is not followed (a FIFO put
     * there between the check and the open, by a process still running, would still be waited on).
     */
    static List<Step> readTrajectory(Path file) throws IOException {
        List<Step> steps = new ArrayList<>();
        BasicFileAttributes attrs = attributes(file);
        if (attrs == null) {
            return steps;
        }
        if (!attrs.isRegularFile()) {
            throw new FileSystemException(
                    file.toString(),
                    null,
                    "not a plain file, so not read as the attempt's trajectory (put there by"
                            + " whoever else can write the run directory?)");
        }
        List<String> lines;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), StandardCharsets.UTF_8.newDecoder()))) {
            lines = in.lines().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (int i = 0; i < lines.size(); i++) {
            try {
                Step step = step(LINES.readTree(lines.get(i)));
                if (step != null) {
                    steps.add(step);
                }
            } catch (IOException | RuntimeException e) {
                // a line changed since the run wrote it (by whoever else can write the run directory):
                // an error that names it, which the run's end turns into a warning, not a failure
                throw new IOException(
                        file + ": line " + (i + 1) + " is not a step as the run wrote it: " + e.getMessage(), e);
            }
        }
        return steps;
    }

    /** The step of one trajectory line, or null for the line that counts dropped steps. */
    private static @Nullable Step step(JsonNode n) {
        if (n.path("kind").asText().equals("DROPPED") || !n.has("at")) {
            return null;
        }
        JsonNode u = n.path("usage");
        return new Step(
                InstantText.parse(n.path("at").asText()),
                Step.Kind.valueOf(n.path("kind").asText()),
                n.path("name").asText(""),
                n.path("text").asText(""),
                new Usage(
                        u.path("inputTokens").asLong(),
                        u.path("outputTokens").asLong(),
                        u.path("costUsd").asDouble()),
                n.path("session").asInt(1));
    }

    /**
     * Zips the workspace (regular files only, links never followed, sorted, fixed timestamps) up to
     * {@code capBytes} of content into {@code file}, atomically; what does not fit is listed in
     * {@code ALE-TRUNCATED.txt}.
     */
    static void writeArtifacts(Path file, Path workspace, long capBytes) throws IOException {
        FileTrees.folder(file.getParent());
        writeInto(file, out -> zipWorkspace(workspace, capBytes, out));
    }

    /**
     * The zip of {@link #writeArtifacts}, written to {@code out} through a buffer of {@value
     * #ZIP_BUFFER} bytes: {@code ZipOutputStream} writes its headers a byte at a time and its
     * deflated data in 512-byte pieces, each a system call on a file's stream.
     */
    static void zipWorkspace(Path workspace, long capBytes, OutputStream out) throws IOException {
        zipFiles(regularFiles(workspace), capBytes, out);
    }

    /** The regular files under {@code workspace} by their relative names, sorted; links are not followed. */
    static TreeMap<String, Path> regularFiles(Path workspace) throws IOException {
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
        return files;
    }

    /**
     * Zips {@code files} (found by {@link #regularFiles}) up to {@code capBytes}. A file is read
     * without following links, and no further than the size it had when checked against the cap: one replaced by a
     * link since (an agent's process still at work in its workspace) is listed as not kept, never read
     * through, and one that grows is kept as it was, so the cap holds.
     */
    static void zipFiles(TreeMap<String, Path> files, long capBytes, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, ZIP_BUFFER))) {
            long written = 0;
            StringBuilder skipped = new StringBuilder();
            for (var e : files.entrySet()) {
                abandonedAtItsDeadline();
                BasicFileAttributes attrs = attributes(e.getValue());
                long size = attrs == null ? 0 : attrs.size();
                InputStream in = written + size > capBytes || attrs == null || !attrs.isRegularFile()
                        ? null
                        : openRegular(e.getValue());
                if (in == null) {
                    skipped.append(e.getKey()).append(" (").append(size).append(" bytes)\n");
                    continue;
                }
                try (in) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    entry.setTime(ZIP_TIME);
                    zip.putNextEntry(entry);
                    ByteStreams.limit(in, size).transferTo(zip); // what was listed: not what grows meanwhile
                    zip.closeEntry();
                }
                written += size;
            }
            abandonedAtItsDeadline();
            if (skipped.length() > 0) {
                ZipEntry note = new ZipEntry(TRUNCATED);
                note.setTime(ZIP_TIME);
                zip.putNextEntry(note);
                zip.write(("Not kept: over the artefact cap of " + capBytes + " bytes\n" + skipped)
                        .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /**
     * Stops a zip whose thread was interrupted: the watchdog ended it at its deadline and the attempt
     * went on without it, so no zip may appear later (the temporary file is removed).
     */
    private static void abandonedAtItsDeadline() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("the artefact zip was ended at its deadline");
        }
    }

    /** The file's own attributes (a link's, not its target's), or null when it is gone. */
    private static @Nullable BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) {
            return null;
        }
    }

    /** The file opened without following a link (a link put in its place since is refused), or null. */
    private static @Nullable InputStream openRegular(Path file) {
        try {
            return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException refused) {
            return null;
        }
    }
}
