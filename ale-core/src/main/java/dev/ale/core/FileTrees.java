package dev.ale.core;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;

/** Small file-tree helpers that never follow links. */
final class FileTrees {
    private FileTrees() {}

    /**
     * Resolves a '/'-separated relative path under {@code root}; null if it is absolute, has
     * {@code ..} or empty segments, or passes through a symbolic link.
     */
    static @Nullable Path resolveInside(Path root, String relative) {
        if (relative.isEmpty()) {
            return root;
        }
        if (relative.startsWith("/") || relative.contains("\\")) {
            return null;
        }
        Path p = root;
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return null;
            }
            p = p.resolve(segment);
            if (Files.isSymbolicLink(p)) {
                return null;
            }
        }
        return p;
    }

    /** Copies a stream to a new file under {@code root} at a relative path, creating parents. */
    static void copyInto(Path root, String relative, InputStream in) throws IOException {
        Path target = resolveInside(root, relative);
        if (target == null) {
            throw new IOException("refusing to stage '" + relative + "': not a plain relative path");
        }
        Path parent = target.getParent();
        if (parent != null && !Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(parent);
        }
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes a tree without following links; a missing tree is fine. */
    static void deleteRecursively(Path root) throws IOException {
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            MoreFiles.deleteRecursively(root, RecursiveDeleteOption.ALLOW_INSECURE);
        }
    }
}
