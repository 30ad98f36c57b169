package dev.ale.taskpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@link TaskPackWriter} does: fills in digests, writes reproducible archives, both atomically. */
final class PackWriting {
    private PackWriting() {}

    static String updateDigests(Path packDirectory, PackOptions options) {
        try (DirectorySource source = directory(packDirectory)) {
            PackReader.Result read = PackReader.read(source, options, true);
            Map<String, String> digests = new LinkedHashMap<>();
            Map<String, Integer> revisions = new LinkedHashMap<>();
            for (TaskSpec spec : read.specs()) {
                String known = read.computed().get(spec.id());
                digests.put(spec.id(), known != null ? known : Digests.task(source, spec.id()));
                revisions.put(spec.id(), spec.revision());
            }
            ObjectNode manifest = read.manifestJson().deepCopy();
            List<ObjectNode> entries = new ArrayList<>();
            for (JsonNode old : (ArrayNode) manifest.get("tasks")) {
                String id = old.get("id").asText();
                ObjectNode entry = manifest.objectNode();
                entry.put("id", id);
                entry.put("revision", revisions.get(id));
                entry.put("digest", digests.get(id));
                old.properties().forEach(p -> entry.putIfAbsent(p.getKey(), p.getValue()));
                entries.add(entry);
            }
            entries.sort(Comparator.comparing(e -> e.get("id").asText(), Digests.UTF8_ORDER));
            manifest.putArray("tasks").addAll(entries);
            byte[] text = Json.pretty(manifest);
            Path file = source.root().resolve(Manifest.FILE);
            if (!Arrays.equals(text, Files.readAllBytes(file))) {
                replace(file, tmp -> Files.write(tmp, text));
            }
            return Digests.pack(digests);
        } catch (IOException e) {
            throw new TaskPackException(Manifest.FILE, "", "cannot rewrite in " + packDirectory + ": " + e, e);
        }
    }

    static void write(Path packDirectory, Path target, PackOptions options) {
        PackOpener.Kind kind = kind(target);
        try (DirectorySource source = directory(packDirectory)) {
            Path absolute = checkTarget(source, target);
            checkCurrent(source, options);
            replace(absolute, tmp -> ArchiveWriter.write(kind, source, tmp));
        } catch (IOException e) {
            throw new TaskPackException(target.toString(), "", "cannot write the archive: " + e, e);
        }
    }

    /** The kind of archive {@code target} names. */
    static PackOpener.Kind kind(Path target) {
        PackOpener.Kind kind = PackOpener.Kind.of(target);
        if (kind == null) {
            throw new TaskPackException(
                    target.toString(), "", "unknown kind of archive: expected .zip, .tar, .tar.gz or .tgz");
        }
        return kind;
    }

    /** The absolute target, after checking it is not inside the pack directory. */
    static Path checkTarget(DirectorySource source, Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || (Files.isDirectory(parent) && parent.toRealPath().startsWith(source.root()))) {
            throw new TaskPackException(
                    target.toString(), "", "the archive cannot be written inside the pack directory");
        }
        return absolute;
    }

    /** Validates the pack and checks that every task's files give the digest recorded in pack.json. */
    static void checkCurrent(DirectorySource source, PackOptions options) {
        PackReader.Result read = PackReader.read(source, options, false);
        for (Manifest.Entry t : read.manifest().tasks()) {
            String actual = Digests.task(source, t.id());
            if (!actual.equals(t.digest())) {
                throw PackTask.mismatch(t.id(), t.digest(), actual);
            }
        }
    }

    static DirectorySource directory(Path packDirectory) {
        if (!Files.isDirectory(packDirectory)) {
            throw new TaskPackException(packDirectory.toString(), "", "not a pack directory");
        }
        return DirectorySource.scan(packDirectory);
    }

    /** Something that fills a temporary file. */
    @FunctionalInterface
    interface Filler {
        void fill(Path tmp) throws IOException;
    }

    /** Writes a temporary file beside {@code target} and moves it into place; on failure nothing is left. */
    static void replace(Path target, Filler filler) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            filler.fill(tmp);
            if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(
                        tmp,
                        Files.exists(target)
                                ? Files.getPosixFilePermissions(target)
                                : PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
