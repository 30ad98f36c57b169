package dev.ale.archive.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apiguardian.api.API;

/** Private temporary folders: created readable by their owner only, deleted without following links. */
@API(status = INTERNAL)
public final class TempDirs {
    private TempDirs() {}

    /**
     * Creates an owner-only folder named {@code prefix} and a random part in {@code parent}, or in
     * the system temporary folder when null.
     */
    public static Path createPrivate(Path parent, String prefix) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            var ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
            return parent == null
                    ? Files.createTempDirectory(prefix, ownerOnly)
                    : Files.createTempDirectory(parent, prefix, ownerOnly);
        }
        Path dir = parent == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(parent, prefix);
        var file = dir.toFile();
        boolean ok = file.setReadable(false, false)
                & file.setReadable(true, true)
                & file.setWritable(false, false)
                & file.setWritable(true, true)
                & file.setExecutable(false, false)
                & file.setExecutable(true, true);
        if (!ok) {
            deleteTree(dir);
            throw new IOException("cannot make " + dir + " private to its owner");
        }
        return dir;
    }

    /** Deletes a folder and everything in it; links inside are removed, never followed. Quiet. */
    public static void deleteTree(Path root) {
        try {
            MoreFiles.deleteRecursively(root, RecursiveDeleteOption.ALLOW_INSECURE);
        } catch (NoSuchFileException gone) {
            // already deleted
        } catch (IOException e) {
            // best effort: what is left is in a private folder of the system's temporary area
        }
    }
}
