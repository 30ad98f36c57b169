package dev.ale.verifiers.internal.archive;

import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.Render;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Unpacks a zip archive from its central directory (zip64 included), so every entry's Unix mode is
 * seen: symbolic links, devices, FIFOs and sockets are refused, as are encrypted or split archives,
 * compression methods other than stored and deflated, entries whose data overlap (the overlapping
 * zip bomb) or lie outside the archive, sizes or CRCs that differ from what is declared, and
 * names that are not UTF-8. The entry count is checked before anything is read.
 */
final class ZipReader {
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final long MAX_DIRECTORY_BYTES = 16L << 20;
    private static final long U32 = 0xFFFFFFFFL;

    private ZipReader() {}

    /** One central directory entry; {@code start} is where its data begins, once located. */
    private record Entry(
            String name, boolean directory, int method, long crc, long compressed, long size, long local, long start) {}

    static void extract(FileChannel ch, Extraction out) throws GateFailure, IOException {
        long size = ch.size();
        int tailLen = (int) Math.min(size, 22 + 0xFFFF);
        ByteBuffer tail = read(ch, size - tailLen, tailLen, out);
        int at = -1;
        for (int i = tailLen - 22; i >= 0 && at < 0; i--) {
            if (tail.getInt(i) == EOCD && i + 22 + (tail.getShort(i + 20) & 0xFFFF) <= tailLen) {
                at = i;
            }
        }
        if (at < 0) {
            throw out.problem("not a zip archive: no end of central directory record");
        }
        long endPos = size - tailLen + at;
        long disks = (tail.getShort(at + 4) & 0xFFFF) | (tail.getShort(at + 6) & 0xFFFF);
        long count = tail.getShort(at + 10) & 0xFFFF;
        long onDisk = tail.getShort(at + 8) & 0xFFFF;
        long dirSize = tail.getInt(at + 12) & U32;
        long dirOffset = tail.getInt(at + 16) & U32;
        if (count == 0xFFFF || dirSize == U32 || dirOffset == U32) {
            if (endPos < 20) {
                throw out.problem("malformed zip64 archive: no zip64 locator");
            }
            ByteBuffer loc = read(ch, endPos - 20, 20, out);
            if (loc.getInt(0) != ZIP64_LOCATOR) {
                throw out.problem("malformed zip64 archive: no zip64 locator");
            }
            endPos = loc.getLong(8);
            if (endPos < 0 || endPos > size - 56) {
                throw out.problem("malformed zip64 archive: end record out of bounds");
            }
            ByteBuffer end = read(ch, endPos, 56, out);
            if (end.getInt(0) != ZIP64_EOCD) {
                throw out.problem("malformed zip64 archive: no zip64 end record");
            }
            disks = end.getInt(16) | end.getInt(20) | loc.getInt(4);
            onDisk = end.getLong(24);
            count = end.getLong(32);
            dirSize = end.getLong(40);
            dirOffset = end.getLong(48);
        }
        if (disks != 0 || onDisk != count) {
            throw out.problem("split (multi-disk) zip archives are not supported");
        }
        if (count < 0 || count > out.limits().maxEntries()) {
            throw out.problem("the archive declares " + count + " entries, more than maxEntries "
                    + out.limits().maxEntries());
        }
        long dirStart = endPos - dirSize;
        if (dirSize < 0 || dirSize > MAX_DIRECTORY_BYTES || dirStart < 0 || dirOffset < 0 || dirOffset > dirStart) {
            throw out.problem("malformed zip archive: central directory out of bounds");
        }
        List<Entry> entries =
                centralDirectory(read(ch, dirStart, (int) dirSize, out), (int) count, dirStart - dirOffset, out);
        entries = locate(ch, entries, dirStart, out);
        for (Entry e : entries) {
            if (e.directory()) {
                out.directory(e.name());
            } else {
                unpack(ch, e, out);
            }
        }
    }

    private static List<Entry> centralDirectory(ByteBuffer cd, int count, long shift, Extraction out)
            throws GateFailure {
        List<Entry> entries = new ArrayList<>();
        int p = 0;
        try {
            for (int i = 0; i < count; i++) {
                if (cd.getInt(p) != CENTRAL) {
                    throw out.problem("malformed zip archive: central directory entry " + i + " is damaged");
                }
                int made = (cd.getShort(p + 4) & 0xFFFF) >>> 8;
                int flags = cd.getShort(p + 8) & 0xFFFF;
                int method = cd.getShort(p + 10) & 0xFFFF;
                long crc = cd.getInt(p + 16) & U32;
                long[] sizes = {cd.getInt(p + 24) & U32, cd.getInt(p + 20) & U32, cd.getInt(p + 42) & U32};
                int nameLen = cd.getShort(p + 28) & 0xFFFF;
                int extraLen = cd.getShort(p + 30) & 0xFFFF;
                int commentLen = cd.getShort(p + 32) & 0xFFFF;
                long external = cd.getInt(p + 38) & U32;
                byte[] raw = new byte[nameLen];
                cd.get(p + 46, raw);
                String name = utf8(raw, out);
                zip64(cd, p + 46 + nameLen, extraLen, sizes, name, out);
                int type = (int) (external >>> 16) & 0170000;
                boolean unix = made == 3 || made == 19;
                if (unix && (type == 0120000)) {
                    throw out.problem("entry " + Render.quoted(name) + " is a symbolic link");
                }
                if (unix && type != 0 && type != 0100000 && type != 040000) {
                    throw out.problem("entry " + Render.quoted(name) + " is a device, FIFO or socket");
                }
                if ((flags & 1) != 0) {
                    throw out.problem("entry " + Render.quoted(name) + " is encrypted");
                }
                boolean dir = name.endsWith("/") || unix && type == 040000 || !unix && (external & 0x10) != 0;
                if (!dir && method != 0 && method != 8) {
                    throw out.problem("entry " + Render.quoted(name) + " uses compression method " + method
                            + "; only stored (0) and deflated (8) are supported");
                }
                if (!dir && method == 0 && sizes[0] != sizes[1]) {
                    throw out.problem("entry " + Render.quoted(name) + " is stored with differing sizes");
                }
                if (!dir) {
                    out.checkDeclared(name, sizes[0], sizes[1]);
                }
                entries.add(new Entry(name, dir, method, crc, sizes[1], sizes[0], sizes[2] + shift, -1));
                p += 46 + nameLen + extraLen + commentLen;
            }
        } catch (IndexOutOfBoundsException e) {
            throw out.problem("malformed zip archive: the central directory ends early");
        }
        return entries;
    }

