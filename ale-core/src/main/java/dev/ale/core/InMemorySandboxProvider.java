package dev.ale.core;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.ale.api.Sandbox;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.spi.SandboxRequest;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Jimfs file system per attempt, capped at a quota. The reference never comes here: the runner
 * stages it, after the harness is done, in memory of its own (see {@code ReferenceAreas}).
 *
 * <p>File systems (these and the reference areas) are named from a counter after a prefix drawn
 * once per JVM, never from {@code UUID.randomUUID()} (which Jimfs uses by default): that takes a
 * process-wide {@code SecureRandom} lock, on which hundreds of parallel attempts queued. The names
 * stay unguessable to code that does not already hold a path into the file system.
 */
final class InMemorySandboxProvider implements SandboxProvider {
    private static final String PREFIX = "ale-" + Long.toUnsignedString(new SecureRandom().nextLong(), 36) + "-";
    private static final AtomicLong NAMES = new AtomicLong();
    private static final String WORKSPACE = "/workspace";

    private final long quotaBytes;
    private final Configuration workspaceConfig;

    InMemorySandboxProvider(long quotaBytes) {
        if (quotaBytes <= 0) {
            throw new IllegalArgumentException("quota must be positive, got " + quotaBytes);
        }
        this.quotaBytes = quotaBytes;
        this.workspaceConfig = config(quotaBytes, WORKSPACE);
    }

    @Override
    public Sandbox open(SandboxRequest request) throws IOException {
        long quota = request.quotaBytes() > 0 ? request.quotaBytes() : quotaBytes;
        FileSystem fs = newFileSystem(quota == quotaBytes ? workspaceConfig : config(quota, WORKSPACE));
        return new InMemorySandbox(fs, fs.getPath(WORKSPACE));
    }

    @Override
    public String name() {
        return "in-memory";
    }

    /** The configuration of a file system whose working directory (created by Jimfs) is {@code root}. */
    static Configuration config(long quota, String root) {
        return Configuration.unix().toBuilder()
                .setWorkingDirectory(root)
                .setMaxSize(quota)
                .setMaxCacheSize(0)
                .build();
    }

    /** A new file system named from the counter: no lock but the counter's compare-and-set. */
    static FileSystem newFileSystem(Configuration config) {
        return Jimfs.newFileSystem(PREFIX + NAMES.incrementAndGet(), config);
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
