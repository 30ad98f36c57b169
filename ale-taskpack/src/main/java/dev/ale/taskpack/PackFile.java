package dev.ale.taskpack;

import dev.ale.api.task.TaskFile;
import java.io.IOException;
import java.io.InputStream;

/** One file of a task part, read from the pack on demand. */
final class PackFile implements TaskFile {
    private final PackState state;
    private final String entry;
    private final String path;
    private final long size;
    private final FileCheck check;

    /** @param check what holds reads to the digested bytes, or null for a file read as it is */
    PackFile(PackState state, String entry, String path, long size, FileCheck check) {
        this.check = check;
        this.state = state;
        this.entry = entry;
        this.path = path;
        this.size = size;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open() throws IOException {
        return check == null ? state.source().open(entry) : check.open(state.source(), entry);
    }

    @Override
    public String toString() {
        return entry + " (" + size + " bytes)";
    }
}
