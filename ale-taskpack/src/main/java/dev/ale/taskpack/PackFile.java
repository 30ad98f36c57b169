package dev.ale.taskpack;

import dev.ale.api.task.TaskFile;
import java.io.IOException;
import java.io.InputStream;

/**
 * One file of a task part, read from the pack on demand.
 *
 * @param entry the file's pack entry
 * @param path  the file's path inside its task part
 * @param check what holds reads to the digested bytes, or null for a file read as it is
 */
record PackFile(PackState state, String entry, String path, long size, FileCheck check) implements TaskFile {
    @Override
    public InputStream open() throws IOException {
        return FileCheck.openHeld(check, state.source(), entry);
    }

    @Override
    public String toString() {
        return entry + " (" + size + " bytes)";
    }
}
