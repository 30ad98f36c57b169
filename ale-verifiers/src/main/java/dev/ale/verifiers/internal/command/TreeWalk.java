package dev.ale.verifiers.internal.command;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A walk of a file tree by {@code Files.walkFileTree} (which follows no link): one step before
 * each directory, one at each other entry (a link as itself) and one after each directory. A step
 * that throws ends the walk.
 */
class TreeWalk extends SimpleFileVisitor<Path> {
    /** What a walk does at one path. */
    interface Step {
        void at(Path path) throws IOException;
    }

    private final Step before;
    private final Step file;
    private final Step after;

    TreeWalk(Step before, Step file, Step after) {
        this.before = before;
        this.file = file;
        this.after = after;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        return take(before, dir);
    }

    @Override
    public FileVisitResult visitFile(Path path, BasicFileAttributes attrs) throws IOException {
        return take(file, path);
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        return take(after, dir);
    }

    private static FileVisitResult take(Step step, Path path) throws IOException {
        step.at(path);
        return FileVisitResult.CONTINUE;
    }
}
