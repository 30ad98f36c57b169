package dev.ale.archive.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apiguardian.api.API;

/**
 * The data of one zip entry, read with positional reads of the archive's channel (so entries can be
 * read at once from several threads): stored bytes as they are, or deflated bytes through an
 * {@link Inflater} with a read buffer no larger than the entry's compressed data. It counts the
 * compressed bytes consumed, for the ratio check of {@link BoundedInput}, and delivers what the
 * data holds: the entry's size and CRC are {@link BoundedInput}'s to check.
 */
@API(status = INTERNAL)
public final class ZipEntryInput extends InputStream implements InputStreamStatistics {
    private static final int BUFFER = 8192;

    private final FileChannel ch;
    private final long end;
    private final Inflater inflater;
    private final Consumer<Inflater> release;
    private final byte[] buffer;
    private long position;
    private long compressedCount;
    private long uncompressedCount;
    private boolean dummyGiven;
    private boolean closed;

    /**
     * @param ch         the archive
     * @param dataStart  where the entry's data starts (after its local header)
     * @param compressed the length of its data
     * @param inflater   a reset inflater (nowrap) for a deflated entry, null for a stored one
     * @param release    takes the inflater back when the stream is closed
     */
    public ZipEntryInput(
            FileChannel ch, long dataStart, long compressed, Inflater inflater, Consumer<Inflater> release) {
        this.ch = ch;
        this.position = dataStart;
        this.end = dataStart + compressed;
        this.inflater = inflater;
        this.release = release;
        this.buffer = inflater == null ? null : new byte[(int) Math.max(1, Math.min(BUFFER, compressed))];
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        int n = inflater == null ? readStored(b, off, len) : inflate(b, off, len);
        if (n > 0) {
            uncompressedCount += n;
        }
        return n;
    }

    private int readStored(byte[] b, int off, int len) throws IOException {
        int want = (int) Math.min(len, end - position);
        if (want <= 0) {
            return -1;
        }
        int n = fill(ByteBuffer.wrap(b, off, want));
        compressedCount += n;
        return n;
    }

    private int inflate(byte[] b, int off, int len) throws IOException {
        try {
            while (true) {
                int n = inflater.inflate(b, off, len);
                if (n > 0) {
                    return n;
                }
                if (inflater.finished()) {
                    return -1;
                }
                if (inflater.needsDictionary()) {
                    throw new IOException("corrupt deflated data: it asks for a preset dictionary");
                }
                if (inflater.needsInput()) {
                    supply();
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("corrupt deflated data: " + e.getMessage(), e);
        }
    }

    /** Gives the inflater the next compressed bytes; past the data, one dummy byte as raw inflation may need. */
    private void supply() throws IOException {
        int want = (int) Math.min(buffer.length, end - position);
        if (want > 0) {
            int n = fill(ByteBuffer.wrap(buffer, 0, want));
            compressedCount += n;
            inflater.setInput(buffer, 0, n);
        } else if (!dummyGiven) {
            dummyGiven = true;
            buffer[0] = 0;
            inflater.setInput(buffer, 0, 1);
        } else {
            throw new EOFException("unexpected end of the entry's deflated data");
        }
    }

    /** Fills {@code into} from the channel at the current position; fewer bytes only at the end of the file. */
    private int fill(ByteBuffer into) throws IOException {
        int total = 0;
        while (into.hasRemaining()) {
            int n = ch.read(into, position);
            if (n < 0) {
                throw new EOFException("the entry's data runs past the end of the file");
            }
            position += n;
            total += n;
        }
        return total;
    }

    @Override
    public long getCompressedCount() {
        return compressedCount;
    }

    @Override
    public long getUncompressedCount() {
        return uncompressedCount;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (inflater != null) {
                release.accept(inflater);
            }
        }
    }
}
