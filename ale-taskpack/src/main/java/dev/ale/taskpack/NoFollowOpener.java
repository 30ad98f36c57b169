package dev.ale.taskpack;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Opens the files of a pack directory without following a link at any step. Where the platform
 * has a {@link SecureDirectoryStream} (Linux), each folder on the way is opened relative to the one
 * before it with no-follow ({@code openat} and {@code O_NOFOLLOW}), starting from the pack's root
 * folder, held open since the pack was listed; so a folder renamed, or replaced by a link, after
 * the listing is never followed. Elsewhere each step is checked not to be a link, and the file is
 * opened with {@link LinkOption#NOFOLLOW_LINKS}.
 */
final class NoFollowOpener implements Closeable {
    private static final Set<OpenOption> READ_NO_FOLLOW = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    private final Path root;
    private final SecureDirectoryStream<Path> secureRoot;

    private NoFollowOpener(Path root, SecureDirectoryStream<Path> secureRoot) {
        this.root = root;
        this.secureRoot = secureRoot;
    }

    /** An opener for the folder {@code root}, which it holds open until {@link #close()}. */
    static NoFollowOpener of(Path root) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(root);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return new NoFollowOpener(root, secure);
        }
        stream.close();
        return new NoFollowOpener(root, null);
    }

    /**
     * Opens the regular file at the '/'-separated relative {@code path}.
     *
     * @throws IOException when a step is a link, a folder is missing, or the file is not a regular file
     */
    InputStream open(String path) throws IOException {
        String[] segments = path.split("/", -1);
        if (secureRoot == null) {
            return openChecked(path, segments);
        }
        List<DirectoryStream<Path>> opened = new ArrayList<>();
        try {
            SecureDirectoryStream<Path> dir = secureRoot;
            for (int i = 0; i < segments.length - 1; i++) {
                SecureDirectoryStream<Path> next =
                        dir.newDirectoryStream(Path.of(segments[i]), LinkOption.NOFOLLOW_LINKS);
                opened.add(next);
                dir = next;
            }
            Path name = Path.of(segments[segments.length - 1]);
            BasicFileAttributes attrs = dir.getFileAttributeView(
                            name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
            if (!attrs.isRegularFile()) {
                throw new IOException(path + " is not a regular file" + (attrs.isSymbolicLink() ? " (a link)" : ""));
            }
            return Channels.newInputStream(dir.newByteChannel(name, READ_NO_FOLLOW));
        } finally {
            for (DirectoryStream<Path> d : opened) {
                d.close();
            }
        }
    }

    private InputStream openChecked(String path, String[] segments) throws IOException {
        Path p = root;
        for (String segment : segments) {
            p = p.resolve(segment);
            if (Files.isSymbolicLink(p)) {
                throw new IOException(path + " passes through a link");
            }
        }
        return Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** Lets go of the root folder; quiet. */
    @Override
    public void close() {
        if (secureRoot != null) {
            try {
                secureRoot.close();
            } catch (IOException e) {
                // nothing was written through it: there is nothing to lose
            }
        }
    }
}
