package dev.ale.taskpack;

import dev.ale.archive.internal.EntryRules;
import java.util.List;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;

/**
 * What a sealed archive's entries may be, beyond the names every pack archive follows: no links or
 * special files (told by their attributes), and where its files sit: at the top, or all inside
 * one top-level folder named after the part ({@code reference/}), which is lifted as ALE does.
 */
final class SealedLayout {
    /** Windows attribute of reparse points (links, junctions). */
    private static final int REPARSE_POINT = 0x400;
    /** 7-Zip's extension: the high 16 bits of the attributes hold a unix mode. */
    private static final int UNIX_EXTENSION = 0x8000;

    private static final int TYPE_MASK = 0170000;
    private static final int LINK = 0120000;
    private static final int REGULAR = 0100000;
    private static final int FOLDER = 040000;

    private SealedLayout() {}

    /** Refuses links (reparse points, unix symbolic links) and special files (devices, fifos, sockets). */
    static void refuseSpecial(String name, int attributes) {
        int type = (attributes >>> 16) & TYPE_MASK;
        boolean unix = (attributes & UNIX_EXTENSION) != 0;
        if ((attributes & REPARSE_POINT) != 0 || (unix && type == LINK)) {
            throw EntryRules.refuse(name, EntryRules.SYMLINK);
        }
        if (unix && type != 0 && type != REGULAR && type != FOLDER) {
            throw EntryRules.refuse(name, EntryRules.SPECIAL);
        }
    }

    /**
     * {@code folder + "/"} when every entry is that folder or inside it (ALE's older layout, which
     * ALE flattens when it stages the reference), otherwise the empty prefix (the flat layout).
     */
    static String liftedPrefix(List<SevenZArchiveEntry> entries, String folder) {
        String prefix = folder + "/";
        for (SevenZArchiveEntry e : entries) {
            String name = e.getName();
            if (!name.startsWith(prefix) && !(name.equals(folder) && e.isDirectory())) {
                return "";
            }
        }
        return entries.isEmpty() ? "" : prefix;
    }
}
