package dev.ale.archive;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.AleException;
import dev.ale.api.task.TaskPackException;
import dev.ale.archive.internal.ChunkInput;
import dev.ale.archive.internal.EntryGuard;
import dev.ale.archive.internal.EntryRules;
import dev.ale.archive.internal.GunzipAhead;
import dev.ale.archive.internal.TarBlocks;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongSupplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.apiguardian.api.API;

/**
 * Streams a tar or tar.gz once into a folder, checking every entry before anything is written:
 * names, types (only files and folders), duplicates, count, sizes counted as read, the total and,
 * for gzip, the compression ratio of the stream so far; the header data read to reach each entry
 * and the number of headers are bounded too ({@link TarBlocks}). Nothing is written outside the
 * folder, and only regular files and folders are created.
 *
 * <p>A tar.gz is inflated by {@link GunzipAhead} (the JDK's gzip reader, which reads every member
 * of a gzip stream made of several, as {@code gzip -d} does) on a thread of its own, a few 64 KiB
 * pieces ahead of the tar reader and the writes; content is copied in 64 KiB pieces
 * (docs/benchmarks.md, "2026-12-07, session 18"). The ratio counts the compressed bytes inflated up
 * to the end of the piece being read, never what was read ahead.
 */
@API(status = INTERNAL)
public final class TarArchive {
    private final ArchiveLimits limits;
    private final Path root;
    private final EntryGuard guard;
    /** Bytes of the archive inflated so far (for gzip, up to the end of the piece being read). */
    private final LongSupplier compressed;

    private final Counting headers;
    private long total;

    /** The size of the pieces content is copied in. */
    static final int COPY_BUFFER = 64 * 1024;

    /**
     * The copy buffer: one per archive, grown to the largest file's size up to {@link #COPY_BUFFER}
     * (never empty, or reading content would return 0 for ever).
     */
    private byte[] buffer = new byte[512];

    private TarArchive(ArchiveLimits limits, NamePolicy names, Path root, LongSupplier compressed, Counting headers) {
        this.limits = limits;
        this.root = root;
        this.guard = new EntryGuard(limits, names);
        this.compressed = compressed;
        this.headers = headers;
    }

    /** Whether {@code block} starts with a tar header (its checksum holds): how a tar is told by its content. */
    public static boolean isHeader(byte[] block) {
        return block.length >= TarBlocks.BLOCK && TarUtils.verifyCheckSum(block);
    }

    /**
     * Unpacks the tar read from {@code in} (a tar.gz when {@code gzip}) into the empty folder
     * {@code root} and returns what it holds. On a refusal what was written so far stays, for the
     * caller to delete with the folder.
     *
     * @param location the archive's name, for refusals that concern it as a whole
     * @throws TaskPackException naming the entry (or {@code location}) and the rule
     */
    public static Listing extract(
            InputStream in, boolean gzip, String location, ArchiveLimits limits, NamePolicy names, Path root) {
        try {
            Counting read = new Counting(new BufferedInputStream(in), null, limits);
            GunzipAhead gunzip = gzip ? new GunzipAhead(read, () -> read.count, location) : null;
            LongSupplier inflated = gunzip == null ? () -> read.count : gunzip::inflatedFrom;
            // closing the streams stops the inflating thread, whatever happens after it started
            try (Counting headers = new Counting(gunzip == null ? read : gunzip, location, limits);
                    TarArchiveInputStream tar = new TarArchiveInputStream(headers, StandardCharsets.UTF_8.name())) {
                TarArchive x = new TarArchive(limits, names, root, inflated, headers);
                x.extractAll(tar);
                return x.guard.listing();
            }
        } catch (AleException e) {
            throw e;
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new TaskPackException(location, "", "not a readable tar archive: " + e, e);
        } catch (StackOverflowError e) {
            // the tar reader recurses once per extended header: a long chain of them exhausts the stack
            throw new TaskPackException(
                    location, "", "not a readable tar archive: too long a chain of extended headers", e);
        }
    }

