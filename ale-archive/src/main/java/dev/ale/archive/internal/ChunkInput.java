package dev.ale.archive.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apiguardian.api.API;

/**
 * A filter stream whose every byte passes through {@link #read(byte[], int, int)}, once: single-byte
 * reads go through it too, and marks are not supported, so a subclass can count what it delivers.
 */
@API(status = INTERNAL)
public abstract class ChunkInput extends FilterInputStream {
    protected ChunkInput(InputStream in) {
        super(in);
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: every byte is delivered once
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
