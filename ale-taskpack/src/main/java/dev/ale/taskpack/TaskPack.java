package dev.ale.taskpack;

import static org.apiguardian.api.API.Status.STABLE;

import dev.ale.api.task.PackRef;
import dev.ale.api.task.Task;
import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An opened task pack, or a selection of one. Its manifest and every {@code task.json} are read and
 * validated when it is opened; task files are read on demand and checked against their digests
 * before they are handed out. Closing the pack frees the archive (or temporary extraction) behind
 * it; selections share their pack and closing one closes the pack.
 */
@API(status = STABLE)
public interface TaskPack extends Closeable {
    /** Name, version and digest of the whole pack (not of the selection). */
    PackRef ref();

    /** The manifest's other fields: format version, description, licence. */
    PackInfo info();

    /** The tasks of this pack or selection, in manifest order. */
    List<Task> tasks();

    /** The task with this id, if this pack or selection has it. */
    Optional<Task> task(String id);

    /** The named lists of task ids from {@code pack.json}. */
    Map<String, List<String>> lists();

    /** Non-fatal findings from opening (newer minor format, unknown subfield, ...), one line each. */
    List<String> warnings();

    /** The tasks of this pack that the filter accepts, as a view over the same pack. */
    TaskPack select(TaskFilter filter);

    /**
     * Reads every task's files and checks them against their digests.
     *
     * @throws dev.ale.api.task.TaskPackException naming the first task whose content does not match
     */
    void verify();

    /** Frees the archive or temporary files behind the pack. */
    @Override
    void close();
}
