package dev.ale.archive;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.AleException;
import dev.ale.api.task.TaskPackException;
import dev.ale.archive.ArchiveLimits.Limit;
import dev.ale.archive.internal.BoundedInput;
import dev.ale.archive.internal.EntryGuard;
import dev.ale.archive.internal.EntryRules;
import dev.ale.archive.internal.ZipEndRecord;
import dev.ale.archive.internal.ZipLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apiguardian.api.API;

/**
 * A zip file read with random access: its end records are checked before its central directory is
 * read, every entry when it is opened (names, types, duplicates, count, declared sizes and ratios,
 * the whole archive's ratio), then the layout of the local headers ({@link ZipLayout}); entries are
 * read through {@link BoundedInput}, which counts the bytes actually inflated and checks the CRC.
 */
@API(status = INTERNAL)
public final class ZipArchive implements ArchiveSource {
    /** The smallest central directory size cap; the cap grows by {@value #CENTRAL_BYTES_PER_ENTRY} per allowed entry. */
    private static final long MIN_CENTRAL_BYTES = 16L << 20;

    private static final long CENTRAL_BYTES_PER_ENTRY = 1024;

    private final ZipFile zip;
    private final String location;
    private final ArchiveLimits limits;
    private final Listing listing;
    private final Map<String, ZipArchiveEntry> entries;

    private ZipArchive(
            ZipFile zip, String location, ArchiveLimits limits, Listing listing, Map<String, ZipArchiveEntry> entries) {
        this.zip = zip;
        this.location = location;
        this.limits = limits;
        this.listing = listing;
        this.entries = entries;
    }

