package dev.ale.taskpack;

import dev.ale.api.AleException;
import dev.ale.api.task.TaskPackException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Streams a {@code .tar} or {@code .tar.gz} once into a private temporary folder, checking every
 * entry before anything is written: names, types (only files and folders), duplicates, count,
 * sizes counted as read, the total and, for gzip, the compression ratio of the stream so far; the
 * header data read to reach each entry is bounded too. On any failure the folder is deleted before
 * the exception leaves.
 */
final class TarExtractor {
    /** The most header data (long names, extended headers, skipped data) read to reach one entry. */
    static final long MAX_HEADER_BYTES = 1 << 20;

    private final PackLimits limits;
    private final Path root;
    private final EntryGuard guard;
    private final Counting compressed;
    private final Counting headers;
    private long total;

    private TarExtractor(PackLimits limits, Path root, Counting compressed, Counting headers) {
        this.limits = limits;
        this.root = root;
        this.guard = new EntryGuard(limits);
        this.compressed = compressed;
        this.headers = headers;
    }

    /**
     * Extracts {@code archive} into a new private folder in {@code tempParent} (the system
     * temporary folder when null) and returns the directory pack over it.
     */
    static DirectorySource extract(Path archive, boolean gzip, PackLimits limits, Path tempParent) {
        String location = archive.getFileName().toString();
        Path root;
        try {
            root = TempDirs.createPrivate(tempParent);
        } catch (IOException e) {
            throw new TaskPackException(location, "", "cannot create a private temporary folder: " + e, e);
        }
        try (InputStream file = Files.newInputStream(archive)) {
            Counting compressed = new Counting(new BufferedInputStream(file), null);
            InputStream raw = gzip
                    ? GzipCompressorInputStream.builder()
                            .setInputStream(compressed)
                            .get()
                    : compressed;
            Counting headers = new Counting(raw, location);
            TarExtractor x = new TarExtractor(limits, root, compressed, headers);
            try (TarArchiveInputStream tar = new TarArchiveInputStream(headers, StandardCharsets.UTF_8.name())) {
                x.extractAll(tar);
            }
            return DirectorySource.extracted(root, location, x.guard.listing());
        } catch (AleException e) {
            TempDirs.deleteTree(root);
            throw e;
        } catch (IOException | RuntimeException e) {
            TempDirs.deleteTree(root);
            throw new TaskPackException(location, "", "not a readable tar archive: " + e, e);
        } catch (LinkageError e) {
            TempDirs.deleteTree(root);
            throw new TaskPackException(location, "", "not a readable tar archive: " + e, e);
        } catch (StackOverflowError e) {
            // the tar reader recurses once per extended header: a long chain of them exhausts the stack
            TempDirs.deleteTree(root);
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
                Files.createDirectories(target(guard.folder(name), name));
            } else {
                extractFile(tar, e, name);
            }
        }
        headers.blocks.requireEnd();
    }

    private static void refuseSpecial(TarArchiveEntry e, String name) {
        if (e.isSymbolicLink()) {
            throw EntryRules.refuse(name, "symbolic link (links are not allowed in a pack)");
        }
        if (e.isLink()) {
            throw EntryRules.refuse(name, "hard link (links are not allowed in a pack)");
        }
        if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            throw EntryRules.refuse(name, "special file (device, fifo or socket entries are not allowed in a pack)");
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
        Path target = target(path, name);
        Files.createDirectories(target.getParent());
        long count = 0;
        byte[] buffer = new byte[8192];
        try (OutputStream out = Files.newOutputStream(
                target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            for (int n = readContent(tar, buffer); n >= 0; n = readContent(tar, buffer)) {
                count += n;
                total += n;
                if (count > limits.maxEntryBytes()) {
                    throw EntryRules.refuse(
                            name,
                            "entry is larger than the limit of " + limits.maxEntryBytes() + " bytes"
                                    + PackLimits.raise("maxEntryBytes"));
                }
                if (total > limits.maxTotalBytes()) {
                    throw EntryRules.refuse(
                            name,
                            "the entries add up to more than the limit of " + limits.maxTotalBytes() + " bytes"
                                    + PackLimits.raise("maxTotalBytes"));
                }
                if (total > limits.ratioFloorBytes() && BoundedInput.overRatio(total, compressed.count, limits)) {
                    throw EntryRules.refuse(
                            name,
                            "compression ratio over the limit of " + limits.maxCompressionRatio()
                                    + PackLimits.raise("maxCompressionRatio"));
                }
                out.write(buffer, 0, n);
            }
        }
        if (count != e.getSize()) {
            throw EntryRules.refuse(name, "entry holds " + count + " bytes but its header says " + e.getSize());
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

    /** Where an admitted path goes: inside the root, or a refusal (defence in depth). */
    private Path target(String path, String name) {
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw EntryRules.refuse(name, "path escapes the pack");
        }
        return target;
    }

    /**
     * Counts the bytes read through it. Over the decompressed tar stream it also bounds the header
     * data the tar reader consumes to reach one entry (long names, extended headers, skipped data of
     * non-file entries), which it would otherwise buffer without limit.
     */
    private static final class Counting extends ChunkInput {
        private final String archive;
        /** Follows the tar blocks when this counts the tar stream (else null). */
        private final TarBlocks blocks;

        private long count;
        private long metadata;
        private boolean content;

        /** @param archive the archive's name when header data is to be bounded, else null */
        Counting(InputStream in, String archive) {
            super(in);
            this.archive = archive;
            this.blocks = archive == null ? null : new TarBlocks(archive);
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
                if (metadata > MAX_HEADER_BYTES) {
                    throw new TaskPackException(
                            archive,
                            "",
                            "tar header data (long names, extended headers or data of "
                                    + "non-file entries) over the limit of " + MAX_HEADER_BYTES
                                    + " bytes for one entry");
                }
            }
        }
    }
}
