package dev.ale.taskpack.ale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/** Finds ALE task folders, and removes the import's temporary folders. */
final class AleSources {
    /** How deep under the source a task folder may be: {@code tasks/<cluster>/<task>/}. */
    static final int DEPTH = 4;

    private AleSources() {}

    /**
     * The task folders at {@code source}: itself when it holds a {@code task_card.json}, else every
     * folder under it (up to {@value #DEPTH} levels, not following links, leaving out folders whose
     * name starts with {@code _} or {@code .}, such as ALE's {@code _shared}) that holds one, sorted.
     */
    static List<Path> find(Path source) {
        if (Files.isRegularFile(source.resolve(AleCard.FILE))) {
            return List.of(source);
        }
        if (!Files.isDirectory(source)) {
            return List.of();
        }
        try (Stream<Path> s = Files.find(
                source,
                DEPTH,
                (p, a) -> a.isRegularFile()
                        && p.getFileName().toString().equals(AleCard.FILE)
                        && source.relativize(p).toString().replace('\\', '/').matches("([^_./][^/]*/)*[^/]+"))) {
            return s.map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + source + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code root} and everything under it, links as links; best effort. */
    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // left behind in a hidden temporary folder; the pack itself is whole or absent
        }
    }
}
