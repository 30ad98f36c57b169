package dev.ale.archive.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/** The gzip stream inflated a few pieces ahead: the same bytes as the JDK's reader, failures where met, a thread that ends. */
class GunzipAheadTest {

    /** A source that counts what was read from it and knows whether it was closed. */
    static final class Source extends InputStream {
        final ByteArrayInputStream in;
        final AtomicLong read = new AtomicLong();
        final AtomicBoolean closed = new AtomicBoolean();

        Source(byte[] bytes) {
            in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                read.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }

        @Override
        public int available() {
            return in.available();
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    static byte[] gzip(byte[]... members) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] member : members) {
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(one)) {
                gz.write(member);
            }
            out.write(one.toByteArray());
        }
        return out.toByteArray();
    }

    /** {@code size} random bytes from {@code seed}. */
    static byte[] noise(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static GunzipAhead ahead(Source source, String name) throws IOException {
        return new GunzipAhead(source, source.read::get, name);
    }

    /** Reads everything in reads of random lengths (1 to 3 pieces), one byte at a time now and then. */
    static byte[] readAll(InputStream in, Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[3 * GunzipAhead.PIECE];
        while (true) {
            if (random.nextInt(8) == 0) {
                int b = in.read();
                if (b < 0) {
                    return out.toByteArray();
                }
                out.write(b);
                continue;
            }
            int len = random.nextInt(buffer.length + 1);
            int off = random.nextInt(buffer.length - len + 1);
            int n = in.read(buffer, off, len);
            if (n < 0) {
                return out.toByteArray();
            }
            assertTrue(len == 0 ? n == 0 : n > 0, "a read of " + len + " bytes gave " + n);
            out.write(buffer, off, n);
        }
    }

    static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("ale-gunzip " + name) && t.isAlive());
    }

    @Test
    void givesTheSameBytesAsTheJdkReaderForSizesAroundAPieceAndSeveralMembers() throws IOException {
        Random random = new Random(20261207);
        int piece = GunzipAhead.PIECE;
        int first = GunzipAhead.FIRST;
        int[] sizes = {0, 1, 100, first - 1, first, first + 1, piece - 1, piece, piece + 1, 3 * piece + 7, 1_000_000};
        for (int trial = 0; trial < 40; trial++) {
            int members = 1 + random.nextInt(3);
            byte[][] parts = new byte[members][];
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            for (int m = 0; m < members; m++) {
                parts[m] = new byte[sizes[random.nextInt(sizes.length)]];
                if (random.nextBoolean()) {
                    random.nextBytes(parts[m]);
                } else {
                    Arrays.fill(parts[m], (byte) random.nextInt(4));
                }
                whole.write(parts[m]);
            }
            byte[] compressed = gzip(parts);
            Source source = new Source(compressed);
            try (GunzipAhead in = ahead(source, "same-" + trial)) {
                assertArrayEquals(whole.toByteArray(), readAll(in, random), "trial " + trial);
                assertEquals(-1, in.read());
                assertTrue(in.inflatedFrom() <= compressed.length);
            }
            assertTrue(source.closed.get(), "closing it closes the source");
            assertFalse(threadAlive("same-" + trial));
            if (members == 1) {
                try (InputStream jdk = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                    assertArrayEquals(jdk.readAllBytes(), whole.toByteArray());
                }
            }
        }
    }

    @Test
    void aStreamThatFitsTheFirstPieceIsInflatedWithoutAThread() throws IOException {
        int first = GunzipAhead.FIRST;
        int[] sizes = {0, 1, 5_000, first - 1, first, first + 1, GunzipAhead.PIECE + 1};
        boolean[] threaded = {false, false, false, false, true, true, true};
        for (int i = 0; i < sizes.length; i++) {
            byte[] plain = noise(sizes[i], i);
            try (GunzipAhead in = ahead(new Source(gzip(plain)), "small-" + i)) {
                assertArrayEquals(plain, in.readAllBytes());
                assertEquals(threaded[i], in.threadStarted(), sizes[i] + " bytes");
            }
        }
    }

    @Test
    void countsWhatWasInflatedNotWhatWasReadAhead() throws IOException {
        byte[] noise = noise(1_000_000, 3);
        // the zeros fill the first piece and four more exactly, so no piece read holds noise
        byte[] zeros = new byte[GunzipAhead.FIRST + 4 * GunzipAhead.PIECE];
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        plain.write(zeros);
        plain.write(noise);
        Source source = new Source(gzip(plain.toByteArray()));
        try (GunzipAhead in = ahead(source, "ratio")) {
            long before = -1;
            byte[] buffer = new byte[GunzipAhead.PIECE];
            for (int i = 0; i < 4; i++) {
                assertEquals(buffer.length, in.readNBytes(buffer, 0, buffer.length));
                assertTrue(in.inflatedFrom() >= before, "never goes back");
                before = in.inflatedFrom();
            }
            assertTrue(before < 2_000, "256 KiB of zeros inflated from " + before + " bytes");
            assertTrue(source.read.get() > GunzipAhead.PIECE, "the source was read ahead: " + source.read.get());
        }
    }

    @Test
    void aStreamThatIsNotGzipFailsAtOnceWithNoThread() {
        Source source = new Source("not gzip at all, just text".getBytes(StandardCharsets.UTF_8));
        ZipException e = assertThrows(ZipException.class, () -> ahead(source, "not-gzip"));
        assertEquals("Not in GZIP format", e.getMessage());
        assertFalse(threadAlive("not-gzip"));
    }

    @Test
    void aDamagedStreamFailsTheReaderAfterTheBytesBeforeTheDamage() throws IOException {
        byte[] plain = noise(600_000, 5);
        byte[] compressed = gzip(plain);
        byte[] cut = Arrays.copyOf(compressed, compressed.length / 2);
        Source source = new Source(cut);
        try (GunzipAhead in = ahead(source, "cut")) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[10_000];
            IOException e = assertThrows(IOException.class, () -> {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    got.write(buffer, 0, n);
                }
            });
            assertTrue(e instanceof EOFException, e.toString());
            assertTrue(got.size() > 200_000, "what came before the cut was read: " + got.size());
            assertArrayEquals(Arrays.copyOf(plain, got.size()), got.toByteArray());
            assertThrows(IOException.class, () -> in.read(buffer), "no bytes after a failure");
        }
        assertFalse(threadAlive("cut"));
    }

    @Test
    void anInterruptedReaderFailsThenClosesAndIsStillInterrupted() throws IOException {
        byte[] plain = noise(2_000_000, 11);
        Source source = new Source(gzip(plain));
        GunzipAhead in = ahead(source, "interrupted");
        assertEquals(GunzipAhead.FIRST, in.readNBytes(new byte[GunzipAhead.FIRST], 0, GunzipAhead.FIRST));
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class, () -> in.read(new byte[100]));
            in.close();
            assertFalse(threadAlive("interrupted"));
            assertTrue(source.closed.get());
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        }
    }

    @Test
    void closingBeforeTheEndStopsTheThreadAndClosesTheSource() throws IOException {
        byte[] plain = noise(8_000_000, 9);
        Source source = new Source(gzip(plain));
        GunzipAhead in = ahead(source, "early");
        assertEquals(100, in.readNBytes(new byte[100], 0, 100));
        in.close();
        assertFalse(threadAlive("early"));
        assertTrue(source.closed.get());
        assertTrue(source.read.get() < 8_000_000 / 4, "stopped before the end: " + source.read.get());
    }
}
