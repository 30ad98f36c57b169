package dev.ale.taskpack;

import dev.ale.api.AleException;
import dev.ale.api.task.TaskPackException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A pack in a zip file, read with random access: the central directory is checked in full when the
 * pack is opened (names, types, duplicates, count, declared sizes and ratios), entries are read on
 * demand through {@link BoundedInput}, which counts the bytes actually inflated.
 */
final class ZipSource implements PackSource {
    private final ZipFile zip;
    private final String location;
    private final PackLimits limits;
    private final Listing listing;
    private final Map<String, ZipArchiveEntry> entries;

    private ZipSource(
            ZipFile zip, String location, PackLimits limits, Listing listing, Map<String, ZipArchiveEntry> entries) {
        this.zip = zip;
        this.location = location;
        this.limits = limits;
        this.listing = listing;
        this.entries = entries;
    }

    /**
     * Opens and checks the zip file: its end record first (the entry count it claims and the room
     * its central directory takes, before the central directory is read), then every entry, then
     * the layout of the local headers ({@link ZipLayout}).
     */
    static ZipSource open(Path file, PackLimits limits) {
        String location = file.getFileName().toString();
        ZipEndRecord end;
        try {
            end = ZipEndRecord.read(file);
        } catch (IOException e) {
            throw new TaskPackException(location, "", "not a readable zip archive: " + e.getMessage(), e);
        }
        checkEnd(location, end, limits);
        long records;
        try {
            records = end.countRecords(file, limits.maxEntries() + 1);
        } catch (IOException e) {
            throw new TaskPackException(location, "", "not a readable zip archive: " + e.getMessage(), e);
        }
        if (records > limits.maxEntries()) {
            throw new TaskPackException(
                    location,
                    "",
                    "too many entries: the central directory holds more than the limit of " + limits.maxEntries()
                            + " entries (its end record claims " + end.total() + ")");
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
            EntryGuard guard = new EntryGuard(limits);
            Map<String, ZipArchiveEntry> entries = new HashMap<>();
            List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
            checkCount(location, end, all.size());
            for (ZipArchiveEntry e : all) {
                admit(zip, e, guard, limits, entries);
            }
            ZipLayout.check(file, all, end, location);
            return new ZipSource(zip, location, limits, guard.listing(), entries);
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
     * What the end record claims, checked before the central directory is read: entry counts within
     * the limit, a central directory no larger than that many entries can take, and one that ends
     * where the end records begin (so a reader cannot be sent through more records than it says).
     */
    private static void checkEnd(String location, ZipEndRecord end, PackLimits limits) {
        for (long claimed : new long[] {end.total(), end.onThisDisk()}) {
            if (claimed < 0 || claimed > limits.maxEntries()) {
                throw new TaskPackException(
                        location,
                        "",
                        "too many entries: the end record claims "
                                + Long.toUnsignedString(claimed) + ", more than the limit of " + limits.maxEntries()
                                + " entries (refused before the central directory is read)"
                                + PackLimits.raise("maxEntries"));
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
            ZipFile zip, ZipArchiveEntry e, EntryGuard guard, PackLimits limits, Map<String, ZipArchiveEntry> entries) {
        byte[] raw = e.getRawName();
        String name = raw == null ? e.getName() : EntryRules.utf8Name(raw, 0, raw.length);
        int type = e.getUnixMode() & UnixStat.FILE_TYPE_FLAG;
        if (type == UnixStat.LINK_FLAG) {
            throw EntryRules.refuse(name, "symbolic link (links are not allowed in a pack)");
        }
        if (type != 0 && type != UnixStat.FILE_FLAG && type != UnixStat.DIR_FLAG) {
            throw EntryRules.refuse(name, "special file (device, fifo or socket entries are not allowed in a pack)");
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
        if (e.getSize() > limits.ratioFloorBytes()
                && BoundedInput.overRatio(e.getSize(), e.getCompressedSize(), limits)) {
            throw EntryRules.refuse(
                    name,
                    "compression ratio over the limit of " + limits.maxCompressionRatio() + " (" + e.getSize()
                            + " bytes from " + e.getCompressedSize() + ")" + PackLimits.raise("maxCompressionRatio"));
        }
        entries.put(path, e);
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public Listing listing() {
        return listing;
    }

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
        return new BoundedInput(in, path, e.getSize(), limits.maxEntryBytes(), e.getCompressedSize(), limits);
    }

    @Override
    public void close() {
        ZipFile.closeQuietly(zip);
    }
}
