package dev.ale.taskpack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.ale.api.spi.VerifierPolicy;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Writes a pack directory as a pack: fills in the task digests of {@code pack.json}, writes
 * reproducible archives (sorted entries, fixed timestamps and permissions), so writing the same
 * directory twice gives byte-identical files, and seals references with a key
 * ({@code reference.7z}, see {@code docs/sealed-references.md}).
 */
@API(status = STABLE)
public final class TaskPackWriter {
    private TaskPackWriter() {}

    /**
     * Recomputes every task's digest and rewrites {@code pack.json} of the pack directory with them,
     * listing every task folder that holds a {@code task.json} but is not listed yet
     * (tasks listed in id order; other fields kept). Validates the pack as {@link TaskPacks#open} does.
     *
     * @return the digest of the whole pack
     */
    public static String updateDigests(Path packDirectory) {
        return PackWriting.updateDigests(packDirectory, PackOptions.defaults());
    }

    /**
     * Writes the pack directory to {@code target}: a {@code .zip}, {@code .tar}, {@code .tar.gz} or
     * {@code .tgz} file chosen by its name. The pack is validated and its digests checked first;
     * the archive is written to a temporary file beside the target and moved into place, so a
     * failure leaves nothing half-written.
     */
    public static void write(Path packDirectory, Path target) {
        PackWriting.write(packDirectory, target, PackOptions.defaults());
    }

    /**
     * Seals every task's reference and solution in place: the files of {@code reference/} become one
     * AES-256-encrypted {@code reference.7z} (names included) and those of {@code solution/} one
     * {@code solution.7z}, the folders are removed, and the digests in {@code pack.json} are updated. Tasks sealed already are left as they are, but must open
     * with {@code key}. The same files and key always give the same bytes (salt and IVs are derived
     * from the key and the content). A sealing that was interrupted is completed by running this
     * again. The key is not kept.
     *
     * @return the digest of the whole pack
     * @throws IllegalArgumentException if the key is empty
     * @throws dev.ale.api.task.TaskPackException if the pack is invalid, or a task is sealed with another key
     */
    public static String sealReferences(Path packDirectory, char[] key) {
        return Sealing.sealReferences(packDirectory, key, PackOptions.defaults());
    }

    /**
     * As {@link #write(Path, Path)}, with every reference and solution sealed with {@code key} in the archive
     * ({@code reference.7z} and {@code solution.7z} instead of the folders, digests updated); the pack directory is
     * not changed. Reproducible too: the same directory and key give byte-identical archives.
     *
     * @throws IllegalArgumentException if the key is empty
     */
    public static void write(Path packDirectory, Path target, char[] key) {
        Sealing.write(packDirectory, target, key, PackOptions.defaults());
    }

    /**
     * As {@link #updateDigests(Path)}, validating verifier configurations under {@code policy}: a pack
     * whose tasks use {@code command} verifiers validates only under a policy that allows them.
     */
    @API(status = EXPERIMENTAL)
    public static String updateDigests(Path packDirectory, VerifierPolicy policy) {
        return PackWriting.updateDigests(packDirectory, PackOptions.defaults().withPolicy(policy));
    }

    /** As {@link #write(Path, Path)}, validating verifier configurations under {@code policy}. */
    @API(status = EXPERIMENTAL)
    public static void write(Path packDirectory, Path target, VerifierPolicy policy) {
        PackWriting.write(packDirectory, target, PackOptions.defaults().withPolicy(policy));
    }

    /** As {@link #sealReferences(Path, char[])}, validating verifier configurations under {@code policy}. */
    @API(status = EXPERIMENTAL)
    public static String sealReferences(Path packDirectory, char[] key, VerifierPolicy policy) {
        return Sealing.sealReferences(packDirectory, key, PackOptions.defaults().withPolicy(policy));
    }

    /** As {@link #write(Path, Path, char[])}, validating verifier configurations under {@code policy}. */
    @API(status = EXPERIMENTAL)
    public static void write(Path packDirectory, Path target, char[] key, VerifierPolicy policy) {
        Sealing.write(packDirectory, target, key, PackOptions.defaults().withPolicy(policy));
    }
}
