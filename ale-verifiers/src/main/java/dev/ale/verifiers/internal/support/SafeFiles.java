package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.AleException;
import dev.ale.api.spi.VerificationContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The only way verifiers reach files. A configured {@link RelPath} is resolved under the output or
 * reference root one segment at a time without following links: a symbolic link anywhere on the
 * way, or a file whose real path lies outside the root, is refused. For output files a refusal is
 * a failed hard gate ({@link GateFailure}); for reference files it is a task error
 * ({@link AleException}), since the agent cannot have caused it. Whole-file reads (text, JSON) are
 * capped at {@link #MAX_READ_BYTES}; text must be UTF-8 (a leading byte-order mark is dropped).
 */
@API(status = INTERNAL)
public final class SafeFiles {
    /** The most bytes read from one text or JSON file: 64 MiB. */
    static final long MAX_READ_BYTES = 64L << 20;

    private static final String WANTED = "a regular file inside the output";

    private SafeFiles() {}

    /** What a configured path names under a root. */
    @API(status = INTERNAL)
    public enum Kind {
        FILE,
        DIRECTORY,
        MISSING,
        REFUSED
    }

    /** The result of {@link #find}: the kind, the path, and for MISSING or REFUSED the reason. */
    @API(status = INTERNAL)
    public record Found(Kind kind, Path path, long size, String problem) {}

    /** Resolves {@code rel} under {@code root} without following links. */
    public static Found find(Path root, RelPath rel) throws IOException {
        Path p = root;
        BasicFileAttributes attrs = null;
        StringBuilder walked = new StringBuilder();
        for (String segment : rel.segments()) {
            if (attrs != null && !attrs.isDirectory()) {
                return new Found(Kind.MISSING, p, 0, "missing ('" + walked + "' is not a directory)");
            }
            p = p.resolve(segment);
            walked.append(walked.length() == 0 ? "" : "/").append(segment);
            try {
                attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return new Found(Kind.MISSING, p, 0, "missing");
            } catch (AccessDeniedException e) {
                return new Found(Kind.REFUSED, p, 0, "refused: '" + walked + "' cannot be read");
            }
            if (attrs.isSymbolicLink()) {
                return new Found(Kind.REFUSED, p, 0, "refused: '" + walked + "' is a symbolic link");
            }
            if (attrs.isOther()) {
                return new Found(Kind.REFUSED, p, 0, "refused: '" + walked + "' is not a regular file or directory");
            }
        }
        // Defence in depth for links the attributes do not call symbolic (such as Windows junctions).
        if (!p.toRealPath().startsWith(root.toRealPath())) {
            return new Found(Kind.REFUSED, p, 0, "refused: its real path is outside the root");
        }
        if (attrs.isDirectory()) {
            return new Found(Kind.DIRECTORY, p, 0, "");
        }
        return new Found(Kind.FILE, p, attrs.size(), "");
    }

    /** An output file, which must be a regular file inside the output root. */
    public static Path output(VerificationContext ctx, RelPath rel) throws GateFailure, IOException {
        Found f = find(ctx.output(), rel);
        return switch (f.kind()) {
            case FILE -> f.path();
            case DIRECTORY -> throw new GateFailure(rel.value(), WANTED, "is a directory");
            default -> throw new GateFailure(rel.value(), WANTED, f.problem());
        };
    }

    /** A reference file; anything wrong with it is a task error. */
    public static Path reference(VerificationContext ctx, RelPath rel) throws IOException {
        Found f = find(ctx.reference(), rel);
        if (f.kind() != Kind.FILE) {
            throw referenceError(rel, f.kind() == Kind.DIRECTORY ? "is a directory" : f.problem());
        }
        return f.path();
    }

    public static AleException referenceError(RelPath rel, String problem) {
        return new AleException("reference/" + rel.value(), "", "reference file " + problem);
    }

    /** The text of an output file (UTF-8, capped). */
    public static String outputText(VerificationContext ctx, RelPath rel) throws GateFailure, IOException {
        byte[] bytes = outputBytes(ctx, rel);
        try {
            return decode(bytes);
        } catch (CharacterCodingException e) {
            throw new GateFailure(rel.value(), "UTF-8 text", "malformed: not valid UTF-8 text");
        }
    }

    /** The bytes of an output file (capped). */
    static byte[] outputBytes(VerificationContext ctx, RelPath rel) throws GateFailure, IOException {
        byte[] bytes = readCapped(output(ctx, rel), MAX_READ_BYTES);
        if (bytes == null) {
            throw new GateFailure(rel.value(), "at most " + (MAX_READ_BYTES >> 20) + " MiB", "file too large");
        }
        return bytes;
    }

    /** The text of a reference file (UTF-8, capped). */
    public static String referenceText(VerificationContext ctx, RelPath rel) throws IOException {
        try {
            return decode(referenceBytes(ctx, rel));
        } catch (CharacterCodingException e) {
            throw referenceError(rel, "is not valid UTF-8 text");
        }
    }

    /** The bytes of a reference file (capped). */
    static byte[] referenceBytes(VerificationContext ctx, RelPath rel) throws IOException {
        byte[] bytes = readCapped(reference(ctx, rel), MAX_READ_BYTES);
        if (bytes == null) {
            throw referenceError(rel, "is larger than " + (MAX_READ_BYTES >> 20) + " MiB");
        }
        return bytes;
    }

    /**
     * A stream of the bytes of a file already found by {@link #output} or {@link #reference}, for
     * a reader that checks them as strict UTF-8 itself.
     */
    public static InputStream openBytes(Path file) throws IOException {
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The file's bytes, or null when it holds more than {@code limit}. The array is made for the size
     * the file has (no read buffer beside it); a file that changes size while it is read is read as it
     * then is, under the same cap.
     */
    public static byte @Nullable [] readCapped(Path file, long limit) throws IOException {
        long size = Files.size(file);
        if (size > limit) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = new byte[(int) size];
            int n = in.readNBytes(bytes, 0, bytes.length);
            if (n < bytes.length) {
                return Arrays.copyOf(bytes, n);
            }
            int next = in.read();
            if (next < 0) {
                return bytes;
            }
            byte[] rest = in.readNBytes((int) (limit - size));
            if (size + 1 + rest.length > limit) {
                return null;
            }
            byte[] grown = Arrays.copyOf(bytes, bytes.length + 1 + rest.length);
            grown[bytes.length] = (byte) next;
            System.arraycopy(rest, 0, grown, bytes.length + 1, rest.length);
            return grown;
        }
    }

    /** Strict UTF-8 decoding, dropping a leading byte-order mark. */
    static String decode(byte[] bytes) throws CharacterCodingException {
        String s = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
