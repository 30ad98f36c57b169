package dev.ale.taskpack.ale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
