package dev.ale.core;

import dev.ale.api.ExecRequest;
import dev.ale.api.ExecResult;
import dev.ale.api.Sandbox;
import dev.ale.api.SandboxException;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.spi.SandboxRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A fresh temporary directory per attempt ({@code ale-<attempt>-<random>/workspace}), removed on
 * close (kept when asked) without following links. The reference never comes here: the runner
 * stages it in memory (see {@code ReferenceAreas}).
 */
final class LocalDirectorySandboxProvider implements SandboxProvider {
    private final Path parent;
    private final boolean keepWorkspaces;

    LocalDirectorySandboxProvider(Path parent, boolean keepWorkspaces) {
        this.parent = parent;
        this.keepWorkspaces = keepWorkspaces;
    }

    @Override
    public Sandbox open(SandboxRequest request) throws IOException {
        Files.createDirectories(parent);
        Path root = createPrivateDirectory(parent, "ale-" + request.attemptId() + "-");
        Path workspace = Files.createDirectory(root.resolve("workspace"));
        return new LocalSandbox(root, workspace, keepWorkspaces);
    }

    @Override
    public String name() {
        return "local-directory";
    }

    static Path createPrivateDirectory(Path parent, String prefix) throws IOException {
        if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(
                    parent, prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory(parent, prefix);
    }

    private static final class LocalSandbox implements Sandbox {
        private final Path root;
        private final Path workspace;
        private final boolean keep;
        private boolean closed;

        LocalSandbox(Path root, Path workspace, boolean keep) {
            this.root = root;
            this.workspace = workspace;
            this.keep = keep;
        }

        @Override
        public Path workspace() {
            return workspace;
        }

        @Override
        public boolean canExecute() {
            return true;
        }

        @Override
        public ExecResult exec(ExecRequest request) throws IOException {
            Path dir = FileTrees.resolveInside(workspace, request.workingDirectory());
            if (dir == null) {
                throw new SandboxException(request.workingDirectory(), "working directory escapes the workspace", null);
            }
            return ProcessRunner.run(request, dir);
        }

        @Override
        public synchronized void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (!keep) {
                FileTrees.deleteRecursively(root);
            }
        }
    }
}
