package dev.ale.taskpack;

import dev.ale.api.task.PackModifiedException;
import dev.ale.archive.ArchiveSource;
import dev.ale.archive.internal.EntryRules;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * What one file contributed to its task's digest: the digest's state just before the file, and the
 * value the digest would have had with this file last. Reading the file again through
 * {@link #wrap} feeds a copy of that state with the bytes read and compares at the end: the bytes a
 * verifier gets are exactly the ones the task's digest was checked on, or the read fails with a
 * {@link PackModifiedException}. No file is hashed twice to keep the check.
 */
final class FileCheck {
    private final MessageDigest before;
    private final byte[] after;
    private final String relative;
    private final long size;

    FileCheck(MessageDigest before, byte[] after, String relative, long size) {
        this.before = before;
        this.after = after;
        this.relative = relative;
        this.size = size;
    }

    /** Feeds the header a task digest gives a file: its path, a zero byte, its length as 8 bytes big-endian. */
    static void header(MessageDigest sha, String relative, long size) {
        sha.update(relative.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(size).array());
    }

    /** A copy of the digest's state. */
    static MessageDigest copy(MessageDigest sha) {
        try {
            return (MessageDigest) sha.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be copied", e);
        }
    }

    /** Opens the file at {@code entry} through {@code check}, or as it is when {@code check} is null. */
    static InputStream openHeld(FileCheck check, ArchiveSource source, String entry) throws IOException {
        return check == null ? source.open(entry) : check.open(source, entry);
    }

    /** Opens the file at {@code entry} through the check; a file that cannot be opened as it was is a modification. */
    InputStream open(ArchiveSource source, String entry) {
        InputStream in;
        try {
            in = source.open(entry);
        } catch (IOException | RuntimeException e) {
            throw modified(
                    entry,
                    "the file can no longer be opened as it was when its digest was checked (" + e.getMessage() + ")");
        }
        MessageDigest sha = copy(before);
        header(sha, relative, size);
        return new Checked(in, entry, sha);
    }

    /** The refusal of a file that changed since its digest was checked. */
    static PackModifiedException modified(String entry, String what) {
        return new PackModifiedException(
                EntryRules.printable(entry),
                "",
                "pack modified during the run: " + what + "; no further attempt is scored against this pack");
    }

    private final class Checked extends FilterInputStream {
        private final String entry;
        private final MessageDigest sha;
        private boolean done;

        Checked(InputStream in, String entry, MessageDigest sha) {
            super(in);
            this.entry = entry;
            this.sha = sha;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                throw modified(
                        entry,
                        "the file can no longer be read as it was when its digest was checked (" + e.getMessage()
                                + ")");
            }
            if (n >= 0) {
                sha.update(b, off, n);
            } else if (!done) {
                done = true;
                if (!Arrays.equals(sha.digest(), after)) {
                    throw modified(entry, "the file's content is not the content its digest was checked on");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] sink = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            int read = read(sink, 0, sink.length);
            return Math.max(read, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
