package dev.ale.verifiers.internal.archive;

import dev.ale.api.task.TaskPackException;
import dev.ale.archive.ArchiveLimits;
import dev.ale.archive.Listing;
import dev.ale.archive.NamePolicy;
import dev.ale.archive.TarArchive;
import dev.ale.archive.ZipArchive;
import dev.ale.archive.internal.TempDirs;
import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.Render;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A private temporary directory that an archive is unpacked into by the SDK's one archive reader
 * ({@link ZipArchive}, {@link TarArchive}), with names as archivers write them
 * ({@link NamePolicy#NORMALIZED}). Every refusal of the reader, and every {@link UnpackLimits}
 * breach, is a {@link GateFailure} naming the archive, the entry and the rule. {@link #close()}
 * deletes the directory.
 */
final class Extraction implements Closeable {
    private final Path root;
    private final String archive;
    private final ArchiveLimits limits;
    private Listing listing = Listing.EMPTY;

    private Extraction(Path root, String archive, ArchiveLimits limits) {
        this.root = root;
        this.archive = archive;
        this.limits = limits;
    }

    /** A fresh private directory (owner-only where POSIX permissions exist) under {@code parent}, or the default temp dir when null. */
    static Extraction create(Path parent, String archive, UnpackLimits limits) throws IOException {
        return new Extraction(TempDirs.createPrivate(parent, "ale-archive-"), archive, limits.forReader());
    }

    Path root() {
        return root;
    }

    /** The entries the archive listed. */
    long entries() {
        return listing.entries();
    }

    /** The bytes unpacked. */
    long total() {
        return listing.bytes();
    }

    /** The gate failure "{archive}: {what}". */
    GateFailure problem(String what) {
        return new GateFailure(archive, "a safe archive within its limits", Render.brief(what, 3 * Render.WIDTH));
    }

    /** Unpacks the zip {@code file}. */
    void zip(Path file) throws GateFailure, IOException {
        try (ZipArchive zip = ZipArchive.open(file, archive, limits, NamePolicy.NORMALIZED)) {
            zip.extractTo(root);
            listing = zip.listing();
        } catch (TaskPackException e) {
            throw refused(e);
        }
    }

    /** Unpacks the tar (tar.gz when {@code gzip}) read from {@code in}. */
    void tar(InputStream in, boolean gzip) throws GateFailure {
        try {
            listing = TarArchive.extract(in, gzip, archive, limits, NamePolicy.NORMALIZED, root);
        } catch (TaskPackException e) {
            throw refused(e);
        }
    }

    /** The reader's refusal as a gate failure: "entry '{name}': {rule}", or the rule alone for the whole archive. */
    private GateFailure refused(TaskPackException e) {
        return problem(
                e.source().isEmpty() || e.source().equals(archive)
                        ? e.rule()
                        : "entry " + Render.quoted(e.source()) + ": " + e.rule());
    }

    /**
     * Deletes the directory and everything in it, as far as it can (a leftover temporary file is
     * not worth losing a verdict over); links (never created here) are not followed.
     */
    @Override
    public void close() {
        TempDirs.deleteTree(root);
    }
}
