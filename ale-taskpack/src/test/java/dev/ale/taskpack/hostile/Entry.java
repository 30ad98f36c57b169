package dev.ale.taskpack.hostile;

import java.nio.charset.StandardCharsets;

/**
 * One archive entry as the hostile suites write it, including the kinds a well-behaved writer
 * never produces: links, devices, fifos, and names that are absolute, escaping or not UTF-8.
 *
 * @param name the entry name as written (for {@link #rawName} entries, a placeholder of the same byte length)
 * @param data the content of a file entry
 * @param kind what the entry is
 * @param link the target of a link entry, else empty
 * @param raw  the name's real bytes, patched in after writing (null: the UTF-8 bytes of {@code name})
 */
record Entry(String name, byte[] data, Kind kind, String link, byte[] raw) {
    /** The kinds of entry. */
    enum Kind {
        FILE,
        FOLDER,
        SYMLINK,
        HARD_LINK,
        CHAR_DEVICE,
        BLOCK_DEVICE,
        FIFO
    }

    static Entry file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Entry file(String name, byte[] data) {
        return new Entry(name, data, Kind.FILE, "", null);
    }

    static Entry folder(String name) {
        return new Entry(name, new byte[0], Kind.FOLDER, "", null);
    }

    static Entry symlink(String name, String target) {
        return new Entry(name, target.getBytes(StandardCharsets.UTF_8), Kind.SYMLINK, target, null);
    }

    static Entry hardLink(String name, String target) {
        return new Entry(name, new byte[0], Kind.HARD_LINK, target, null);
    }

    static Entry special(String name, Kind kind) {
        return new Entry(name, new byte[0], kind, "", null);
    }

    /**
     * A file whose name is {@code prefix} followed by {@code rawTail}, bytes that need not be UTF-8.
     * It is written under an ASCII placeholder of the same length, which {@link Archives} replaces.
     */
    static Entry rawName(String prefix, byte[] rawTail, String text) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] raw = new byte[p.length + rawTail.length];
        System.arraycopy(p, 0, raw, 0, p.length);
        System.arraycopy(rawTail, 0, raw, p.length, rawTail.length);
        String placeholder = prefix + "Q".repeat(rawTail.length);
        return new Entry(placeholder, text.getBytes(StandardCharsets.UTF_8), Kind.FILE, "", raw);
    }

    /** This entry under another name. */
    Entry named(String newName) {
        return new Entry(newName, data, kind, link, raw);
    }

    /** The unix mode a zip entry of this kind carries. */
    int zipMode() {
        return switch (kind) {
            case FILE, HARD_LINK -> 0100644;
            case FOLDER -> 040755;
            case SYMLINK -> 0120777;
            case CHAR_DEVICE -> 0020644;
            case BLOCK_DEVICE -> 0060644;
            case FIFO -> 0010644;
        };
    }
}
