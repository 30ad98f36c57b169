package dev.ale.taskpack;

import dev.ale.api.task.TaskPackException;
import dev.ale.archive.NamePolicy;
import dev.ale.archive.internal.EntryGuard;
import dev.ale.archive.internal.EntryRules;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.MemoryLimitException;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.archivers.sevenz.SevenZMethodConfiguration;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads a sealed archive held in memory (a 7z made by 7-Zip, by ALE's tooling or by
 * {@link SevenZWriter}) through Commons Compress's {@link SevenZFile} with {@code org.tukaani:xz}:
 * Copy, LZMA, LZMA2, BCJ filters, compressed and encrypted headers. Every entry is checked before
 * any content is decoded: the rules of every pack archive (names, no links, special files or anti
 * items, no duplicates, entry count, entry and total size, compression ratio), an encrypted content
 * stream for every file, and a key derivation 7-Zip itself would accept ({@link SevenZCost}). A
 * single top-level {@code <lift>/} folder holding everything is lifted, as ALE does with
 * {@code reference/}.
 */
final class SealedArchive {
    /** The most memory (KiB) the decoders may ask for: 7-Zip's largest default dictionary is 64 MiB. */
    static final int MAX_MEMORY_KIB = 256 * 1024;
    /** The most decoded bytes held in memory for one archive. */
    static final long MAX_UNSEALED_BYTES = 1L << 30;

    /** A decoded file: its path (after lifting) and its content. */
    record File(String path, byte[] data) {}

    /** The archive does not open with this key, or is damaged; the message says which part. */
    static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SealedArchive() {}

    /**
     * The files of {@code archive}, decrypted with {@code key}, in archive order.
     *
     * @throws Failure the header or a file does not decode (wrong key or damage)
     * @throws TaskPackException naming the entry and the rule it breaks
     */
    static List<File> read(byte[] archive, char[] key, PackLimits limits, String lift) throws Failure {
        if (archive.length < SevenZ.SIGNATURE.length
                || !Arrays.equals(archive, 0, SevenZ.SIGNATURE.length, SevenZ.SIGNATURE, 0, SevenZ.SIGNATURE.length)) {
            throw new Failure("not a 7z archive (no 7z signature)", null);
        }
        SevenZCost.checkHeader(archive);
        SevenZFile z;
        try {
            z = SevenZFile.builder()
                    .setSeekableByteChannel(new SeekableInMemoryByteChannel(archive))
                    .setPassword(key)
                    .setMaxMemoryLimitKiB(MAX_MEMORY_KIB)
                    .setTryToRecoverBrokenArchives(false)
                    .setUseDefaultNameForUnnamedEntries(false)
                    .get();
        } catch (MemoryLimitException e) {
            throw tooBig(e);
        } catch (IOException | RuntimeException e) {
            throw new Failure(
                    "wrong key, or the archive is damaged: its header does not decode (" + e.getMessage() + ")", e);
        }
        try {
            List<SevenZArchiveEntry> entries = new ArrayList<>();
            z.getEntries().forEach(entries::add);
            check(entries, limits, archive.length);
            SevenZCost.checkFolders(z);
            String prefix = SealedLayout.liftedPrefix(entries, lift);
            List<File> files = new ArrayList<>();
            for (SevenZArchiveEntry listed : entries) {
                SevenZArchiveEntry e = next(z, listed);
                if (!e.isDirectory()) {
                    files.add(new File(e.getName().substring(prefix.length()), content(z, e)));
                }
            }
            return files;
        } finally {
            close(z);
        }
    }

    private static void close(SevenZFile z) {
        try {
            z.close();
        } catch (IOException e) {
            // an in-memory channel: nothing to release
        }
    }