    private void extractAll(TarArchiveInputStream tar) throws IOException {
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            headers.metadata = 0;
            String name = e.getName();
            if (!e.isCheckSumOK()) {
                throw EntryRules.refuse(name, "corrupt tar header (checksum mismatch)");
            }
            refuseSpecial(e, name);
            if (e.isDirectory() && e.getSize() != 0) {
                throw EntryRules.refuse(name, "a folder entry must not hold data");
            }
            if (e.isDirectory()) {
                String path = guard.folder(name);
                if (!path.isEmpty()) {
                    Files.createDirectories(EntryRules.resolve(root, path, name));
                }
            } else {
                extractFile(tar, e, name);
            }
        }
        headers.blocks.requireEnd();
    }

    private static void refuseSpecial(TarArchiveEntry e, String name) {
        if (e.isSymbolicLink()) {
            throw EntryRules.refuse(name, EntryRules.SYMLINK);
        }
        if (e.isLink()) {
            throw EntryRules.refuse(name, EntryRules.HARD_LINK);
        }
        if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            throw EntryRules.refuse(name, EntryRules.SPECIAL);
        }
        if (e.isSparse()) {
            throw EntryRules.refuse(name, "sparse file entries are not supported");
        }
        byte flag = e.getLinkFlag();
        boolean plain = flag == TarConstants.LF_NORMAL
                || flag == TarConstants.LF_OLDNORM
                || flag == TarConstants.LF_CONTIG
                || flag == TarConstants.LF_DIR;
        if (!plain) {
            throw EntryRules.refuse(
                    name, "unsupported tar entry type '" + EntryRules.printable(String.valueOf((char) flag)) + "'");
        }
    }

    private void extractFile(TarArchiveInputStream tar, TarArchiveEntry e, String name) throws IOException {
        String path = guard.file(name, e.getSize());
        Path target = EntryRules.resolve(root, path, name);
        Files.createDirectories(target.getParent());
        long count = 0;
        if (buffer.length < Math.min(e.getSize(), COPY_BUFFER)) {
            buffer = new byte[(int) Math.min(Math.max(e.getSize(), 2 * buffer.length), COPY_BUFFER)];
        }
        try (OutputStream out = create(target, name)) {
            for (int n = readContent(tar, buffer); n >= 0; n = readContent(tar, buffer)) {
                count += n;
                total += n;
                if (count > limits.maxEntryBytes()) {
                    throw EntryRules.refuse(name, EntryGuard.tooLarge(limits));
                }
                if (total > limits.maxTotalBytes()) {
                    throw EntryRules.refuse(name, EntryGuard.overTotal(limits));
                }
                if (total > limits.ratioFloorBytes() && limits.overRatio(total, compressed.getAsLong())) {
                    throw EntryRules.refuse(name, EntryGuard.overRatio(limits, ""));
                }
                out.write(buffer, 0, n);
            }
        }
        if (count != e.getSize()) {
            throw EntryRules.refuse(name, "entry holds " + count + " bytes but its header says " + e.getSize());
        }
    }

    /** Creates a new regular file, never through a link; a name the file system cannot hold is a refusal. */
    private static OutputStream create(Path target, String name) throws IOException {
        try {
            return Files.newOutputStream(
                    target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (FileAlreadyExistsException e) {
            throw EntryRules.unpackable(name, e);
        }
    }

    /** Reads entry content; what the tar reader consumes outside these calls is header data. */
    private int readContent(TarArchiveInputStream tar, byte[] buffer) throws IOException {
        headers.content = true;
        try {
            return tar.read(buffer);
        } finally {
            headers.content = false;
        }
    }

    /**
     * Counts the bytes read through it. Over the decompressed tar stream it also bounds the header
     * data the tar reader consumes to reach one entry (long names, extended headers, skipped data of
     * non-file entries), which it would otherwise buffer without limit, and follows the blocks.
     */
    private static final class Counting extends ChunkInput {
        private final String archive;
        /** Follows the tar blocks when this counts the tar stream (else null). */
        private final TarBlocks blocks;

        private long count;
        private long metadata;
        private boolean content;

        /** @param archive the archive's name when this counts the tar stream, else null */
        Counting(InputStream in, String archive, ArchiveLimits limits) {
            super(in);
            this.archive = archive;
            this.blocks = archive == null ? null : new TarBlocks(archive, limits);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                counted(n);
                if (blocks != null) {
                    blocks.accept(b, off, n);
                }
            }
            return n;
        }

        private void counted(long n) {
            count += n;
            if (!content && archive != null) {
                metadata += n;
                if (metadata > TarBlocks.MAX_HEADER_BYTES) {
                    throw new TaskPackException(
                            archive,
                            "",
                            "tar header data (long names, extended headers or data of "
                                    + "non-file entries) over the limit of " + TarBlocks.MAX_HEADER_BYTES
                                    + " bytes for one entry");
                }
            }
        }
    }
}
