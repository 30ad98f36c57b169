package dev.ale.core;

import dev.ale.api.ExecRequest;
import dev.ale.api.ExecResult;
import dev.ale.api.Sandbox;
import dev.ale.api.SandboxException;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.process.ProcessGroup;
import dev.ale.process.ProcessLauncher;
import dev.ale.process.ProcessSandbox;
import dev.ale.process.SandboxExec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fresh temporary directory per attempt ({@code ale-<attempt>-<random>/workspace}), whose
 * processes start through one launcher: directly ({@code local-directory}) or under bubblewrap
 * ({@code bubblewrap}, where a process sees the workspace at {@code /workspace} and nothing else of
 * the host's files but the system directories). The reference never comes here: the runner stages
 * it in memory (see {@code ReferenceAreas}). Closing the sandbox kills every process started in it,
 * then removes the directory (the workspace is kept when asked), without following links.
 */
record LocalDirectorySandboxProvider(Path parent, boolean keepWorkspaces, ProcessLauncher launcher, String name)
        implements SandboxProvider {
    LocalDirectorySandboxProvider(Path parent, boolean keepWorkspaces) {
        this(parent, keepWorkspaces, ProcessLauncher.local(), "local-directory");
    }

    @Override
    public Sandbox open(SandboxRequest request) throws IOException {
        Files.createDirectories(parent);
        Path root = createPrivateDirectory(parent, "ale-" + request.attemptId() + "-");
        Path workspace = Files.createDirectory(root.resolve("workspace"));
        return new LocalSandbox(root, workspace, keepWorkspaces, new ProcessGroup(launcher));
    }

    static Path createPrivateDirectory(Path parent, String prefix) throws IOException {
        if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(
                    parent, prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory(parent, prefix);
    }

    /**
     * One attempt's directory ({@code root}, holding the {@code workspace}) and the process group
     * every process of the attempt starts in.
     */
    private record LocalSandbox(Path root, Path workspace, boolean keep, ProcessGroup launcher, AtomicBoolean closed)
            implements ProcessSandbox {
        LocalSandbox(Path root, Path workspace, boolean keep, ProcessGroup launcher) {
            this(root, workspace, keep, launcher, new AtomicBoolean());
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
            return SandboxExec.run(launcher, workspace, dir, request);
        }

        @Override
        public synchronized void close() throws IOException {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            launcher.close();
            if (!keep) {
                FileTrees.deleteRecursively(root);
            }
        }
    }
}
