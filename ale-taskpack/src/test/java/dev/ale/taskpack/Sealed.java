package dev.ale.taskpack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
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
            return Arrays.copyOf(out.array(), (int) out.size());
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

    /** The files of an archive, read with the default limits: path (a top-level reference/ lifted) to content. */
    static Map<String, byte[]> unseal(byte[] archive, char[] key) throws SealedArchive.Failure {
        return unseal(archive, key, PackLimits.defaults());
    }

    /** The files of an archive, read with {@code limits}: path to content. */
    static Map<String, byte[]> unseal(byte[] archive, char[] key, PackLimits limits) throws SealedArchive.Failure {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (SealedArchive.File f : SealedArchive.read(archive, key, limits, "reference")) {
            out.put(f.path(), f.data());
        }
        return out;
    }

    /** A 7-Zip-made test archive of {@code sealed/} (its README gives the command that made each). */
    static byte[] fixture(String name) {
        try (InputStream in = Sealed.class.getResourceAsStream("sealed/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        b.putInt(28, (int) crc(archive, at, size));
        b.putInt(8, (int) crc(archive, 12, 20));
        return archive;
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
