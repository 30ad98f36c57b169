package dev.ale.taskpack;

import dev.ale.archive.Listing;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** Where a pack's bytes are: a directory (perhaps a private extraction of a tar) or a zip file. */
interface PackSource extends Closeable {
    /** The directory or archive, for messages. */
    String location();

    /** The pack's files and folders, checked against the entry rules. */
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