    /**
     * Opens and checks the zip {@code file}.
     *
     * @param location the archive's name, for refusals that concern it as a whole
     * @throws TaskPackException naming the entry (or {@code location}) and the rule
     */
    public static ZipArchive open(Path file, String location, ArchiveLimits limits, NamePolicy names) {
        ZipEndRecord end = endRecord(file, location);
        checkEnd(location, end, limits);
        long records = unreadable(location, () -> end.countRecords(file, limits.maxEntries() + 1));
        if (records > limits.maxEntries()) {
            throw new TaskPackException(
                    location,
                    "",
                    "too many entries: the central directory holds more than the limit of " + limits.maxEntries()
                            + " entries (its end record claims " + end.total() + ")" + limits.hint(Limit.MAX_ENTRIES));
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder()
                    .setPath(file)
                    .setUseUnicodeExtraFields(false)
                    .get();
        } catch (IOException | RuntimeException e) {
            throw new TaskPackException(location, "", "not a readable zip archive: " + e.getMessage(), e);
        }
        try {
            EntryGuard guard = new EntryGuard(limits, names);
            Map<String, ZipArchiveEntry> entries = new HashMap<>();
            List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
            checkCount(location, end, all.size());
            for (ZipArchiveEntry e : all) {
                admit(zip, e, guard, limits, entries);
            }
            ZipLayout.check(file, all, end, location);
            long size = Files.size(file);
            if (guard.declaredTotal() > limits.ratioFloorBytes() && limits.overRatio(guard.declaredTotal(), size)) {
                throw new TaskPackException(
                        location,
                        "",
                        EntryGuard.overRatio(
                                limits,
                                " (the entries add up to " + guard.declaredTotal() + " bytes from an archive of " + size
                                        + " bytes)"));
            }
            return new ZipArchive(zip, location, limits, guard.listing(), entries);
        } catch (AleException e) {
            ZipFile.closeQuietly(zip);
            throw e;
        } catch (IOException e) {
            ZipFile.closeQuietly(zip);
            throw new TaskPackException(location, "", "not a readable zip archive: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            ZipFile.closeQuietly(zip);
            throw new TaskPackException(location, "", "corrupt zip archive: " + e, e);
        }
    }

    /**
     * How many central directory records the zip {@code file} holds, counting stops at
     * {@code stopAt}: an upper bound on the entries any zip reader finds in it, for a caller about
     * to open it with another reader (zip readers build an object per record as they open a file).
     *
     * @throws IOException when the end records cannot be found, or describe a central directory
     *     that does not end where they begin (a zip two readers could read differently)
     */
    public static long countEntries(Path file, long stopAt) throws IOException {
        ZipEndRecord end = ZipEndRecord.read(file);
        if (!end.centralDirectoryFits()) {
            throw new IOException("the central directory does not end where the end record begins");
        }
        return end.countRecords(file, stopAt);
    }

    /** The archive's name, as refusals give it. */
    @Override
    public String location() {
        return location;
    }

    @Override
    public Listing listing() {
        return listing;
    }

    /**
     * Opens a file of the listing. The stream delivers exactly the listed size with the declared
     * CRC, or fails with a {@link TaskPackException} naming the entry.
     */
    @Override
    public InputStream open(String path) throws IOException {
        ZipArchiveEntry e = entries.get(path);
        if (e == null) {
            throw new IOException("no file '" + path + "' in " + location);
        }
        InputStream in;
        try {
            in = zip.getInputStream(e);
        } catch (RuntimeException | LinkageError ex) {
            throw new IOException("corrupt zip entry: " + ex, ex);
        }
        if (in == null) {
            throw new IOException("cannot read zip entry '" + path + "'");
        }
        return BoundedInput.compressed(in, path, e.getSize(), e.getCompressedSize(), e.getCrc(), limits);
    }

    /**
     * Writes every folder and file into the empty folder {@code root} (regular files and folders
     * only, never replacing one, never through a link). Data that cannot be inflated is a refusal
     * of its entry; what was written stays for the caller to delete with the folder.
     *
     * @throws IOException when a file cannot be written
     */
    public void extractTo(Path root) throws IOException {
        for (String folder : listing.folders()) {
            Files.createDirectories(EntryRules.resolve(root, folder, folder));
        }
        byte[] buffer = new byte[64 * 1024];
        for (String path : listing.files().keySet()) {
            Path target = EntryRules.resolve(root, path, path);
            try (InputStream in = open(path);
                    OutputStream out = Files.newOutputStream(
                            target,
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS)) {
                for (int n = inflate(in, buffer, path); n >= 0; n = inflate(in, buffer, path)) {
                    out.write(buffer, 0, n);
                }
            }
        }
    }

    /** The bytes of one read of an entry; a failure to inflate is a refusal naming the entry. */
    private static int inflate(InputStream in, byte[] buffer, String path) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw EntryRules.refuse(path, "corrupt data: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        ZipFile.closeQuietly(zip);
    }

    private static ZipEndRecord endRecord(Path file, String location) {
        return unreadable(location, () -> ZipEndRecord.read(file));
    }

    /** What the end records claim, checked before the central directory is read. */
    private static void checkEnd(String location, ZipEndRecord end, ArchiveLimits limits) {
        if (end.split()) {
            throw new TaskPackException(location, "", "split (multi-disk) zip archives are not supported");
        }
        for (long claimed : new long[] {end.total(), end.onThisDisk()}) {
            if (claimed < 0 || claimed > limits.maxEntries()) {
                throw new TaskPackException(
                        location,
                        "",
                        "too many entries: the end record claims "
                                + Long.toUnsignedString(claimed) + ", more than the limit of " + limits.maxEntries()
                                + " entries (refused before the central directory is read)"
                                + limits.hint(Limit.MAX_ENTRIES));
            }
        }
        if (!end.centralDirectoryFits()) {
            throw new TaskPackException(
                    location,
                    "",
                    "the end record's central directory (" + end.centralSize()
                            + " bytes at " + end.centralOffset() + ") does not end where the end record begins ("
                            + end.centralEnd() + "): a zip that two readers could read differently");
        }
        long cap = Math.max(
                MIN_CENTRAL_BYTES,
                Math.min(limits.maxEntries(), Long.MAX_VALUE / CENTRAL_BYTES_PER_ENTRY) * CENTRAL_BYTES_PER_ENTRY);
        if (end.centralSize() > cap) {
            throw new TaskPackException(
                    location,
                    "",
                    "the central directory takes " + end.centralSize() + " bytes, more than the " + cap
                            + " its entry limit allows (" + CENTRAL_BYTES_PER_ENTRY + " bytes an entry)"
                            + limits.hint(Limit.MAX_ENTRIES));
        }
    }

    /** The entry counts of the end record must agree with the central directory read. */
    private static void checkCount(String location, ZipEndRecord end, int read) {
        for (long claimed : new long[] {end.total(), end.onThisDisk()}) {
            if (claimed != read) {
                throw new TaskPackException(
                        location,
                        "",
                        "the end record claims " + claimed + " entries but the central directory holds " + read
                                + " entries");
            }
        }
    }

    private static void admit(
            ZipFile zip,
            ZipArchiveEntry e,
            EntryGuard guard,
            ArchiveLimits limits,
            Map<String, ZipArchiveEntry> entries) {
        byte[] raw = e.getRawName();
        String name = raw == null ? e.getName() : EntryRules.utf8Name(raw, 0, raw.length);
        int type = e.getUnixMode() & UnixStat.FILE_TYPE_FLAG;
        if (type == UnixStat.LINK_FLAG) {
            throw EntryRules.refuse(name, EntryRules.SYMLINK);
        }
        if (type != 0 && type != UnixStat.FILE_FLAG && type != UnixStat.DIR_FLAG) {
            throw EntryRules.refuse(name, EntryRules.SPECIAL);
        }
        if (e.isDirectory() || type == UnixStat.DIR_FLAG) {
            guard.folder(name);
            return;
        }
        String path = guard.file(name, e.getSize());
        if (e.getMethod() != ZipEntry.STORED && e.getMethod() != ZipEntry.DEFLATED) {
            throw EntryRules.refuse(
                    name, "compression method " + e.getMethod() + " is not supported (only stored and deflated)");
        }
        if (!zip.canReadEntryData(e)) {
            throw EntryRules.refuse(name, "unsupported compression method or encrypted entry");
        }
        if (e.getSize() > limits.ratioFloorBytes() && limits.overRatio(e.getSize(), e.getCompressedSize())) {
            throw EntryRules.refuse(
                    name,
                    EntryGuard.overRatio(limits, " (" + e.getSize() + " bytes from " + e.getCompressedSize() + ")"));
        }
        entries.put(path, e);
    }

    /** Reads what the end records say; failing that, the zip is not readable. */
    private interface EndRead<T> {
        T read() throws IOException;
    }

    private static <T> T unreadable(String location, EndRead<T> read) {
        try {
            return read.read();
        } catch (IOException e) {
            throw new TaskPackException(location, "", "not a readable zip archive: " + e.getMessage(), e);
        }
    }
}
