package dev.ale.testkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A path of a {@link RecordingFileSystem}: a wrapped path of the file system underneath whose
 * {@link #getFileSystem()} is the recording one, so every {@code Files} call on it goes through the
 * recording provider. Every derived path (resolve, parent, ...) is wrapped again.
 */
@API(status = INTERNAL)
public final class RecordingPath implements Path {
    private final RecordingFileSystem fs;
    private final Path delegate;

    RecordingPath(RecordingFileSystem fs, Path delegate) {
        this.fs = fs;
        this.delegate = Objects.requireNonNull(delegate);
    }

    /** The path underneath. */
    Path delegate() {
        return delegate;
    }

    private Path wrap(Path p) {
        return p == null ? null : new RecordingPath(fs, p);
    }

    /** The path underneath of {@code p}, which must belong to the same recording file system. */
    Path unwrap(Path p) {
        if (p instanceof RecordingPath r && r.fs == fs) {
            return r.delegate;
        }
        throw new ProviderMismatchException("not a path of this recording file system: " + p);
    }

    @Override
    public RecordingFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return delegate.isAbsolute();
    }

    @Override
    public Path getRoot() {
        return wrap(delegate.getRoot());
    }

    @Override
    public Path getFileName() {
        return wrap(delegate.getFileName());
    }

    @Override
    public Path getParent() {
        return wrap(delegate.getParent());
    }

    @Override
    public int getNameCount() {
        return delegate.getNameCount();
    }

    @Override
    public Path getName(int index) {
        return wrap(delegate.getName(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return wrap(delegate.subpath(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        return other instanceof RecordingPath r && r.fs == fs && delegate.startsWith(r.delegate);
    }

    @Override
    public boolean endsWith(Path other) {
        return other instanceof RecordingPath r && r.fs == fs && delegate.endsWith(r.delegate);
    }

    @Override
    public Path normalize() {
        return wrap(delegate.normalize());
    }

    @Override
    public Path resolve(Path other) {
        return wrap(delegate.resolve(unwrap(other)));
    }

    @Override
    public Path resolve(String other) {
        return wrap(delegate.resolve(other));
    }

    @Override
    public Path relativize(Path other) {
        return wrap(delegate.relativize(unwrap(other)));
    }

    /** A URI of a scheme no installed provider serves, so a path cannot escape the recording through it. */
    @Override
    public URI toUri() {
        return URI.create(RecordingProvider.SCHEME + ":" + delegate.toUri().getRawSchemeSpecificPart());
    }

    @Override
    public Path toAbsolutePath() {
        return wrap(delegate.toAbsolutePath());
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        return wrap(delegate.toRealPath(options));
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("watching is not supported by the contract's file system");
    }

    @Override
    public int compareTo(Path other) {
        return delegate.compareTo(unwrap(other));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordingPath r && r.fs == fs && r.delegate.equals(delegate);
    }

    @Override
    public int hashCode() {
        return delegate.hashCode();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
