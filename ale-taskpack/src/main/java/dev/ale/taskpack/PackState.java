package dev.ale.taskpack;

import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.task.PackRef;
import dev.ale.api.task.TaskPackException;
import dev.ale.archive.ArchiveSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What an opened pack and all its selections share: the source, the manifest's facts and whether it is closed.
 *
 * @param closed whether the pack has been closed (false when it is opened)
 * @param limits the limits the pack was opened with (also applied to sealed references)
 * @param verifiers the registry that built the tasks' verifiers when the pack was opened; empty when none did
 * @param equalToVerifiers the last registry found equal to {@code verifiers}, so that the next
 *     task asked compares by identity (an equality of registries compares their factories)
 */
record PackState(
        ArchiveSource source,
        PackRef ref,
        PackInfo info,
        Map<String, List<String>> lists,
        List<String> warnings,
        PackLimits limits,
        Optional<VerifierFactories> verifiers,
        AtomicReference<VerifierFactories> equalToVerifiers,
        AtomicBoolean closed) {
    PackState {
        warnings = List.copyOf(warnings);
    }

    /** The source, after checking the pack is still open. */
    @Override
    public ArchiveSource source() {
        if (closed.get()) {
            throw new TaskPackException(source.location(), "", "the pack has been closed");
        }
        return source;
    }

    /** Whether {@code registry} builds the verifiers the pack built when it was opened. */
    boolean builtItsVerifiers(VerifierFactories registry) {
        if (verifiers.isEmpty()) {
            return false;
        }
        VerifierFactories builtBy = verifiers.get();
        if (registry == builtBy || registry == equalToVerifiers.get()) {
            return true;
        }
        if (builtBy.equals(registry)) {
            equalToVerifiers.set(registry);
            return true;
        }
        return false;
    }

    void close() {
        closed.set(true);
        source.close();
    }
}
