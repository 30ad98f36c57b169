package dev.ale.verifiers.internal.archive;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Counts, without parsing, the byte sequences that could start a zip central directory record
 * ({@code PK\1\2}) anywhere in a file: an upper bound on the entries any zip reader can find in
 * it, whatever its end records claim. Zip libraries build an object per record as they open a
 * file, so a file of millions of tiny records must be refused before one opens it.
 */
@API(status = INTERNAL)
public final class ZipRecords {
    private static final int SIGNATURE = 0x504B0102;

    private ZipRecords() {}

    /** The number of {@code PK\1\2} sequences in {@code file}, counting stops at {@code limit} + 1. */
    public static long count(Path file, long limit) throws IOException {
        long count = 0;
        int window = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                for (int i = 0; i < n; i++) {
                    window = window << 8 | (buf[i] & 0xFF);
                    if (window == SIGNATURE && ++count > limit) {
                        return count;
                    }
                }
            }
        }
        return count;
    }
}
