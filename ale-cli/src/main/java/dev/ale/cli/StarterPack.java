package dev.ale.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the starter pack for {@code ale demo}: {@code samples/packs/starter} of the repository
 * (looked for from the working directory and from the jar's directory upwards), or else the copy
 * bundled among the CLI's classes, copied into a temporary directory that is removed on close.
 */
final class StarterPack {
    /** The bundled copy, beside this class. */
    static final String RESOURCE = "starter-pack";
    /** Where the pack lives in the repository. */
    static final String IN_REPOSITORY = "samples/packs/starter";

    /** A located pack; {@code temporary} when it is a copy to remove on close. */
    record Found(Path path, String where, boolean temporary) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (temporary) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private StarterPack() {}

    /** The working directory and the directory of the jar (or classes) this class came from. */
    static List<Path> defaultStarts() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(StarterPack.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .getParent());
        } catch (URISyntaxException | RuntimeException e) {
            // no code source on the file system: the working directory and the bundled copy remain
        }
        return starts;
    }

    /** The repository's starter pack found from one of {@code starts} upwards, or else the bundled copy. */
    static Found locate(List<Path> starts) throws IOException {
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path pack = dir.resolve(IN_REPOSITORY);
                if (Files.isRegularFile(pack.resolve("pack.json"))) {
                    return new Found(pack, pack.toString(), false);
                }
            }
        }
        return bundled();
    }

    /** A temporary copy of the pack bundled among the classes (in ale.jar, or a classes directory). */
    static Found bundled() throws IOException {
        URL manifest = StarterPack.class.getResource(RESOURCE + "/pack.json");
        if (manifest == null) {
            throw new IOException("the starter pack is neither in a repository above the working directory nor bundled"
                    + " in this build of ale (dev/ale/cli/" + RESOURCE + " is missing)");
        }
        URI uri;
        try {
            uri = manifest.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("cannot read the bundled starter pack at " + manifest, e);
        }
        Path copy = Files.createTempDirectory("ale-starter-");
        if (uri.getScheme().equals("jar")) {
            FileSystem jar = null;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                // opened elsewhere in this JVM: use it as it is
            }
            try {
                copyTree(Path.of(uri).getParent(), copy);
            } finally {
                if (jar != null) {
                    jar.close();
                }
            }
        } else {
            copyTree(Path.of(uri).getParent(), copy);
        }
        return new Found(copy, "the copy bundled in ale.jar", true);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = to;
                for (Path segment : from.relativize(p)) {
                    target = target.resolve(segment.toString());
                }
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }
}
