package dev.ale.taskpack;

import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.task.PackRef;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskPart;
import dev.ale.api.task.TaskSpec;
import dev.ale.archive.ArchiveSource;
import dev.ale.taskpack.internal.OpenedVerifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A task of an opened pack. The first time any of its files is asked for, all of its files are
 * digested (streamed) and compared with the digest recorded in {@code pack.json}; the computed
 * digest is kept, so the check runs once. A sealed reference ({@code reference.7z}) is not among
 * {@code files(REFERENCE)}; it opens through {@link #unsealReference(char[])}. The verifier built
 * to check the task's configuration when the pack was opened is kept for runs under the same registry.
 */
record PackTask(PackState state, TaskSpec spec, String digest, Memo memo, @Nullable Verifier verifier)
        implements Task, OpenedVerifier {
    /**
     * @param digest   the digest pack.json records
     * @param computed the digest already computed from the files as read when the pack was opened,
     *                 or null: then it is computed the first time a file is asked for
     * @param verifier the verifier built with {@code state.verifiers()} when the pack was opened, or null
     */
    PackTask(PackState state, TaskSpec spec, String digest, String computed, @Nullable Verifier verifier) {
        this(state, spec, digest, new Memo(same(digest, computed)), verifier);
    }

    @Override
    public Optional<Verifier> verifierBuiltBy(VerifierFactories registry) {
        return verifier != null && state.builtItsVerifiers(registry) ? Optional.of(verifier) : Optional.empty();
    }

    /** The computed digest, as the recorded string when the two are equal (one string kept, not two). */
    private static String same(String digest, String computed) {
        return computed != null && computed.equals(digest) ? digest : computed;
    }

    @Override
    public PackRef pack() {
        return state.ref();
    }

    @Override
    public List<TaskFile> files(TaskPart part) {
        verify();
        String prefix = TaskLayout.folder(spec.id()) + part.folder();
        List<TaskFile> files = new ArrayList<>();
        for (Map.Entry<String, Long> e :
                state.source().listing().filesUnder(prefix).entrySet()) {
            files.add(new PackFile(
                    state, e.getKey(), e.getKey().substring(prefix.length()), e.getValue(), memo.check(e.getKey())));
        }
        files.sort((a, b) -> Digests.UTF8_ORDER.compare(a.path(), b.path()));
        return List.copyOf(files);
    }

    @Override
    public boolean referenceSealed() {
        return state.source().listing().files().containsKey(SealedReference.entry(spec.id()));
    }

    @Override
    public boolean solutionSealed() {
        return state.source().listing().files().containsKey(SealedReference.solutionEntry(spec.id()));
    }

    /**
     * Checks the task's digest (which covers {@code reference.7z} as any file), then decrypts the
     * sealed reference in memory, applying the pack's limits to its entries.
     */
    @Override
    public List<TaskFile> unsealReference(char[] key) {
        return unseal(referenceSealed(), SealedReference.entry(spec.id()), "reference", key);
    }

    /** As {@link #unsealReference(char[])}, for {@code solution.7z}. */
    @Override
    public List<TaskFile> unsealSolution(char[] key) {
        return unseal(solutionSealed(), SealedReference.solutionEntry(spec.id()), "solution", key);
    }

    private List<TaskFile> unseal(boolean sealed, String entry, String part, char[] key) {
        if (!sealed) {
            throw new TaskPackException(
                    TaskLayout.folder(spec.id()),
                    "",
                    "the " + part + " of task '" + spec.id() + "' is not sealed (it has no " + part + ".7z)");
        }
        verify();
        return SealedReference.open(state.source(), memo.check(entry), entry, part, state.limits(), key);
    }

    /**
     * Checks the task's files against the recorded digest (computing it the first time).
     *
     * @throws TaskPackException naming the task, the recorded and the actual digest on a mismatch
     */
    void verify() {
        String computed = memo.actual(state.source(), spec.id(), digest);
        if (!computed.equals(digest)) {
            throw mismatch(spec.id(), digest, computed);
        }
    }

    /**
     * Whether reads of the file (relative to the task folder) after the digest check are held to
     * the bytes digested: the reference, sealed or not, which is staged after the agent has run.
     */
    private static boolean heldToDigest(String relative) {
        return relative.startsWith(TaskPart.REFERENCE.folder()) || relative.equals(SealedReference.FILE);
    }

    /**
     * The digest the task's files give, computed once, and the checks of the reference files it
     * leaves (by pack entry), which hold later reads to the bytes digested.
     */
    static final class Memo {
        /** Empty until the files are digested here (not for a task digested when the pack opened). */
        private volatile Map<String, FileCheck> checks = Map.of();

        private String actual;

        /** @param actual the digest computed when the pack was opened, or null */
        Memo(String actual) {
            this.actual = actual;
        }

        /** The digest the files give ({@code recorded} itself when they give it), computed the first time. */
        synchronized String actual(ArchiveSource source, String id, String recorded) {
            if (actual == null) {
                Map<String, FileCheck> found = new HashMap<>();
                actual = same(recorded, Digests.task(source, id, PackTask::heldToDigest, found));
                checks = Map.copyOf(found);
            }
            return actual;
        }

        /** The check of {@code entry}, or null for a file read as it is. */
        FileCheck check(String entry) {
            return checks.get(entry);
        }
    }

    /** The error for a task whose files do not give the digest recorded in pack.json. */
    static TaskPackException mismatch(String id, String recorded, String actual) {
        return new TaskPackException(
                TaskLayout.folder(id),
                "",
                "task '" + id + "' does not match its digest: pack.json records "
                        + recorded + " but its files give " + actual
                        + " (after editing a pack, run TaskPackWriter.updateDigests"
                        + " or `ale pack build`)");
    }

    @Override
    public String toString() {
        return "task " + spec.id() + " (revision " + spec.revision() + ") of "
                + state.ref().name() + " " + state.ref().version();
    }
}
