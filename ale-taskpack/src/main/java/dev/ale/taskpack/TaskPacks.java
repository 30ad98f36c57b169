package dev.ale.taskpack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.ale.api.spi.VerifierPolicy;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Opens task packs: a directory, a {@code .zip} (read lazily with random access), or a
 * {@code .tar}, {@code .tar.gz} or {@code .tgz} (streamed once into a private temporary folder).
 * Opening reads and validates the manifest and every {@code task.json}, and checks verifier
 * configurations against the verifier registry found with {@link java.util.ServiceLoader}.
 */
@API(status = STABLE)
public final class TaskPacks {
    private TaskPacks() {}

    /**
     * Opens the pack at {@code path} with the default limits and the verifier registry found on
     * the class path.
     *
     * @throws dev.ale.api.task.TaskPackException naming the entry, field and rule of the first problem
     * @throws dev.ale.api.spi.VerifierConfigException naming the task.json and JSON Pointer of a bad verifier config
     */
    public static TaskPack open(Path path) {
        return open(path, PackOptions.defaults());
    }

    /**
     * Opens the pack at {@code path} with the default limits, its verifier configurations checked
     * under {@code policy} (a pack whose tasks use {@code command} verifiers opens only under a
     * policy that allows them).
     */
    @API(status = EXPERIMENTAL)
    public static TaskPack open(Path path, VerifierPolicy policy) {
        return open(path, PackOptions.defaults().withPolicy(policy));
    }

    /** Opens the pack at {@code path} with the given options. */
    public static TaskPack open(Path path, PackOptions options) {
        return PackOpener.open(path, options);
    }
}
