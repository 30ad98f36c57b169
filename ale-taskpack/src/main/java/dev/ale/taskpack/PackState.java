package dev.ale.taskpack;

import dev.ale.api.task.PackRef;
import dev.ale.api.task.TaskPackException;
import dev.ale.archive.ArchiveSource;
import java.util.List;
import java.util.Map;

/** What an opened pack and all its selections share: the source, the manifest's facts and whether it is closed. */
final class PackState {
    private final ArchiveSource source;
    private final PackRef ref;
    private final PackInfo info;
    private final Map<String, List<String>> lists;
    private final List<String> warnings;
    private final PackLimits limits;
    private volatile boolean closed;

    PackState(
            ArchiveSource source,
            PackRef ref,
            PackInfo info,
            Map<String, List<String>> lists,
            List<String> warnings,
            PackLimits limits) {
        this.source = source;
        this.limits = limits;
        this.ref = ref;
        this.info = info;
        this.lists = lists;
        this.warnings = List.copyOf(warnings);
    }

    /** The source, after checking the pack is still open. */
    ArchiveSource source() {
        if (closed) {
            throw new TaskPackException(source.location(), "", "the pack has been closed");
        }
        return source;
    }

    PackRef ref() {
        return ref;
    }

    PackInfo info() {
        return info;
    }

    Map<String, List<String>> lists() {
        return lists;
    }

    List<String> warnings() {
        return warnings;
    }

    /** The limits the pack was opened with (also applied to sealed references). */
    PackLimits limits() {
        return limits;
    }

    void close() {
        closed = true;
        source.close();
    }
}
