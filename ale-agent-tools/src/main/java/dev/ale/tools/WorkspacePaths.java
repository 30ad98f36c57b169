package dev.ale.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns the paths a model gives into paths inside the workspace, refusing every way out: absolute
 * paths, {@code ..} that climbs above the root, and symbolic links (anywhere on the path) whose
 * target lies outside. Paths shown back to the model are relative, with {@code /} separators.
 */
final class WorkspacePaths {
    private final Path root;
    private final Path realRoot;

    WorkspacePaths(Path workspace) throws IOException {
        this.root = workspace.toAbsolutePath().normalize();
        this.realRoot = root.toRealPath();
    }

    Path root() {
        return root;
    }

    /**
     * The path {@code given} names inside the workspace. Whatever part of it exists must resolve,
     * links followed, to a place inside the workspace; the rest (a file about to be written) may not exist yet.
     */
    Path resolve(String given) throws ToolException {
        String text = given == null || given.isBlank() ? "." : given.strip();
        if (text.indexOf('\0') >= 0) {
            throw new ToolException("the path contains a NUL character");
        }
        if (text.startsWith("/") || text.startsWith("\\") || text.matches("^[A-Za-z]:.*") || text.startsWith("~")) {
            throw new ToolException("'" + text + "' is absolute; give a path relative to the workspace root");
        }
        Path relative;
        try {
            relative = root.getFileSystem().getPath(text);
        } catch (InvalidPathException e) {
            throw new ToolException("'" + text + "' is not a valid path: " + e.getReason());
        }
        if (relative.isAbsolute()) {
            throw new ToolException("'" + text + "' is absolute; give a path relative to the workspace root");
        }
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root)) {
            throw new ToolException("'" + text + "' leads out of the workspace");
        }
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new ToolException("'" + text + "': the workspace is gone");
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ToolException("'" + show(existing) + "' is a symbolic link to nothing; it is not followed");
        } catch (IOException e) {
            throw new ToolException(
                    "'" + text + "' cannot be resolved: " + e.getClass().getSimpleName());
        }
        if (!real.startsWith(realRoot)) {
            throw new ToolException("'" + text + "' leads out of the workspace through a symbolic link");
        }
        return resolved;
    }

    /** The path relative to the workspace root, with {@code /} separators ({@code .} for the root). */
    String show(Path path) {
        Path rel = root.relativize(path.toAbsolutePath().normalize());
        String s = rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
        return s.isEmpty() ? "." : s;
    }
}
