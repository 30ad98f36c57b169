package dev.ale.verifiers.internal.archive;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.Render;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A private temporary directory that an archive is unpacked into, and the rules every entry
 * passes first. Entry names are '/'-separated; {@code .} and empty segments are dropped; a name
 * that is absolute, has a drive letter, a {@code ..} segment, a backslash or a control character,
 * more than {@value #MAX_DEPTH} segments, a segment over 255 UTF-8 bytes or over
 * {@value #MAX_NAME} characters in all is refused, as is a second entry of one name. Only regular
 * files and directories are ever created (never links), each resolved segment by segment under the
 * root, so nothing is written outside it. Every refusal, and every {@link ArchiveLimits} breach,
 * is a {@link GateFailure} naming the archive and the entry. {@link #close()} deletes the directory.
 */
final class Extraction implements Closeable {
    static final int MAX_DEPTH = 64;
    static final int MAX_NAME = 1024;

    private final Path root;
    private final String archive;
    private final ArchiveLimits limits;
    private final long archiveSize;
    private long entries;
    private long total;

    private Extraction(Path root, String archive, ArchiveLimits limits, long archiveSize) {
        this.root = root;
        this.archive = archive;
        this.limits = limits;
        this.archiveSize = archiveSize;
    }

    /** A fresh private directory (owner-only where POSIX permissions exist) under {@code parent}, or the default temp dir when null. */
    static Extraction create(Path parent, String archive, ArchiveLimits limits, long archiveSize) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
                }
                : new FileAttribute<?>[0];
        Path dir = parent == null
                ? Files.createTempDirectory("ale-archive-", attrs)
                : Files.createTempDirectory(parent, "ale-archive-", attrs);
        return new Extraction(dir, archive, limits, archiveSize);
    }

    Path root() {
        return root;
    }

    long entries() {
        return entries;
    }

    long total() {
        return total;
    }

    ArchiveLimits limits() {
        return limits;
    }

    /** The gate failure "{archive}: {what}". */
    GateFailure problem(String what) {
        return new GateFailure(archive, "a safe archive within its limits", Render.brief(what, 3 * Render.WIDTH));
    }

    /**
     * Refuses an entry up front when its declared size, or its declared ratio to {@code compressed}
     * (-1: unknown), already breaks the limits.
     */
    void checkDeclared(String name, long size, long compressed) throws GateFailure {
        if (size > limits.maxEntryBytes()) {
            throw problem("entry " + Render.quoted(name) + " declares " + size + " bytes, more than maxEntryBytes "
                    + limits.maxEntryBytes());
        }
        if (compressed >= 0
                && size > ArchiveLimits.RATIO_GRACE
                && (double) size / Math.max(1, compressed) > limits.maxRatio()) {
            throw problem("entry " + Render.quoted(name) + " expands more than maxRatio " + limits.maxRatio()
                    + " times (a zip bomb?)");
        }
    }

    /** Creates a directory entry. */
    void directory(String name) throws GateFailure, IOException {
        count();
        List<String> segments = segments(name);
        if (!segments.isEmpty()) {
            Path dir = resolve(segments, name);
            try {
                Files.createDirectories(dir);
            } catch (FileAlreadyExistsException e) {
                throw problem("entry " + Render.quoted(name) + " is a directory where a file of that name exists");
            } catch (FileSystemException | InvalidPathException e) {
                throw problem("entry " + Render.quoted(name) + " cannot be unpacked: " + e.getMessage());
            }
        }
    }

    /**
     * Writes a file entry from {@code in} (read to its end) and returns its size.
     *
     * @param compressed the entry's compressed size for the per-entry ratio, or -1 when unknown
     */
    long file(String name, InputStream in, long compressed) throws GateFailure, IOException {
        count();
        List<String> segments = segments(name);
        if (segments.isEmpty()) {
            throw problem("entry " + Render.quoted(name) + " is a file named like the archive's root");
        }
        Path file = resolve(segments, name);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out =
                    Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                return copy(name, in, out, compressed);
            }
        } catch (FileAlreadyExistsException e) {
            throw problem("entry " + Render.quoted(name) + " is a duplicate, or lies under a file");
        } catch (FileSystemException | InvalidPathException e) {
            throw problem("entry " + Render.quoted(name) + " cannot be unpacked: " + e.getMessage());
        }
    }

    private long copy(String name, InputStream in, OutputStream out, long compressed) throws GateFailure, IOException {
        byte[] buf = new byte[64 * 1024];
        long written = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            written += n;
            total += n;
            if (written > limits.maxEntryBytes()) {
                throw problem(
                        "entry " + Render.quoted(name) + " holds more than maxEntryBytes " + limits.maxEntryBytes());
            }
            if (total > limits.maxTotalBytes()) {
                throw problem("the archive holds more than maxTotalBytes " + limits.maxTotalBytes() + " in all");
            }
            if (total > ArchiveLimits.RATIO_GRACE && (double) total / Math.max(1, archiveSize) > limits.maxRatio()
                    || compressed >= 0
                            && written > ArchiveLimits.RATIO_GRACE
                            && (double) written / Math.max(1, compressed) > limits.maxRatio()) {
                throw problem("entry " + Render.quoted(name) + " expands more than maxRatio " + limits.maxRatio()
                        + " times (a zip bomb?)");
            }
            out.write(buf, 0, n);
        }
        return written;
    }

    private void count() throws GateFailure {
        if (++entries > limits.maxEntries()) {
            throw problem("more than maxEntries " + limits.maxEntries() + " entries");
        }
    }

    /** The safe segments of an entry name; empty for the root itself. */
    List<String> segments(String name) throws GateFailure {
        String q = Render.quoted(name);
        if (name.length() > MAX_NAME) {
            throw problem("entry " + q + " has a name longer than " + MAX_NAME + " characters");
        }
        boolean drive = name.length() > 1
                && name.charAt(1) == ':'
                && Character.isLetter(name.charAt(0))
                && (name.length() == 2 || name.charAt(2) == '/');
        if (name.startsWith("/") || drive) {
            throw problem("entry " + q + " has an absolute path");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                throw problem("entry " + q + " has a backslash or control character in its name");
            }
        }
        List<String> out = new ArrayList<>();
        for (String s : name.split("/")) {
            if (s.equals("..")) {
                throw problem("entry " + q + " has a '..' segment (a path out of the archive)");
            }
            if (s.getBytes(StandardCharsets.UTF_8).length > 255) {
                throw problem("entry " + q + " has a name segment over 255 bytes");
            }
            if (!s.isEmpty() && !s.equals(".")) {
                out.add(s);
            }
        }
        if (out.size() > MAX_DEPTH) {
            throw problem("entry " + q + " is nested deeper than " + MAX_DEPTH + " levels");
        }
        return out;
    }

    private Path resolve(List<String> segments, String name) throws GateFailure {
        Path p = root;
        for (String s : segments) {
            p = p.resolve(s);
        }
        if (!p.normalize().startsWith(root) || p.equals(root)) {
            throw problem("entry " + Render.quoted(name) + " resolves outside the archive");
        }
        return p;
    }

    /**
     * Deletes the directory and everything in it, as far as it can (a leftover temporary file is
     * not worth losing a verdict over); links (never created here) are not followed.
     */
    @Override
    public void close() {
        try {
            MoreFiles.deleteRecursively(root, RecursiveDeleteOption.ALLOW_INSECURE);
        } catch (IOException e) {
            // left behind in the temporary directory; the verdict does not depend on it
        }
    }
}
