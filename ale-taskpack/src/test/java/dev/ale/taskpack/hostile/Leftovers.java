package dev.ale.taskpack.hostile;

import com.google.common.primitives.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a pack reader may have left on disk (beside the tree snapshots of
 * {@code dev.ale.testfixtures.Trees}): in the shared system temporary folder where tar
 * extractions go, the {@code ale-*} folders that appeared since a snapshot and hold a file with the
 * test's marker (other builds on the machine create and delete such folders too, so only the
 * marker makes one ours), plus any entry anywhere there whose name carries the marker.
 */
final class Leftovers {
    static final Path TMPDIR = Path.of(System.getProperty("java.io.tmpdir"));

    private Leftovers() {}

    /** The names of the {@code ale-*} entries of the system temporary folder. */
    static Set<String> aleTemp() {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> list = Files.list(TMPDIR)) {
            list.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("ale-"))
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * What of ours is in the system temporary folder and its parent that was not there before:
     * new {@code ale-*} folders holding the marker, and entries whose name holds it.
     */
    static List<String> strays(Set<String> aleBefore, String marker) {
        List<String> out = new ArrayList<>();
        for (Path dir : List.of(
                TMPDIR,
                TMPDIR.toAbsolutePath().getParent() == null
                        ? TMPDIR
                        : TMPDIR.toAbsolutePath().getParent())) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName().toString().contains(marker)).forEach(p -> out.add(p.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String name : aleTemp()) {
            if (!aleBefore.contains(name) && holds(TMPDIR.resolve(name), marker)) {
                out.add(TMPDIR.resolve(name).toString());
            }
        }
        return out;
    }

    /** Whether a file under {@code root} has the marker in its name or content; a tree deleted meanwhile holds nothing. */
    private static boolean holds(Path root, String marker) {
        byte[] want = marker.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.anyMatch(p -> p.getFileName().toString().contains(marker)
                    || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && contains(p, want));
        } catch (NoSuchFileException | UncheckedIOException gone) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(Path file, byte[] want) {
        try {
            if (Files.size(file) > 16 << 20) {
                return false; // larger than anything these suites write
            }
            return Bytes.indexOf(Files.readAllBytes(file), want) >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
