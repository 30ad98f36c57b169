package dev.ale.taskpack;

import com.google.common.primitives.UnsignedBytes;
import dev.ale.api.task.TaskPackException;
import dev.ale.archive.ArchiveSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The contract's digests. A task's: SHA-256 over its regular files sorted by path (relative to
 * the task folder, UTF-8 byte order), feeding for each the path's UTF-8 bytes, a 0x00 byte, the
 * length as 8 bytes big-endian and the content (streamed). A pack's: SHA-256 over the UTF-8 text
 * of {@code <id> <digest>\n} for each task in id order.
 */
final class Digests {
    /** Orders paths by their UTF-8 bytes (without encoding them where no surrogate tells them apart). */
    static final Comparator<String> UTF8_ORDER = Digests::compareUtf8;

    private static final Comparator<byte[]> BYTE_ORDER = UnsignedBytes.lexicographicalComparator();

    private Digests() {}

    /**
     * Compares two strings as their UTF-8 bytes would compare: below U+D800 and from U+E000, UTF-16
     * code units order as code points, and so as UTF-8; at a first difference involving a surrogate
     * the strings are encoded and compared as bytes.
     */
    static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return BYTE_ORDER.compare(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
                }
                return Character.compare(x, y);
            }
        }
        if (n > 0 && a.length() != b.length() && Character.isHighSurrogate(a.charAt(n - 1))) {
            return BYTE_ORDER.compare(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * The digest of a task whose only file is {@code task.json}, holding {@code content}: what
     * {@link #task(ArchiveSource, String)} gives for it, from the bytes already read.
     */
    static String taskJsonOnly(byte[] content) {
        MessageDigest sha = sha256();
        FileCheck.header(sha, TaskLayout.TASK_JSON, content.length);
        sha.update(content);
        return hex(sha.digest());
    }

    /** The digest of task {@code id} computed from the pack's files. */
    static String task(ArchiveSource source, String id) {
        return task(source, id, rel -> false, Map.of());
    }

    /**
     * The digest of task {@code id}; for each file whose path relative to the task folder
     * {@code checked} accepts, a {@link FileCheck} is put in {@code checks} (by pack entry), so that
     * a later read of that file can be held to the bytes digested now.
     */
    static String task(ArchiveSource source, String id, Predicate<String> checked, Map<String, FileCheck> checks) {
        String folder = TaskLayout.folder(id);
        List<String> paths = new ArrayList<>(source.listing().filesUnder(folder).keySet());
        List<String> relative = new ArrayList<>();
        paths.forEach(p -> relative.add(p.substring(folder.length())));
        sortUtf8(relative);
        MessageDigest sha = sha256();
        byte[] buffer = new byte[8192];
        for (String rel : relative) {
            String path = folder + rel;
            long size = source.listing().files().get(path);
            MessageDigest before = checked.test(rel) ? FileCheck.copy(sha) : null;
            FileCheck.header(sha, rel, size);
            try (InputStream in = source.open(path)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new TaskPackException(path, "", "cannot read: " + e.getMessage(), e);
            }
            if (before != null) {
                checks.put(path, new FileCheck(before, FileCheck.copy(sha).digest(), rel, size));
            }
        }
        return hex(sha.digest());
    }

    /** The digest of a pack whose tasks have the given digests. */
    static String pack(Map<String, String> taskDigests) {
        MessageDigest sha = sha256();
        List<String> ids = new ArrayList<>(taskDigests.keySet());
        sortUtf8(ids);
        for (String id : ids) {
            sha.update((id + " " + taskDigests.get(id) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return hex(sha.digest());
    }

    /**
     * Sorts strings in the order of their UTF-8 bytes ({@link #UTF8_ORDER}): by {@link String#compareTo}
     * (the same order when no string holds a surrogate, and several times faster) unless one does.
     */
    static void sortUtf8(List<String> strings) {
        for (String s : strings) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isSurrogate(s.charAt(i))) {
                    strings.sort(UTF8_ORDER);
                    return;
                }
            }
        }
        strings.sort(Comparator.naturalOrder());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A new SHA-256 digest: a copy of a fresh one (a third the cost of a provider look-up). */
    static MessageDigest sha256() {
        return FileCheck.copy(FRESH);
    }

    private static final MessageDigest FRESH = lookUp();

    private static MessageDigest lookUp() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
