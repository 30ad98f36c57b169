package dev.ale.taskpack;

import java.nio.file.Path;

/**
 * Writes a pack directory as a pack: fills in the task digests of {@code pack.json}, and writes
 * reproducible archives (sorted entries, fixed timestamps and permissions), so writing the same
 * directory twice gives byte-identical files.
 */
public final class TaskPackWriter {
    private TaskPackWriter() {}

    /**
     * Recomputes every task's digest and rewrites {@code pack.json} of the pack directory with them
     * (tasks listed in id order; other fields kept). Validates the pack as {@link TaskPacks#open} does.
     *
     * @return the digest of the whole pack
     */
    public static String updateDigests(Path packDirectory) {
        return PackWriting.updateDigests(packDirectory);
    }

    /**
     * Writes the pack directory to {@code target}: a {@code .zip}, {@code .tar}, {@code .tar.gz} or
     * {@code .tgz} file chosen by its name. The pack is validated and its digests checked first;
     * the archive is written to a temporary file beside the target and moved into place, so a
     * failure leaves nothing half-written.
     */
    public static void write(Path packDirectory, Path target) {
        PackWriting.write(packDirectory, target);
    }
}
