package dev.ale.verifiers.internal.command;

import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPart;
import dev.ale.verifiers.TestContext;
import dev.ale.verifiers.internal.support.ForwardingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A test context that also gives the task's {@code inputs/} and {@code grader/} files, from two folders. */
record PartsContext(TestContext parent, Path inputs, Path grader) implements ForwardingContext {
    static PartsContext in(Path dir) throws IOException {
        return new PartsContext(
                TestContext.in(dir),
                Files.createDirectories(dir.resolve("task/inputs")),
                Files.createDirectories(dir.resolve("task/grader")));
    }

    /** Writes a file of the task's {@code grader/} folder. */
    PartsContext grader(String rel, String content) throws IOException {
        Path f = grader.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return this;
    }

    /** Writes a file of the task's {@code inputs/} folder. */
    PartsContext input(String rel, String content) throws IOException {
        Path f = inputs.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return this;
    }

    @Override
    public List<TaskFile> taskFiles(TaskPart part) {
        ForwardingContext.super.taskFiles(part);
        Path root = part.kind() == TaskPart.Kind.INPUTS ? inputs : grader;
        List<TaskFile> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                out.add(new TaskFile() {
                    @Override
                    public String path() {
                        return rel;
                    }

                    @Override
                    public long size() {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public InputStream open() throws IOException {
                        return Files.newInputStream(p);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
