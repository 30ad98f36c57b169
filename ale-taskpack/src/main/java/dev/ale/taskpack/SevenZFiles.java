package dev.ale.taskpack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Reads a 7z FilesInfo: names (UTF-16LE), which entries have no content and which of those are
 * empty files rather than folders, and attributes. Anti items (deletions), symbolic links and
 * reparse points, and special files are refused as in any pack archive; times are skipped.
 */
final class SevenZFiles {
    /** Windows attribute of reparse points (links, junctions). */
    private static final long REPARSE_POINT = 0x400;
    /** 7-Zip's extension: the high 16 bits of the attributes hold a unix mode. */
    private static final long UNIX_EXTENSION = 0x8000;

    /** One entry as the header describes it. */
    record File(String name, boolean hasStream, boolean directory) {}

    private SevenZFiles() {}

    static List<File> read(SevenZIn h) throws SevenZReader.Failure {
        int count = h.count(h.remaining());
        BitSet emptyStream = new BitSet();
        BitSet emptyFile = new BitSet();
        List<String> names = null;
        BitSet attributesDefined = new BitSet();
        long[] attributes = new long[count];
        for (long type = h.number(); type != SevenZ.END; type = h.number()) {
            SevenZIn p = h.slice(h.count(h.remaining()));
            if (type == SevenZ.EMPTY_STREAM) {
                emptyStream = p.bits(count);
            } else if (type == SevenZ.EMPTY_FILE) {
                emptyFile = p.bits(emptyStream.cardinality());
            } else if (type == SevenZ.ANTI) {
                if (!p.bits(emptyStream.cardinality()).isEmpty()) {
                    throw SevenZReader.unreadable("anti items (deletions) are not allowed in a sealed reference");
                }
            } else if (type == SevenZ.NAME) {
                if (p.u8() != 0) {
                    throw SevenZReader.unreadable("names stored outside the header are not supported");
                }
                names = names(p.bytes(p.remaining()), count);
            } else if (type == SevenZ.WIN_ATTRIBUTES) {
                attributesDefined = p.allOrBits(count);
                if (p.u8() != 0) {
                    throw SevenZReader.unreadable("attributes stored outside the header are not supported");
                }
                for (int i = 0; i < count; i++) {
                    attributes[i] = attributesDefined.get(i) ? p.uint32() : 0;
                }
            }
        }
        if (names == null && count > 0) {
            throw SevenZReader.unreadable("the entries have no names");
        }
        List<File> files = new ArrayList<>();
        int empty = 0;
        for (int i = 0; i < count; i++) {
            String name = names.get(i);
            boolean stream = !emptyStream.get(i);
            boolean directory = !stream && !emptyFile.get(empty);
            empty += stream ? 0 : 1;
            if (attributesDefined.get(i)) {
                refuseSpecial(name, attributes[i]);
            }
            files.add(new File(name, stream, directory));
        }
        return files;
    }

    private static void refuseSpecial(String name, long attributes) {
        int type = (int) (attributes >>> 16) & 0170000;
        boolean unix = (attributes & UNIX_EXTENSION) != 0;
        if ((attributes & REPARSE_POINT) != 0 || (unix && type == 0120000)) {
            throw EntryRules.refuse(name, "symbolic link (links are not allowed in a pack)");
        }
        if (unix && type != 0 && type != 0100000 && type != 040000) {
            throw EntryRules.refuse(name, "special file (device, fifo or socket entries are not allowed in a pack)");
        }
    }

    /** Splits UTF-16LE names, each ending with a 16-bit zero; there must be exactly {@code count}. */
    private static List<String> names(byte[] bytes, int count) throws SevenZReader.Failure {
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            if (bytes[i] == 0 && bytes[i + 1] == 0) {
                names.add(new String(bytes, start, i - start, StandardCharsets.UTF_16LE));
                start = i + 2;
            }
        }
        if (start != bytes.length || names.size() != count) {
            throw SevenZReader.unreadable("the names of the entries are damaged");
        }
        return names;
    }
}
