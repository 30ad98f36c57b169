package dev.ale.testkit.internal;

import dev.ale.testkit.internal.AccessLog.Kind;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The provider of a {@link RecordingFileSystem}: records each operation in the file system's
 * {@link AccessLog}, then performs it on the wrapped file system. Paths handed back (directory
 * entries) are wrapped again, so a verifier never holds an unrecorded path.
 */
final class RecordingProvider extends FileSystemProvider {
    static final String SCHEME = "ale-testkit-recording";

    private final RecordingFileSystem fs;

    RecordingProvider(RecordingFileSystem fs) {
        this.fs = fs;
    }

    private Path in(Path p) {
        if (p instanceof RecordingPath r && r.getFileSystem() == fs) {
            return r.delegate();
        }
        throw new ProviderMismatchException("not a path of this recording file system: " + p);
    }

    private Path read(Kind kind, Path p, boolean follow) {
        Path d = in(p);
        fs.log().record(kind, d, follow);
        return d;
    }

    private Path write(Path p) {
        return read(Kind.WRITE, p, false);
    }

    private static boolean follows(Object[] options) {
        return !Arrays.asList(options).contains(LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean writes(Set<? extends OpenOption> options) {
        return options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
    }

    private Path open(Path p, Set<? extends OpenOption> options) {
        return writes(options) ? write(p) : read(Kind.OPEN, p, follows(options.toArray()));
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("recording file systems are made by the contract only");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException("recording file systems are not reachable by URI");
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException("recording file systems are not reachable by URI");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        Path d = open(path, options);
        return d.getFileSystem().provider().newByteChannel(d, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        Path d = open(path, options);
        return d.getFileSystem().provider().newFileChannel(d, options, attrs);
    }

    @Override
    public AsynchronousFileChannel newAsynchronousFileChannel(
            Path path, Set<? extends OpenOption> options, ExecutorService executor, FileAttribute<?>... attrs)
            throws IOException {
        Path d = open(path, options);
        return d.getFileSystem().provider().newAsynchronousFileChannel(d, options, executor, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        Path d = read(Kind.LIST, dir, true);
        DirectoryStream<Path> inner =
                d.getFileSystem().provider().newDirectoryStream(d, e -> filter.accept(fs.wrap(e)));
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                Iterator<Path> it = inner.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Path next() {
                        return fs.wrap(it.next());
                    }
                };
            }

            @Override
            public void close() throws IOException {
                inner.close();
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        Path d = write(dir);
        d.getFileSystem().provider().createDirectory(d, attrs);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        Path d = write(link);
        d.getFileSystem()
                .provider()
                .createSymbolicLink(d, target instanceof RecordingPath r ? r.delegate() : target, attrs);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        Path d = write(link);
        d.getFileSystem().provider().createLink(d, read(Kind.STAT, existing, false));
    }

    @Override
    public void delete(Path path) throws IOException {
        Path d = write(path);
        d.getFileSystem().provider().delete(d);
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        Path d = read(Kind.READ_LINK, link, false);
        return fs.wrap(d.getFileSystem().provider().readSymbolicLink(d));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        Path s = read(Kind.OPEN, source, follows(options));
        Path t = write(target);
        s.getFileSystem().provider().copy(s, t, options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        Path s = write(source);
        Path t = write(target);
        s.getFileSystem().provider().move(s, t, options);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        Path a = read(Kind.STAT, path, true);
        Path b = read(Kind.STAT, path2, true);
        return a.getFileSystem().provider().isSameFile(a, b);
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        Path d = read(Kind.STAT, path, false);
        return d.getFileSystem().provider().isHidden(d);
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        Path d = read(Kind.STAT, path, true);
        return d.getFileSystem().provider().getFileStore(d);
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        Path d = read(Kind.STAT, path, true);
        d.getFileSystem().provider().checkAccess(d, modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        Path d = read(Kind.STAT, path, follows(options));
        return d.getFileSystem().provider().getFileAttributeView(d, type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        Path d = read(Kind.STAT, path, follows(options));
        return d.getFileSystem().provider().readAttributes(d, type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        Path d = read(Kind.STAT, path, follows(options));
        return d.getFileSystem().provider().readAttributes(d, attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        Path d = write(path);
        d.getFileSystem().provider().setAttribute(d, attribute, value, options);
    }
}
