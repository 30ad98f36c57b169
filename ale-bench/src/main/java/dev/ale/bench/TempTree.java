package dev.ale.bench;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** A temporary folder for a figure's synthetic data, deleted with everything in it when closed. */
final class TempTree implements AutoCloseable {
    private final Path root;

    private TempTree(Path root) {
        this.root = root;
    }

    /** A new folder under the system temporary directory, named after {@code purpose}. */
    static TempTree create(String purpose) throws IOException {
        return new TempTree(Files.createTempDirectory("ale-bench-" + purpose + "-"));
    }

    /** A new folder under {@code parent}, named after {@code purpose}. */
    static TempTree create(Path parent, String purpose) throws IOException {
        return new TempTree(Files.createTempDirectory(parent, "ale-bench-" + purpose + "-"));
    }

    Path root() {
        return root;
    }

    /** Deletes {@code dir} and everything under it (links are deleted, never followed). */
    static void delete(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
        }
    }

    @Override
    public void close() {
        try {
            delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark's temporary folder " + root, e);
        }
    }
}
