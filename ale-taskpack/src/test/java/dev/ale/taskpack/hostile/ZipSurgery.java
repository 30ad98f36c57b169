package dev.ale.taskpack.hostile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Edits a (classic, non-ZIP64) zip so that two zip readers would read it differently while every
 * offset still points where a reader that trusts the central directory expects: bytes inserted
 * before the first entry or between two, a local header that names its entry otherwise, two
 * central records on one local header.
 */
final class ZipSurgery {
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;

    private ZipSurgery() {}

    /** One central directory record: where it is, its name and its local header offset. */
    private record Central(int at, String name, long local) {}

    /** Inserts {@code junk} at byte {@code position}, moving every offset at or after it. */
    static void insert(Path zip, long position, byte[] junk) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = buffer(bytes);
        int end = end(bytes);
        for (Central c : centrals(bytes)) {
            if (c.local() >= position) {
                b.putInt(c.at() + 42, (int) (c.local() + junk.length));
            }
        }
        long cdOffset = b.getInt(end + 16) & 0xFFFFFFFFL;
        if (cdOffset >= position) {
            b.putInt(end + 16, (int) (cdOffset + junk.length));
        }
        byte[] out = new byte[bytes.length + junk.length];
        System.arraycopy(bytes, 0, out, 0, (int) position);
        System.arraycopy(junk, 0, out, (int) position, junk.length);
        System.arraycopy(bytes, (int) position, out, (int) position + junk.length, bytes.length - (int) position);
        Files.write(zip, out);
    }

    /** Inserts {@code junk} right after the entry {@code name} (before the entry that follows it). */
    static void insertAfter(Path zip, String name, byte[] junk) throws IOException {
        List<Central> sorted = new ArrayList<>(centrals(Files.readAllBytes(zip)));
        sorted.sort(Comparator.comparingLong(Central::local));
        for (int i = 0; i + 1 < sorted.size(); i++) {
            if (sorted.get(i).name().equals(name)) {
                insert(zip, sorted.get(i + 1).local(), junk);
                return;
            }
        }
        throw new IllegalArgumentException("no entry after " + name);
    }

    /** Rewrites the name in the local header of {@code name} to {@code other} (of the same length). */
    static void renameLocal(Path zip, String name, String other) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        byte[] to = other.getBytes(StandardCharsets.UTF_8);
        Central c = find(bytes, name);
        if (to.length != name.getBytes(StandardCharsets.UTF_8).length) {
            throw new IllegalArgumentException("names must have the same length");
        }
        System.arraycopy(to, 0, bytes, (int) c.local() + 30, to.length);
        Files.write(zip, bytes);
    }

    /** Points the central record of {@code name} at the local header of {@code other}: two entries on one. */
    static void pointAt(Path zip, String name, String other) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        buffer(bytes)
                .putInt(find(bytes, name).at() + 42, (int) find(bytes, other).local());
        Files.write(zip, bytes);
    }

    /** Overwrites the first central record's signature: a central directory no reader can walk. */
    static void breakCentralDirectory(Path zip) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = buffer(bytes);
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (b.getInt(i) == CENTRAL) {
                b.putInt(i, 0x21212121);
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalArgumentException("no central directory");
    }

    private static Central find(byte[] bytes, String name) {
        return centrals(bytes).stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no entry " + name));
    }

    private static List<Central> centrals(byte[] bytes) {
        ByteBuffer b = buffer(bytes);
        int end = end(bytes);
        int at = b.getInt(end + 16);
        List<Central> all = new ArrayList<>();
        while (at + 46 <= end && b.getInt(at) == CENTRAL) {
            int n = b.getShort(at + 28) & 0xFFFF;
            int m = b.getShort(at + 30) & 0xFFFF;
            int k = b.getShort(at + 32) & 0xFFFF;
            String name = new String(Arrays.copyOfRange(bytes, at + 46, at + 46 + n), StandardCharsets.UTF_8);
            all.add(new Central(at, name, b.getInt(at + 42) & 0xFFFFFFFFL));
            at += 46 + n + m + k;
        }
        return all;
    }

    private static int end(byte[] bytes) {
        ByteBuffer b = buffer(bytes);
        for (int i = bytes.length - 22; i >= 0; i--) {
            if (b.getInt(i) == END) {
                return i;
            }
        }
        throw new IllegalArgumentException("no end record");
    }

    private static ByteBuffer buffer(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
