package dev.ale.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.jspecify.annotations.Nullable;

/** Reading and writing the workspace's text files the way every tool does: UTF-8, no binaries, nothing but regular files. */
final class TextFiles {
    /** How much of a file's start is looked at for a NUL byte, the mark of a binary file. */
    static final int SNIFF_BYTES = 8192;

    private TextFiles() {}

    /** The attributes of an existing regular file (links already checked by {@link WorkspacePaths}); refuses directories, pipes and devices. */
    static BasicFileAttributes regularFile(Path file, String shown) throws ToolException, IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ToolException("'" + shown + "' does not exist");
        }
        if (a.isDirectory()) {
            throw new ToolException("'" + shown + "' is a directory; list_files shows what it holds");
        }
        if (!a.isRegularFile()) {
            throw new ToolException(
                    "'" + shown + "' is not a regular file (a pipe, socket or device); it is not opened");
        }
        return a;
    }

    /** Whether the first bytes of the file hold a NUL byte. */
    static boolean looksBinary(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return hasNul(in.readNBytes(SNIFF_BYTES));
        }
    }

    static boolean hasNul(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF_BYTES);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The bytes as UTF-8 text, or null when they are not (a binary file). */
    static @Nullable String decode(byte[] bytes) {
        if (hasNul(bytes)) {
            return null;
        }
        try {
            return strictDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A reader of {@code in} that fails on bytes that are not UTF-8. */
    static Reader reader(InputStream in) {
        return new InputStreamReader(in, strictDecoder());
    }

    /** Writes {@code bytes} to a regular file (created when missing), never through a symbolic link. */
    static void write(Path file, byte[] bytes) throws IOException {
        Files.write(
                file,
                bytes,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** An input stream that ends after a number of bytes and says whether it stopped early. */
    static final class BoundedInput extends InputStream {
        private final InputStream in;
        private long left;
        private boolean capped;

        BoundedInput(InputStream in, long max) {
            this.in = in;
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            int b = atCap() ? -1 : in.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = atCap() ? -1 : in.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }

        /** Whether the cap is reached; if so, notes whether the input had more. */
        private boolean atCap() throws IOException {
            if (left > 0) {
                return false;
            }
            capped = capped || in.read() >= 0;
            return true;
        }

        boolean capped() {
            return capped;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
