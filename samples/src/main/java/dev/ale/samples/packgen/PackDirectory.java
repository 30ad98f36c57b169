package dev.ale.samples.packgen;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Writes a generated pack directory in one piece: the files go to a hidden directory beside the
 * target first and are moved into place, so a failure leaves the old pack as it was. Shared by
 * the generators of the sample and starter packs.
 */
@API(status = EXPERIMENTAL)
public final class PackDirectory {
    private PackDirectory() {}

    /**
     * Replaces the pack at {@code target} with {@code files} (by '/'-separated path within the pack).
     *
     * @param what names the pack in error messages, such as {@code sample pack}
     * @throws IllegalArgumentException if {@code target} exists and is neither empty nor a pack
     */
    public static void write(Path target, SortedMap<String, byte[]> files, String what) {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute) && !isEmptyOrPack(absolute)) {
                throw new IllegalArgumentException(
                        absolute + ": exists and is not a task pack (no pack.json); " + "refusing to replace it");
            }
            Files.createDirectories(absolute.getParent());
            Path staging = Files.createDirectory(freshSibling(absolute, "new"));
            try {
                for (Map.Entry<String, byte[]> e : files.entrySet()) {
                    Path file = staging.resolve(e.getKey());
                    Files.createDirectories(file.getParent());
                    Files.write(file, e.getValue());
                }
                replace(absolute, staging);
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the " + what + " to " + absolute, e);
        }
    }

    /**
     * Every file of a generated pack by its '/'-separated path, sorted: each task's files under
     * {@code tasks/<id>/}, and a pack.json (format 1.0, version 1.0.0, licence CC-BY-4.0) that lists
     * the tasks in id order, each at revision 1 with an empty digest for the pack writer to fill in,
     * and the named lists.
     */
    public static SortedMap<String, byte[]> files(
            String name, String description, List<TaskFiles> tasks, Map<String, List<String>> lists) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (TaskFiles task : tasks) {
            task.files().forEach((path, content) -> files.put("tasks/" + task.id() + "/" + path, content));
        }
        ObjectNode pack = Formats.object();
        pack.put("format", "ale-taskpack");
        pack.put("formatVersion", "1.0");
        pack.put("name", name);
        pack.put("version", "1.0.0");
        pack.put("description", description);
        pack.put("license", "CC-BY-4.0");
        ArrayNode list = pack.putArray("tasks");
        tasks.stream()
                .map(TaskFiles::id)
                .sorted()
                .forEach(id -> list.addObject().put("id", id).put("revision", 1).put("digest", ""));
        ObjectNode named = pack.putObject("lists");
        lists.forEach((listName, ids) -> {
            ArrayNode array = named.putArray(listName);
            ids.forEach(array::add);
        });
        files.put("pack.json", Formats.json(pack));
        return files;
    }

    /**
     * A pack generator: the pack's name, the seed its committed copy was generated with, and every
     * file of the pack for a seed (by '/'-separated path, sorted).
     *
     * @param name        the pack's name, also its default folder {@code packs/<name>}
     * @param defaultSeed the seed the committed pack was generated with
     * @param files       the pack's files for a seed
     */
    @API(status = EXPERIMENTAL)
    public record Generator(String name, long defaultSeed, LongFunction<SortedMap<String, byte[]>> files) {
        /**
         * Generates the pack into {@code target}, replacing a pack already there. The files are
         * written to a directory beside the target first and moved into place, so a failure leaves
         * the old pack as it was.
         *
         * @throws IllegalArgumentException if {@code target} exists and is neither empty nor a pack
         */
        public void generate(Path target, long seed) {
            write(target, files.apply(seed), name + " pack");
        }

        /**
         * The generator's command line, {@code [target-dir] [seed]}: generates the pack into the
         * target (default {@code packs/<name>}) from the seed (default {@code defaultSeed}).
         */
        public void main(String[] args) {
            Path target = Path.of(args.length > 0 ? args[0] : "packs/" + name);
            long seed = args.length > 1 ? Long.parseLong(args[1]) : defaultSeed;
            generate(target, seed);
            System.out.println(
                    "wrote " + name + " pack to " + target.toAbsolutePath().normalize() + " (seed " + seed + ")");
        }
    }

    private static boolean isEmptyOrPack(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        if (Files.exists(dir.resolve("pack.json"))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Moves the old pack aside, the new one into place, then deletes the old one. */
    private static void replace(Path target, Path staging) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = freshSibling(target, "old");
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null && !Files.exists(target)) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    /**
     * A hidden sibling path of {@code target} that does not exist yet. Unlike a temporary directory
     * it gets the usual permissions when created, so the moved-in pack is readable as usual.
     */
    private static Path freshSibling(Path target, String tag) {
        String prefix = "." + target.getFileName() + "." + tag + "-"
                + ProcessHandle.current().pid() + "-";
        for (int i = 0; ; i++) {
            Path candidate = target.resolveSibling(prefix + i);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    /** Deletes {@code root} and everything in it, as the rest of the SDK does: links are removed, never followed. */
    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            MoreFiles.deleteRecursively(root, RecursiveDeleteOption.ALLOW_INSECURE);
        }
    }
}
