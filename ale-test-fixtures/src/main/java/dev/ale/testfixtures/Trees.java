package dev.ale.testfixtures;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Snapshots of folder trees, to show that hostile input changed nothing outside where it may write,
 * and the names a folder holds.
 */
@API(status = INTERNAL)
public final class Trees {
    private Trees() {}

    /**
     * Every path under {@code root} (relative, {@code ""} for the root) with its size: -1 for folders
     * and links, -2 for a file that went away while it was looked at; links are not followed.
     */
    public static Map<String, Long> snapshot(Path root) {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(p -> out.put(root.relativize(p).toString(), size(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The names directly in {@code folder}, sorted. */
    public static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.size(p) : -1;
        } catch (IOException e) {
            return -2;
        }
    }
}
