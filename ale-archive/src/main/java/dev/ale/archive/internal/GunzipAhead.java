package dev.ale.archive.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import org.apiguardian.api.API;

/**
 * A gzip stream inflated on a thread of its own, a few pieces ahead of its reader, so that
 * inflating and what the reader does with the bytes (a tar's entries written to disk) overlap.
 * The JDK's {@link GZIPInputStream} inflates: it reads every member of a stream of several
 * (RFC 1952, as {@code gzip -d} does). Each piece carries the count of compressed bytes inflated to
 * make it, so {@link #inflatedFrom()} is exact at piece boundaries and never counts what was read
 * ahead. A failure of the inflating thread is thrown to the reader, at the point it would have
 * been met; {@link #close()} stops the thread and waits for it.
 */
@API(status = INTERNAL)
public final class GunzipAhead extends ChunkInput {
    /** The size of each piece, and of the inflater's input buffer. */
    public static final int PIECE = 64 * 1024;

    /** The size of the first piece, inflated on the reader's thread: a stream that fits needs no thread. */
    static final int FIRST = 16 * 1024;

    /** How many pieces may wait for the reader. */
    private static final int AHEAD = 4;

    /** How long {@link #close()} waits for the inflating thread. */
    private static final long STOP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final Piece END = new Piece(new byte[0], -1, 0, null);

    /** Bytes {@code [0, length)} of {@code data}; {@code length} -1 ends the stream, or fails it with {@code failure}. */
    private record Piece(byte[] data, int length, long inflatedFrom, Throwable failure) {}

    private final BlockingQueue<Piece> full = new ArrayBlockingQueue<>(AHEAD + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(AHEAD + 2);
    private final Gunzip gunzip;
    private final LongSupplier read;
    private final Thread thread;
    private boolean started;
    private volatile boolean stopped;

    private Piece current;
    private int position;
    private long inflatedFrom;
    private boolean ended;
    private Throwable failure;

    /**
     * Reads the gzip header from {@code in} now (so a stream that is not gzip fails here). The first
     * 16 KiB are inflated on the reader's thread; only a longer stream starts the daemon thread,
     * named after {@code name}, for the rest.
     *
     * @param read how many bytes have been read from {@code in} so far
     */
    public GunzipAhead(InputStream in, LongSupplier read, String name) throws IOException {
        super(new Gunzip(in));
        this.gunzip = (Gunzip) this.in;
        this.read = read;
        this.thread = new Thread(this::inflate, "ale-gunzip " + name);
        thread.setDaemon(true);
    }

    /** Whether a thread was started to inflate (the stream was longer than the first piece). */
    boolean threadStarted() {
        return thread.getState() != Thread.State.NEW;
    }

    /** The compressed bytes inflated to make what has been read so far, up to the end of its piece. */
    public long inflatedFrom() {
        return inflatedFrom;
    }

    /** The next piece of the stream in {@code buffer}, or {@link #END}. */
    private Piece inflateInto(byte[] buffer) throws IOException {
        int n = gunzip.readNBytes(buffer, 0, buffer.length);
        return n == 0 ? END : new Piece(buffer, n, read.getAsLong() - gunzip.unconsumed(), null);
    }

    /** The inflating thread: pieces into {@link #full} until the end, a failure or {@link #close()}. */
    private void inflate() {
        int made = 0;
        try {
            boolean end = false;
            while (!stopped && !end) {
                byte[] buffer = free.poll();
                if (buffer == null && made < AHEAD + 1) {
                    buffer = new byte[PIECE];
                    made++;
                } else if (buffer == null) {
                    buffer = free.take();
                }
                Piece piece = inflateInto(buffer);
                full.put(piece);
                end = piece.length() < 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | Error e) {
            try {
                full.put(failed(e));
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Piece failed(Throwable e) {
        return new Piece(new byte[0], -1, 0, e);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!next()) {
            return -1;
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.data(), position, b, off, n);
        position += n;
        return n;
    }

    /** The bytes left in the piece being read (the inflating thread's stream is not asked). */
    @Override
    public int available() {
        return current == null ? 0 : current.length() - position;
    }

    /** Makes {@link #current} a piece with bytes left; false at the end of the stream. */
    private boolean next() throws IOException {
        while (current == null || position == current.length()) {
            if (ended) {
                rethrow(failure);
                return false;
            }
            if (current != null && current.data().length == PIECE) {
                free.add(current.data());
                current = null;
            }
            Piece piece = take();
            if (piece.length() < 0) {
                ended = true;
                failure = piece.failure();
                rethrow(failure);
                return false;
            }
            current = piece;
            position = 0;
            inflatedFrom = piece.inflatedFrom();
        }
        return true;
    }

    private Piece take() throws IOException {
        if (!started) {
            started = true;
            return first();
        }
        try {
            return full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while inflating");
        }
    }

    /** The first piece, inflated here; the thread starts only when more may follow. */
    private Piece first() {
        Piece first;
        try {
            first = inflateInto(new byte[FIRST]);
        } catch (IOException | RuntimeException e) {
            return failed(e);
        }
        if (first.length() == FIRST) {
            thread.start();
        } else if (first.length() > 0) {
            full.add(END);
        }
        return first;
    }

    /** Throws {@code failure} as it was thrown on the inflating thread (nothing when null). */
    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /**
     * Stops the inflating thread (it finishes the piece it is making), waits for it to end and
     * closes the gzip stream with its source. A thread still blocked reading its source after
     * {@link #STOP_WAIT_NANOS} is left to end when that read returns, and nothing is closed under it.
     */
    @Override
    public void close() throws IOException {
        stopped = true;
        boolean interrupted =
                Thread.interrupted(); // a reader interrupted still waits for the thread, then is interrupted again
        long deadline = System.nanoTime() + STOP_WAIT_NANOS;
        while (thread.isAlive() && System.nanoTime() - deadline < 0) {
            Piece waiting;
            while ((waiting = full.poll()) != null) {
                if (waiting.length() >= 0) {
                    free.offer(waiting.data());
                }
            }
            try {
                thread.join(10);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            gunzip.close();
        }
    }

    /** The JDK's gzip reader with a larger input buffer, saying how much of what it read it has not inflated yet. */
    private static final class Gunzip extends GZIPInputStream {
        Gunzip(InputStream in) throws IOException {
            super(in, PIECE);
        }

        long unconsumed() {
            return inf.getRemaining();
        }
    }
}