    /** The rules of every pack archive, on every entry, before anything is decoded. */
    private static void check(List<SevenZArchiveEntry> entries, PackLimits limits, long archiveBytes) {
        EntryGuard guard = new EntryGuard(limits.forArchives(), NamePolicy.CANONICAL);
        long declared = 0;
        long ratioLimit = (long) Math.min(Long.MAX_VALUE, limits.maxCompressionRatio() * archiveBytes);
        for (SevenZArchiveEntry e : entries) {
            String name = e.getName();
            if (name == null) {
                throw EntryRules.refuse("(unnamed entry)", "entry without a name");
            }
            if (e.isAntiItem()) {
                throw EntryRules.refuse(name, "anti item (a deletion): not allowed in a pack");
            }
            if (e.getHasWindowsAttributes()) {
                SealedLayout.refuseSpecial(name, e.getWindowsAttributes());
            }
            if (e.isDirectory()) {
                guard.folder(name);
                continue;
            }
            guard.file(name, e.getSize());
            declared += e.getSize();
            if (declared > MAX_UNSEALED_BYTES) {
                throw EntryRules.refuse(
                        name,
                        "the files add up to more than " + MAX_UNSEALED_BYTES
                                + " bytes, the most a sealed archive may unseal in memory");
            }
            if (declared > limits.ratioFloorBytes() && declared > ratioLimit) {
                throw EntryRules.refuse(
                        name,
                        "compression ratio over the limit of " + limits.maxCompressionRatio() + " (the files declare "
                                + declared + " bytes from an archive of " + archiveBytes + " bytes)");
            }
        }
    }

    /** The next entry, which the header listed as {@code listed}; its decoders are set up (a first block may decode). */
    private static SevenZArchiveEntry next(SevenZFile z, SevenZArchiveEntry listed) throws Failure {
        SevenZArchiveEntry e;
        try {
            e = z.getNextEntry();
        } catch (MemoryLimitException ex) {
            throw tooBig(ex);
        } catch (IOException ex) {
            throw new Failure(
                    "wrong key, or the archive is damaged: '" + printable(listed) + "' does not decode ("
                            + ex.getMessage() + ")",
                    ex);
        }
        if (e == null || !e.getName().equals(listed.getName())) {
            throw new Failure("the archive is damaged: its entries end before '" + printable(listed) + "'", null);
        }
        if (!e.isDirectory() && e.hasStream()) {
            requireEncrypted(e);
        }
        return e;
    }

    private static void requireEncrypted(SevenZArchiveEntry e) {
        for (SevenZMethodConfiguration m : e.getContentMethods()) {
            if (m.getMethod() == SevenZMethod.AES256SHA256) {
                return;
            }
        }
        throw EntryRules.refuse(
                e.getName(),
                "not encrypted: a sealed archive holds AES-encrypted files only" + " (7z a -p<key> -mhe=on ...)");
    }

    /** The content of {@code e}: exactly its declared size, its CRC checked by the decoder. */
    private static byte[] content(SevenZFile z, SevenZArchiveEntry e) throws Failure {
        try (InputStream in = z.getInputStream(e)) {
            byte[] data = in.readNBytes((int) e.getSize());
            if (data.length != e.getSize() || in.read() >= 0) {
                throw new Failure(
                        "the archive is damaged: '" + printable(e) + "' does not hold its declared " + e.getSize()
                                + " bytes",
                        null);
            }
            return data;
        } catch (MemoryLimitException ex) {
            throw tooBig(ex);
        } catch (PasswordRequiredException ex) {
            throw new Failure("'" + printable(e) + "' needs a key", ex);
        } catch (IOException ex) {
            throw new Failure(
                    "wrong key, or the archive is damaged: '" + printable(e) + "' does not decode (" + ex.getMessage()
                            + ")",
                    ex);
        }
    }

    private static Failure tooBig(MemoryLimitException e) {
        return new Failure(
                "decoding needs more memory than the limit of " + MAX_MEMORY_KIB + " KiB (" + e.getMessage() + ")", e);
    }

    private static String printable(SevenZArchiveEntry e) {
        return EntryRules.printable(e.getName());
    }
}
