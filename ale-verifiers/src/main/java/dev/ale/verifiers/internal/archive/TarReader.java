package dev.ale.verifiers.internal.archive;

import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.Render;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Unpacks a tar stream (POSIX ustar, pax extended headers for {@code path} and {@code size}, GNU
 * long names, old v7 headers) read once from start to end. Regular files and directories are
 * unpacked; hard and symbolic links, devices, FIFOs and every other entry type are refused.
 * Header checksums are verified; names must be UTF-8; pax and long-name records are capped at
 * {@value #MAX_META} bytes.
 */
final class TarReader {
    static final int BLOCK = 512;
    static final int MAX_META = 1 << 20;

    private TarReader() {}

    /** Whether a 512-byte block is a tar header (its checksum holds). */
    static boolean isHeader(byte[] h) {
        if (h.length < BLOCK) {
            return false;
        }
        long stored;
        try {
            stored = octal(h, 148, 8);
        } catch (NumberFormatException e) {
            return false;
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : h[i];
            unsigned += b & 0xFF;
            signed += b;
        }
        return stored == unsigned || stored == signed;
    }

    static void extract(InputStream in, Extraction out) throws GateFailure, IOException {
        byte[] h = new byte[BLOCK];
        Map<String, String> pax = new HashMap<>();
        String longName = null;
        long headers = 0;
        long maxHeaders = out.limits().maxEntries() * 4 + 4;
        long[] meta = {0};
        while (true) {
            int n = in.readNBytes(h, 0, BLOCK);
            if (n == 0 || n == BLOCK && allZero(h)) {
                return;
            }
            if (n < BLOCK) {
                throw out.problem("malformed tar archive: it ends inside a header");
            }
            if (++headers > maxHeaders) {
                throw out.problem("more than " + maxHeaders + " tar headers");
            }
            if (!isHeader(h)) {
                throw out.problem("not a tar archive, or damaged: header " + headers + " fails its checksum");
            }
            char type = (char) h[156];
            long size = size(h, pax, headers, out);
            switch (type) {
                case 'x', 'g' -> {
                    Map<String, String> records = pax(meta(in, size, meta, out), out);
                    if (type == 'x') {
                        pax.putAll(records);
                    }
                    continue;
                }
                case 'L' -> {
                    longName = cString(meta(in, size, meta, out), out);
                    continue;
                }
                case 'K' -> {
                    meta(in, size, meta, out);
                    continue;
                }
                default -> {
                    String name = pax.containsKey("path")
                            ? pax.get("path")
                            : longName != null ? longName : headerName(h, out);
                    entry(in, type, name, size, out);
                    skip(in, pad(size), out);
                    pax.clear();
                    longName = null;
                }
            }
        }
    }

    private static long size(byte[] h, Map<String, String> pax, long header, Extraction out) throws GateFailure {
        try {
            long size = pax.containsKey("size") ? Long.parseLong(pax.get("size")) : number(h, 124, 12);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw out.problem("malformed tar archive: header " + header + " has a bad size");
    }

    /** Unpacks one regular file or directory entry's data; any other type is refused. */
    private static void entry(InputStream in, char type, String name, long size, Extraction out)
            throws GateFailure, IOException {
        boolean directory = type == '5' || (type == '0' || type == 0) && name.endsWith("/") && size == 0;
        if (directory) {
            if (size > 0) {
                throw out.problem("malformed tar archive: directory entry " + Render.quoted(name) + " carries data");
            }
            out.directory(name);
            return;
        }
        switch (type) {
            case '0', '\0', '7' -> {
                out.checkDeclared(name, size, -1);
                Bounded data = new Bounded(in, size);
                out.file(name, data, -1);
                if (data.left > 0) {
                    throw out.problem("malformed tar archive: entry " + Render.quoted(name) + " ends early");
                }
            }
            case '1', '2' -> throw out.problem("entry " + Render.quoted(name) + " is a link");
            case '3', '4', '6' -> throw out.problem("entry " + Render.quoted(name) + " is a device or FIFO");
            default -> throw out.problem("entry " + Render.quoted(name) + " has the unsupported type '" + type + "'");
        }
    }

    private static String headerName(byte[] h, Extraction out) throws GateFailure {
        String name = cString(slice(h, 0, 100), out);
        boolean ustar =
                h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r' && h[262] == 0;
        String prefix = ustar ? cString(slice(h, 345, 155), out) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /**
     * Reads a pax, long-name or long-link record of {@code size} bytes and its padding; all such
     * records of one archive together may hold at most {@value #MAX_META} x 16 bytes.
     */
    private static byte[] meta(InputStream in, long size, long[] total, Extraction out)
            throws GateFailure, IOException {
        total[0] += size;
        if (size > MAX_META || total[0] > 16L * MAX_META) {
            throw out.problem("malformed tar archive: extended headers larger than " + MAX_META
                    + " bytes (or 16 times that in all)");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw out.problem("malformed tar archive: it ends inside an extended header");
        }
        skip(in, pad(size), out);
        return data;
    }

    /** Parses pax records, {@code "<length> <key>=<value>\n"}. */
    private static Map<String, String> pax(byte[] data, Extraction out) throws GateFailure {
        Map<String, String> records = new HashMap<>();
        int p = 0;
        while (p < data.length) {
            int sp = p;
            while (sp < data.length && data[sp] >= '0' && data[sp] <= '9' && sp - p < 8) {
                sp++;
            }
            int len = sp > p && sp < data.length && data[sp] == ' '
                    ? Integer.parseInt(new String(data, p, sp - p, StandardCharsets.US_ASCII))
                    : -1;
            if (len <= sp - p + 1 || p + len > data.length || data[p + len - 1] != '\n') {
                throw out.problem("malformed tar archive: a pax record is damaged");
            }
            String record = utf8(slice(data, sp + 1, p + len - 1 - (sp + 1)), out);
            int eq = record.indexOf('=');
            if (eq <= 0) {
                throw out.problem("malformed tar archive: a pax record is damaged");
            }
            records.put(record.substring(0, eq), record.substring(eq + 1));
            p += len;
        }
        return records;
    }

    /** A numeric header field: octal digits (spaces and NULs around them), or base-256 when the top bit is set. */
    static long number(byte[] h, int off, int len) {
        if ((h[off] & 0x80) != 0) {
            if ((h[off] & 0x40) != 0) {
                throw new NumberFormatException("negative");
            }
            long v = h[off] & 0x3F;
            for (int i = 1; i < len; i++) {
                if (v >>> 55 != 0) {
                    throw new NumberFormatException("too large");
                }
                v = (v << 8) | (h[off + i] & 0xFF);
            }
            return v;
        }
        return octal(h, off, len);
    }

    private static long octal(byte[] h, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && (h[i] == ' ' || h[i] == 0)) {
            i++;
        }
        long v = 0;
        int digits = 0;
        for (; i < end && h[i] >= '0' && h[i] <= '7'; i++, digits++) {
            if (digits >= 21) {
                throw new NumberFormatException("too long");
            }
            v = v * 8 + (h[i] - '0');
        }
        for (; i < end; i++) {
            if (h[i] != ' ' && h[i] != 0) {
                throw new NumberFormatException("not octal");
            }
        }
        return v;
    }

    private static String cString(byte[] b, Extraction out) throws GateFailure {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return utf8(slice(b, 0, n), out);
    }

    private static String utf8(byte[] b, Extraction out) throws GateFailure {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            throw out.problem("an entry name is not UTF-8");
        }
    }

    private static byte[] slice(byte[] b, int off, int len) {
        byte[] s = new byte[len];
        System.arraycopy(b, off, s, 0, len);
        return s;
    }

    private static long pad(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static void skip(InputStream in, long n, Extraction out) throws GateFailure, IOException {
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw out.problem("malformed tar archive: it ends early");
        }
    }

    private static boolean allZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** At most {@code left} bytes of the underlying stream. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left == 0) {
                return -1;
            }
            int b = in.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
