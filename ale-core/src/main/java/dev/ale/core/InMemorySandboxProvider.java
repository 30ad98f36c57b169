package dev.ale.core;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.ale.api.Sandbox;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.spi.SandboxRequest;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;

/**
 * One Jimfs file system per attempt, capped at a quota. The reference never comes here: the runner
 * stages it, after the harness is done, in memory of its own (see {@code ReferenceAreas}).
 */
final class InMemorySandboxProvider implements SandboxProvider {
    private final long quotaBytes;

    InMemorySandboxProvider(long quotaBytes) {
        if (quotaBytes <= 0) {
            throw new IllegalArgumentException("quota must be positive, got " + quotaBytes);
        }
        this.quotaBytes = quotaBytes;
    }

    @Override
    public Sandbox open(SandboxRequest request) throws IOException {
        long quota = request.quotaBytes() > 0 ? request.quotaBytes() : quotaBytes;
        FileSystem fs = newFileSystem(quota, "/workspace");
        Path workspace = fs.getPath("/workspace");
        return new InMemorySandbox(fs, workspace);
    }

    @Override
    public String name() {
        return "in-memory";
    }

    /** A new file system whose working directory (created by Jimfs) is {@code root}. */
    static FileSystem newFileSystem(long quota, String root) {
        Configuration config = Configuration.unix().toBuilder()
                .setWorkingDirectory(root)
                .setMaxSize(quota)
                .setMaxCacheSize(0)
                .build();
        return Jimfs.newFileSystem(config);
    }

    private static final class InMemorySandbox implements Sandbox {
        private final FileSystem fs;
        private final Path workspace;

        InMemorySandbox(FileSystem fs, Path workspace) {
            this.fs = fs;
            this.workspace = workspace;
        }

        @Override
        public Path workspace() {
            return workspace;
        }

        @Override
        public synchronized void close() throws IOException {
            fs.close();
        }
    }
}
