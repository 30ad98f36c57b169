package dev.ale.archive;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.AleException;
import dev.ale.api.task.TaskPackException;
import dev.ale.archive.ArchiveLimits.Limit;
import dev.ale.archive.internal.BoundedInput;
import dev.ale.archive.internal.EntryGuard;
import dev.ale.archive.internal.EntryRules;
import dev.ale.archive.internal.ZipDirectory;
import dev.ale.archive.internal.ZipEndRecord;
import dev.ale.archive.internal.ZipEntryInput;
import dev.ale.archive.internal.ZipLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import org.apiguardian.api.API;

/**
 * A zip file read with random access: its end records are checked before its central directory is
 * read (once, front to back: {@link ZipDirectory}), every entry when it is opened (names, types,
 * duplicates, count, declared sizes and ratios, the whole archive's ratio), then the layout of the
 * local headers ({@link ZipLayout}); entries are read with positional reads of one channel through
 * {@link BoundedInput}, which counts the bytes actually inflated and checks the CRC.
 */
@API(status = INTERNAL)
public final class ZipArchive implements ArchiveSource {
    /** The smallest central directory size cap; the cap grows by {@value #CENTRAL_BYTES_PER_ENTRY} per allowed entry. */
    private static final long MIN_CENTRAL_BYTES = 16L << 20;

    private static final long CENTRAL_BYTES_PER_ENTRY = 1024;

    /** The most inflaters kept for reuse once their streams are closed. */
    private static final int POOLED_INFLATERS = 8;

    /** S_IFMT and the file, folder and link types of a Unix mode. */
    private static final int TYPE_MASK = 0170000;

    private static final int FILE_TYPE = 0100000;
    private static final int FOLDER_TYPE = 0040000;
    private static final int LINK_TYPE = 0120000;

    private final FileChannel zip;
    private final String location;
    private final ArchiveLimits limits;
    private final Listing listing;
    private final Map<String, Data> entries;
    private final Queue<Inflater> inflaters = new ConcurrentLinkedQueue<>();

    /** Where a file's data is and what it must give. */
    private record Data(long start, long compressedSize, long size, long crc, boolean deflated) {}

