package dev.ale.archive.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.task.TaskPackException;
import dev.ale.archive.NamePolicy;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The rules every entry name follows, whatever holds it: relative, '/'-separated, no {@code ..}
 * segments, no backslashes, no NUL or control characters, at most {@value #MAX_NAME} characters,
 * {@value #MAX_SEGMENT_BYTES} bytes a segment and {@value #MAX_DEPTH} levels; under
 * {@link NamePolicy#CANONICAL} also no {@code .} or empty segments.
 */
@API(status = INTERNAL)
public final class EntryRules {
    /** The longest entry name, in characters. */
    public static final int MAX_NAME = 1024;
    /** The longest segment of a name, in UTF-8 bytes (what common file systems allow). */
    public static final int MAX_SEGMENT_BYTES = 255;
    /** The deepest nesting of an entry, in segments. */
    public static final int MAX_DEPTH = 64;

    /** The rule broken by a symbolic link entry. */
    public static final String SYMLINK = "symbolic link (links are not allowed)";
    /** The rule broken by a hard link entry. */
    public static final String HARD_LINK = "hard link (links are not allowed)";
    /** The rule broken by a device, fifo or socket entry. */
    public static final String SPECIAL = "special file (device, fifo or socket entries are not allowed)";

    private EntryRules() {}

    /**
     * Checks one entry name (a folder name may end with one '/').
     *
     * @throws TaskPackException whose source is the (printable) name and whose rule says what is wrong
     */
    public static void check(String name, NamePolicy policy) {
        if (name.isEmpty() && policy == NamePolicy.CANONICAL) {
            throw refuse(name, "empty entry name");
        }
        if (name.startsWith("/") || name.startsWith("\\")) {
            throw refuse(name, "absolute path (entry names must be relative to the archive's root)");
        }
        if (hasDrive(name)) {
            throw refuse(name, "absolute path (drive letter)");
        }
        if (name.indexOf('\\') >= 0) {
            throw refuse(name, "backslash in entry name (the separator is '/')");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == 0) {
                throw refuse(name, "NUL character in entry name");
            }
            if (Character.isISOControl(c)) {
                throw refuse(name, String.format("control character U+%04X in entry name", (int) c));
            }
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        // the segments are walked by index, as split("/", -1) would give them, without the arrays
        for (int start = 0, end; start <= path.length(); start = end + 1) {
            end = segmentEnd(path, start);
            if (end - start == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
                throw refuse(name, "path escapes the archive ('..' segment)");
            }
        }
        if (name.length() > MAX_NAME) {
            throw refuse(name, "name longer than " + MAX_NAME + " characters");
        }
        int depth = 0;
        for (int start = 0, end; start <= path.length(); start = end + 1) {
            end = segmentEnd(path, start);
            boolean empty = end == start;
            boolean skipped = empty || (end - start == 1 && path.charAt(start) == '.');
            if (skipped && policy == NamePolicy.CANONICAL) {
                throw refuse(name, empty ? "empty path segment" : "'.' path segment");
            }
            if (end - start > MAX_SEGMENT_BYTES / 3
                    && path.substring(start, end).getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw refuse(name, "a name segment over " + MAX_SEGMENT_BYTES + " bytes");
            }
            depth += skipped ? 0 : 1;
        }
        if (depth > MAX_DEPTH) {
            throw refuse(name, "nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    /**
     * The name two entries share when they denote the same path: empty and {@code .} segments and
     * a trailing '/' dropped ({@code a//b}, {@code a/./b} and {@code a/b/} all give {@code a/b}).
     */
    public static String key(String name) {
        if (isKey(name)) {
            return name; // the usual case: nothing to drop, no copy
        }
        int last = name.length() - 1;
        if (last > 0 && name.charAt(last) == '/') {
            String folder = name.substring(0, last); // a folder entry: its one trailing '/' dropped
            if (isKey(folder)) {
                return folder;
            }
        }
        StringBuilder b = new StringBuilder(name.length());
        for (int start = 0, end; start <= name.length(); start = end + 1) {
            end = segmentEnd(name, start);
            boolean skipped = end == start || (end - start == 1 && name.charAt(start) == '.');
            if (!skipped) {
                if (b.length() > 0) {
                    b.append('/');
                }
                b.append(name, start, end);
            }
        }
        return b.toString();
    }

    /** Whether {@link #key} gives {@code name} itself: no empty or {@code .} segment, no trailing '/'. */
    private static boolean isKey(String name) {
        for (int start = 0, end; start <= name.length(); start = end + 1) {
            end = segmentEnd(name, start);
            if (end == start || (end - start == 1 && name.charAt(start) == '.')) {
                return false;
            }
        }
        return true;
    }

    /** Where the segment of {@code path} that starts at {@code start} ends: the next '/', or the end. */
    private static int segmentEnd(String path, int start) {
        int slash = path.indexOf('/', start);
        return slash < 0 ? path.length() : slash;
    }

    /** Where the admitted {@code path} of entry {@code name} goes under {@code root}: inside it, or a refusal. */
    public static Path resolve(Path root, String path, String name) {
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw refuse(name, "path escapes the archive");
        }
        return target;
    }

    /**
     * The name with control characters and Unicode bidirectional controls (U+202A-U+202E,
     * U+2066-U+2069, which can make a printed name read as another) escaped as {@code \\uXXXX},
     * safe to print in a message.
     */
    public static String printable(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The entry name held in {@code raw[off, off + len)}, which must be valid UTF-8.
     *
     * @throws TaskPackException naming the entry (each byte that is not UTF-8 written as {@code \xHH})
     */
    public static String utf8Name(byte[] raw, int off, int len) {
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw, off, len);
        CharBuffer out = CharBuffer.allocate(len);
        StringBuilder escaped = null;
        while (true) {
            CoderResult r = strict.decode(in, out, true);
            if (!r.isError()) {
                break;
            }
            escaped = escaped == null ? new StringBuilder() : escaped;
            escaped.append(out.flip());
            out.clear();
            for (int i = 0; i < r.length(); i++) {
                escaped.append(String.format("\\x%02x", in.get() & 0xff));
            }
        }
        out.flip();
        if (escaped != null) {
            throw refuse(escaped.append(out).toString(), "name is not valid UTF-8");
        }
        return out.toString();
    }

    /**
     * The refusal of an entry this file system cannot hold: another spelling of a name already
     * written (on a file system that ignores case), or a name it does not allow.
     */
    public static TaskPackException unpackable(String name, Exception e) {
        return refuse(
                name,
                "cannot be unpacked here: "
                        + (e instanceof FileAlreadyExistsException
                                ? "a file of that name exists (a name that differs only in case?)"
                                : e.getMessage()));
    }

    /** A refusal of the named entry. */
    public static TaskPackException refuse(String name, String rule) {
        return new TaskPackException(printable(name), "", rule);
    }

    /** Whether {@code c} is one of the embedding, override or isolate controls of the bidirectional algorithm. */
    public static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** A drive letter alone or before a separator ({@code C:}, {@code C:/x}); {@code a:b} is a plain name. */
    private static boolean hasDrive(String name) {
        return name.length() >= 2
                && name.charAt(1) == ':'
                && isAsciiLetter(name.charAt(0))
                && (name.length() == 2 || name.charAt(2) == '/' || name.charAt(2) == '\\');
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
