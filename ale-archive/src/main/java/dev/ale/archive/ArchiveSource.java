package dev.ale.archive;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import org.apiguardian.api.API;

/**
 * Checked entries to read: a zip ({@link ZipArchive}) or a folder (a task pack's directory, or the
 * private extraction of a tar).
 */
@API(status = INTERNAL)
public interface ArchiveSource extends Closeable {
    /** The folder or archive, for messages. */
    String location();

    /** The files and folders, checked against the entry rules. */
    Listing listing();

    /**
     * Opens a file of the listing. The stream delivers exactly the listed size or fails with a
     * {@link dev.ale.api.task.TaskPackException} naming the entry.
     */
    InputStream open(String path) throws IOException;

    /** Frees the archive or temporary files; may be called more than once. */
    @Override
    void close();
}