    private ZipArchive(
            FileChannel zip, String location, ArchiveLimits limits, Listing listing, Map<String, Data> entries) {
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
        FileChannel zip;
        try {
            zip = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            throw new TaskPackException(location, "", "not a readable zip archive: " + e.getMessage(), e);
        }
        try {
            List<ZipDirectory.Record> all = ZipDirectory.read(zip, end, limits.maxEntries() + 1);
            if (all.size() > limits.maxEntries()) {
                throw new TaskPackException(
                        location,
                        "",
                        "too many entries: the central directory holds more than the limit of " + limits.maxEntries()
                                + " entries (its end record claims " + end.total() + ")"
                                + limits.hint(Limit.MAX_ENTRIES));
            }
            checkCount(location, end, all.size());
            EntryGuard guard = new EntryGuard(limits, names, all.size());
            String[] paths = new String[all.size()];
            for (int i = 0; i < paths.length; i++) {
                paths[i] = admit(all.get(i), guard, limits);
            }
            long[] starts = ZipLayout.check(zip, all, end, location);
            long size = zip.size();
            if (guard.declaredTotal() > limits.ratioFloorBytes() && limits.overRatio(guard.declaredTotal(), size)) {
                throw new TaskPackException(
                        location,
                        "",
                        EntryGuard.overRatio(
                                limits,
                                " (the entries add up to " + guard.declaredTotal() + " bytes from an archive of " + size
                                        + " bytes)"));
            }
            Map<String, Data> entries = new HashMap<>(all.size() * 4 / 3 + 1);
            for (int i = 0; i < paths.length; i++) {
                if (paths[i] != null) {
                    ZipDirectory.Record r = all.get(i);
                    entries.put(
                            paths[i],
                            new Data(
                                    starts[i], r.compressedSize(), r.size(), r.crc(), r.method() == ZipEntry.DEFLATED));
                }
            }
            return new ZipArchive(zip, location, limits, guard.listing(), entries);
        } catch (AleException e) {
            closeQuietly(zip);
            throw e;
        } catch (IOException e) {
            closeQuietly(zip);
            throw new TaskPackException(location, "", "not a readable zip archive: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(zip);
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
        Data d = entries.get(path);
        if (d == null) {
            throw new IOException("no file '" + path + "' in " + location);
        }
        Inflater inflater = null;
        if (d.deflated()) {
            inflater = inflaters.poll();
            inflater = inflater == null ? new Inflater(true) : inflater;
        }
        InputStream in = new ZipEntryInput(zip, d.start(), d.compressedSize(), inflater, this::giveBack);
        return BoundedInput.compressed(in, path, d.size(), d.compressedSize(), d.crc(), limits);
    }

    /** Takes back the inflater of a closed entry stream: reset for the next entry, or ended. */
    private void giveBack(Inflater inflater) {
        if (zip.isOpen() && inflaters.size() < POOLED_INFLATERS) {
            inflater.reset();
            inflaters.add(inflater);
        } else {
            inflater.end();
        }
    }

    /**
     * Writes every folder and file into the empty folder {@code root} (regular files and folders
     * only, never replacing one, never through a link). Data that cannot be inflated, and a name
     * this file system cannot hold (another spelling of a name already written, on a file system
     * that ignores case), are refusals of their entry; what was written stays for the caller to
     * delete with the folder.
     *
     * @throws IOException when a file cannot be written
     */
    public void extractTo(Path root) throws IOException {
        for (String folder : listing.folders()) {
            try {
                Files.createDirectories(EntryRules.resolve(root, folder, folder));
            } catch (FileAlreadyExistsException | InvalidPathException e) {
                throw EntryRules.unpackable(folder, e);
            }
        }
        byte[] buffer = new byte[64 * 1024];
        for (String path : listing.files().keySet()) {
            try (InputStream in = open(path);
                    OutputStream out = Files.newOutputStream(
                            EntryRules.resolve(root, path, path),
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS)) {
                for (int n = inflate(in, buffer, path); n >= 0; n = inflate(in, buffer, path)) {
                    out.write(buffer, 0, n);
                }
            } catch (FileAlreadyExistsException | InvalidPathException e) {
                throw EntryRules.unpackable(path, e);
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
        closeQuietly(zip);
        for (Inflater i = inflaters.poll(); i != null; i = inflaters.poll()) {
            i.end();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written: there is nothing to lose
        }
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

    /** Checks one record; returns the path of a file, null for a folder. */
    private static String admit(ZipDirectory.Record e, EntryGuard guard, ArchiveLimits limits) {
        byte[] raw = e.rawName();
        String name = EntryRules.utf8Name(raw, 0, raw.length);
        int type = e.unixMode() & TYPE_MASK;
        if (type == LINK_TYPE) {
            throw EntryRules.refuse(name, EntryRules.SYMLINK);
        }
        if (type != 0 && type != FILE_TYPE && type != FOLDER_TYPE) {
            throw EntryRules.refuse(name, EntryRules.SPECIAL);
        }
        if (e.directory() || type == FOLDER_TYPE) {
            guard.folder(name);
            return null;
        }
        String path = guard.file(name, e.size());
        if (e.method() != ZipEntry.STORED && e.method() != ZipEntry.DEFLATED) {
            throw EntryRules.refuse(
                    name, "compression method " + e.method() + " is not supported (only stored and deflated)");
        }
        if (e.encrypted()) {
            throw EntryRules.refuse(name, "unsupported compression method or encrypted entry");
        }
        if (e.size() > limits.ratioFloorBytes() && limits.overRatio(e.size(), e.compressedSize())) {
            throw EntryRules.refuse(
                    name, EntryGuard.overRatio(limits, " (" + e.size() + " bytes from " + e.compressedSize() + ")"));
        }
        return path;
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
