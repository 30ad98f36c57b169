package dev.ale.verifiers.internal.archive;

import dev.ale.testfixtures.Zips;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Builds zip, tar and tar.gz archives for tests, including hostile ones no normal tool would write. */
final class Archives {
    private Archives() {}

    /** A zip of the given entries (names ending in '/' are directories), deflated. */
    static byte[] zip(Map<String, byte[]> entries) {
        return Zips.zip(entries);
    }

    /** A zip of alternating names and UTF-8 contents. */
    static byte[] zip(String... namesAndContents) {
        return zip(map(namesAndContents));
    }

    static Map<String, byte[]> map(String... namesAndContents) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            m.put(namesAndContents[i], namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    /** The offset of the central directory header of entry {@code index} (0-based). */
    static int central(byte[] zip, int index) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int seen = 0;
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (b.getInt(i) == 0x02014b50 && seen++ == index) {
                return i;
            }
        }
        throw new IllegalArgumentException("no central entry " + index);
    }

    /** Marks entry {@code index} as made on Unix with the given mode (e.g. 0120777 for a symbolic link). */
    static byte[] unixMode(byte[] zip, int index, int mode) {
        byte[] z = zip.clone();
        int c = central(z, index);
        z[c + 5] = 3;
        ByteBuffer.wrap(z).order(ByteOrder.LITTLE_ENDIAN).putInt(c + 38, mode << 16);
        return z;
    }

    /** Sets a 2- or 4-byte little-endian field of entry {@code index}'s central header. */
    static byte[] patchCentral(byte[] zip, int index, int offset, int width, long value) {
        byte[] z = zip.clone();
        ByteBuffer b = ByteBuffer.wrap(z).order(ByteOrder.LITTLE_ENDIAN);
        int c = central(z, index);
        if (width == 2) {
            b.putShort(c + offset, (short) value);
        } else {
            b.putInt(c + offset, (int) value);
        }
        return z;
    }

    /** Replaces every occurrence of {@code from} by {@code to} (same length) in the archive's bytes. */
    static byte[] replace(byte[] archive, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        byte[] z = archive.clone();
        for (int i = 0; i + f.length <= z.length; i++) {
            boolean hit = true;
            for (int k = 0; k < f.length && hit; k++) {
                hit = z[i + k] == f[k];
            }
            if (hit) {
                System.arraycopy(t, 0, z, i, t.length);
            }
        }
        return z;
    }

    /** A tar builder: ustar headers written by hand, so any name and type can be tested. */
    static final class Tar {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Tar file(String name, String content) {
            return entry(name, '0', content.getBytes(StandardCharsets.UTF_8), "");
        }

        Tar file(String name, byte[] content) {
            return entry(name, '0', content, "");
        }

        Tar dir(String name) {
            return entry(name, '5', new byte[0], "");
        }

        /** A pax extended header ('x') with the given records, applying to the next entry. */
        Tar pax(String key, String value) {
            String rec = " " + key + "=" + value + "\n";
            int len = rec.length() + 1;
            while (String.valueOf(len).length() + rec.length() != len) {
                len++;
            }
            return entry("PaxHeaders/x", 'x', (len + rec).getBytes(StandardCharsets.UTF_8), "");
        }

        Tar entry(String name, char type, byte[] data, String link) {
            byte[] h = header(name, type, data.length, link);
            out.writeBytes(h);
            out.writeBytes(data);
            out.writeBytes(new byte[(512 - data.length % 512) % 512]);
            return this;
        }

        /** Raw bytes appended as they are (for truncated or damaged archives). */
        Tar raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(new byte[1024]);
            return all.toByteArray();
        }

        /** The archive without its end blocks, cut to {@code length} bytes. */
        byte[] truncated(int length) {
            byte[] b = out.toByteArray();
            byte[] cut = new byte[length];
            System.arraycopy(b, 0, cut, 0, length);
            return cut;
        }

        byte[] gzipped() {
            return gzip(bytes());
        }

        /** The archive as {@code members} gzip members of about equal parts, one after another ({@code cat a.gz b.gz}). */
        byte[] gzippedInMembers(int members) {
            byte[] tar = bytes();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < members; i++) {
                int from = (int) ((long) tar.length * i / members);
                int to = (int) ((long) tar.length * (i + 1) / members);
                all.writeBytes(gzip(Arrays.copyOfRange(tar, from, to)));
            }
            return all.toByteArray();
        }

        static byte[] header(String name, char type, long size, String link) {
            byte[] h = new byte[512];
            put(h, 0, name, 100);
            put(h, 100, "0000644", 8);
            put(h, 108, "0000000", 8);
            put(h, 116, "0000000", 8);
            put(h, 124, String.format("%011o", size), 12);
            put(h, 136, "00000000000", 12);
            h[156] = (byte) type;
            put(h, 157, link, 100);
            put(h, 257, "ustar", 6);
            put(h, 263, "00", 2);
            for (int i = 148; i < 156; i++) {
                h[i] = ' ';
            }
            long sum = 0;
            for (byte b : h) {
                sum += b & 0xFF;
            }
            put(h, 148, String.format("%06o", sum), 7);
            return h;
        }

        private static void put(byte[] h, int off, String s, int len) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, h, off, Math.min(b.length, len));
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(bytes)) {
            g.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
