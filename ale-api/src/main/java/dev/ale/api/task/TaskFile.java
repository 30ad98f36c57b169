package dev.ale.api.task;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
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

    /** A file held in memory (a copy of {@code content}), for tasks built in code rather than read from a pack. */
    @API(status = EXPERIMENTAL)
    static TaskFile of(String path, byte[] content) {
        Objects.requireNonNull(path, "path");
        byte[] copy = content.clone();
        return new TaskFile() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public long size() {
                return copy.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }
        };
    }
}