    /** Replaces the 0xFFFFFFFF size, compressed size and offset with their zip64 values. */
    private static void zip64(ByteBuffer cd, int start, int len, long[] sizes, String name, Extraction out)
            throws GateFailure {
        if (sizes[0] != U32 && sizes[1] != U32 && sizes[2] != U32) {
            return;
        }
        for (int q = start; q + 4 <= start + len; ) {
            int id = cd.getShort(q) & 0xFFFF;
            int size = cd.getShort(q + 2) & 0xFFFF;
            if (id == 1) {
                int r = q + 4;
                for (int k = 0; k < 3; k++) {
                    if (sizes[k] == U32) {
                        if (r + 8 > q + 4 + size) {
                            throw out.problem("entry " + Render.quoted(name) + " has a damaged zip64 field");
                        }
                        sizes[k] = cd.getLong(r);
                        r += 8;
                    }
                }
                if (sizes[0] < 0 || sizes[1] < 0 || sizes[2] < 0) {
                    throw out.problem("entry " + Render.quoted(name) + " has a damaged zip64 field");
                }
                return;
            }
            q += 4 + size;
        }
        throw out.problem("entry " + Render.quoted(name) + " lacks its zip64 field");
    }

    /** Finds each file's data after its local header; data must lie before the directory and not overlap. */
    private static List<Entry> locate(FileChannel ch, List<Entry> entries, long dirStart, Extraction out)
            throws GateFailure, IOException {
        List<Entry> located = new ArrayList<>();
        for (Entry e : entries) {
            if (e.directory()) {
                located.add(e);
                continue;
            }
            if (e.local() < 0 || e.local() > dirStart - 30) {
                throw out.problem("entry " + Render.quoted(e.name()) + " has its data outside the archive");
            }
            ByteBuffer h = read(ch, e.local(), 30, out);
            if (h.getInt(0) != LOCAL) {
                throw out.problem("entry " + Render.quoted(e.name()) + " has a damaged local header");
            }
            long start = e.local() + 30 + (h.getShort(26) & 0xFFFF) + (h.getShort(28) & 0xFFFF);
            if (start + e.compressed() > dirStart || start + e.compressed() < start) {
                throw out.problem("entry " + Render.quoted(e.name()) + " has its data outside the archive");
            }
            located.add(new Entry(e.name(), false, e.method(), e.crc(), e.compressed(), e.size(), e.local(), start));
        }
        List<Entry> files = located.stream()
                .filter(e -> !e.directory())
                .sorted(Comparator.comparingLong(Entry::local))
                .toList();
        for (int i = 1; i < files.size(); i++) {
            Entry a = files.get(i - 1);
            if (files.get(i).local() < a.start() + a.compressed()) {
                throw out.problem("entries " + Render.quoted(a.name()) + " and "
                        + Render.quoted(files.get(i).name()) + " share data (an overlapping zip bomb?)");
            }
        }
        return located;
    }

    private static void unpack(FileChannel ch, Entry e, Extraction out) throws GateFailure, IOException {
        Inflater inflater = new Inflater(true);
        try {
            InputStream raw = new Region(ch, e.start(), e.compressed(), e.method() == 8);
            CheckedInputStream in = new CheckedInputStream(
                    e.method() == 8 ? new InflaterInputStream(raw, inflater, 8192) : raw, new CRC32());
            long written = out.file(e.name(), in, e.compressed());
            if (written != e.size()) {
                throw out.problem("entry " + Render.quoted(e.name()) + " holds " + written + " bytes, not the "
                        + e.size() + " it declares");
            }
            if (in.getChecksum().getValue() != e.crc()) {
                throw out.problem("entry " + Render.quoted(e.name()) + " fails its CRC check");
            }
        } catch (ZipException | EOFException x) {
            throw out.problem("entry " + Render.quoted(e.name()) + " is corrupt: " + x.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static String utf8(byte[] raw, Extraction out) throws GateFailure {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw out.problem("an entry name is not UTF-8");
        }
    }

    private static ByteBuffer read(FileChannel ch, long pos, int len, Extraction out) throws GateFailure, IOException {
        ByteBuffer b = ByteBuffer.allocate(len);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw out.problem("malformed zip archive: it ends early");
            }
        }
        return b.flip().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A stream over part of the file; for deflated data one extra zero byte at the end, as the inflater may need it. */
    private static final class Region extends InputStream {
        private final FileChannel ch;
        private long pos;
        private long left;
        private boolean pad;

        Region(FileChannel ch, long pos, long len, boolean pad) {
            this.ch = ch;
            this.pos = pos;
            this.left = len;
            this.pad = pad;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (left == 0) {
                if (pad) {
                    pad = false;
                    b[off] = 0;
                    return 1;
                }
                return -1;
            }
            int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, left)), pos);
            if (n < 0) {
                throw new EOFException("the archive ends inside an entry");
            }
            pos += n;
            left -= n;
            return n;
        }
    }
}
