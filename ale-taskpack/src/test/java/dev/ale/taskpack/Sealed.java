package dev.ale.taskpack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** Seals and unseals archives in memory for the tests, and patches their headers. */
final class Sealed {
    static final char[] KEY = "correct horse battery staple".toCharArray();

    private Sealed() {}

    /** The sealed archive of these files (name to content, in this order). */
    static byte[] seal(Map<String, byte[]> files, char[] key) {
        List<SevenZWriter.Item> items = new ArrayList<>();
        files.forEach((name, data) ->
                items.add(new SevenZWriter.Item(name, data.length, () -> new ByteArrayInputStream(data))));
        try (SeekableInMemoryByteChannel out = new SeekableInMemoryByteChannel()) {
            SevenZWriter.write(items, key, out);
            return java.util.Arrays.copyOf(out.array(), (int) out.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, byte[]> files(String... nameThenText) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenText.length; i += 2) {
            out.put(nameThenText[i], nameThenText[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The entries of an archive: name to content (folders map to null). */
    static Map<String, byte[]> unseal(byte[] archive, char[] key) throws SevenZReader.Failure {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (SevenZReader.Entry e : SevenZReader.read(archive, key, (n, d, s) -> {})) {
            out.put(
                    e.name(),
                    e.directory() ? null : java.util.Arrays.copyOfRange(e.data(), e.offset(), e.offset() + e.length()));
        }
        return out;
    }

    /** Where the next header starts. */
    static int nextHeader(byte[] archive) {
        return (int) (32
                + ByteBuffer.wrap(archive, 12, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }

    /** Recomputes the next header's CRC and the start header's CRC after an edit of the next header. */
    static byte[] fixCrcs(byte[] archive) {
        ByteBuffer b = ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN);
        int at = nextHeader(archive);
        int size = (int) b.getLong(20);
        b.putInt(28, (int) SevenZ.crc(archive, at, size));
        b.putInt(8, (int) SevenZ.crc(archive, 12, 20));
        return archive;
    }

    /** The first index of {@code needle} in {@code hay}, or -1. */
    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
