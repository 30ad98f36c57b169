package dev.ale.taskpack;

import dev.ale.api.task.PackRef;
import dev.ale.api.task.TaskPackException;
import dev.ale.archive.ArchiveSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What an opened pack and all its selections share: the source, the manifest's facts and whether it is closed.
 *
 * @param closed whether the pack has been closed (false when it is opened)
 * @param limits the limits the pack was opened with (also applied to sealed references)
 */
record PackState(
        ArchiveSource source,
        PackRef ref,
        PackInfo info,
        Map<String, List<String>> lists,
        List<String> warnings,
        PackLimits limits,
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

    void close() {
        closed.set(true);
        source.close();
    }
}
