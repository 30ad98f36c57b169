package dev.ale.api.task;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.io.InputStream;
import org.apiguardian.api.API;

/** One file of a task part, as stored in the pack; its path is relative to the part's folder. */
@API(status = STABLE)
public interface TaskFile {
    /** The path relative to the part's folder, with '/' separators, such as {@code data/ledger.csv}. */
    String path();

    /** The size in bytes. */
    long size();

    /** Opens the content; the caller closes the stream. */
    InputStream open() throws IOException;
}
