package dev.ale.core;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
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
 * <p>Jimfs registers every file system by name, so that {@code Path.of(URI.create("jimfs://<name>/"))}
 * reaches it from anywhere in the process: a harness knows its own workspace's name from
 * {@code workspace().toUri()}. Names are therefore unguessable from one another: 128 bits of
 * SipHash-2-4, keyed once per JVM from {@code SecureRandom}, over a counter. (Not Jimfs's default
 * {@code UUID.randomUUID()}, which takes a process-wide {@code SecureRandom} lock on which hundreds
 * of parallel attempts queued; nor a bare counter, from which a racing agent could name its
 * siblings' workspaces.)
 */
final class InMemorySandboxProvider implements SandboxProvider {
    private static final HashFunction NAMING = naming();
    private static final AtomicLong NAMES = new AtomicLong();
    private static final String WORKSPACE = "/workspace";

    /**
     * The unit Jimfs allocates file content in: 1 KiB rather than its 8 KiB, since most of what an
     * attempt writes is small (a 6-byte answer took an 8 KiB block); reading and writing a 100 MB
     * file took the same time with either (docs/benchmarks.md, 2026-12-06).
     */
    static final int BLOCK_BYTES = 1024;

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
                .setBlockSize(BLOCK_BYTES)
                .setMaxCacheSize(0)
                .build();
    }

    /** A new file system with an unguessable name: no lock but the counter's compare-and-set. */
    static FileSystem newFileSystem(Configuration config) {
        long n = NAMES.incrementAndGet();
        long high = NAMING.hashLong(n << 1).asLong();
        long low = NAMING.hashLong(n << 1 | 1).asLong();
        return Jimfs.newFileSystem("ale-" + Long.toHexString(high) + Long.toHexString(low), config);
    }

    private static HashFunction naming() {
        SecureRandom random = new SecureRandom();
        return Hashing.sipHash24(random.nextLong(), random.nextLong());
    }

    /** One attempt's file system and its workspace; closing it drops every file. */
    private record InMemorySandbox(FileSystem fs, Path workspace) implements Sandbox {
        @Override
        public synchronized void close() throws IOException {
            fs.close();
        }
    }
}
