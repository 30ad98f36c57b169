package dev.ale.taskpack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskSpec;
import dev.ale.archive.ArchiveSource;
import dev.ale.archive.Listing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and validates a pack's manifest and every task.json, in this order: layout of the top
 * level, {@code pack.json}, task folders against the listed tasks, each {@code task.json} (its
 * fields, id, revision, folder contents and verifier configuration).
 */
final class PackReader {
    /**
     * What was read.
     *
     * @param manifestJson the {@code pack.json} tree as read (the writer rewrites it)
     * @param specs        the task specs, in manifest order
     * @param computed     the digests already computed from the bytes parsed, by task id: those of
     *                     the tasks whose only file is {@code task.json}
     * @param verifiers    the verifier built for each spec when its configuration was checked, in the
     *                     same order (nulls when there was no registry)
     * @param builtWith    the registry that built them; empty when there was none
     */
    record Result(
            Manifest manifest,
            ObjectNode manifestJson,
            List<TaskSpec> specs,
            Map<String, String> computed,
            List<Verifier> verifiers,
            Optional<VerifierFactories> builtWith,
            List<String> warnings) {}

    private PackReader() {}

    /**
     * Validates the pack in {@code source}.
     *
     * @param building true while digests are being computed: recorded revisions and digests may be missing or stale
     */
    static Result read(ArchiveSource source, PackOptions options, boolean building) {
        Listing listing = source.listing();
        if (listing.files().isEmpty()) {
            throw new TaskPackException(
                    source.location(), "", "holds no files (an empty pack, or an archive whose directory is damaged)");
        }
        if (!listing.files().containsKey(Manifest.FILE)) {
            throw new TaskPackException(
                    Manifest.FILE, "", "missing: a pack has pack.json at its top level (" + source.location() + ")");
        }
        List<String> warnings = new ArrayList<>();
        long maxJson = options.limits().maxJsonBytes();
        ObjectNode json = Json.readObject(
                source,
                Manifest.FILE,
                options.limits().maxManifestBytes(listing.files().size()));
        if (building) {
            TaskLayout.listUnlisted(listing, json);
        }
        Manifest manifest = Manifest.read(json, building, warnings);
        TaskLayout.checkTop(listing, manifest.tasks());
        VerifierCheck verifiers = VerifierCheck.of(options, warnings);
        List<TaskSpec> specs = new ArrayList<>(manifest.tasks().size());
        List<Verifier> built = new ArrayList<>(manifest.tasks().size());
        Map<String, String> computed = new HashMap<>();
        for (Manifest.Entry entry : manifest.tasks()) {
            String file = TaskLayout.taskJson(entry.id());
            Fields fields = new Fields(file, manifest.strict(), warnings);
            byte[] bytes = Json.readBytes(source, file, maxJson);
            TaskSpec spec = TaskSpecReader.read(Json.parseObject(bytes, file), fields, entry.id());
            if (!spec.id().equals(entry.id())) {
                throw fields.error(
                        "/id", "id '" + spec.id() + "' does not match its folder 'tasks/" + entry.id() + "/'");
            }
            if (!building && spec.revision() != entry.revision()) {
                throw new TaskPackException(
                        Manifest.FILE,
                        entry.pointer() + "/revision",
                        "revision " + entry.revision() + " does not match the revision " + spec.revision() + " in "
                                + file);
            }
            boolean taskJsonAlone =
                    TaskLayout.checkTask(listing, entry.id(), spec.sessions().size());
            built.add(verifiers.check(spec, file, listing));
            specs.add(spec);
            if (taskJsonAlone) {
                // the digest from the bytes the spec was parsed from: no second read, and no gap between the two
                computed.put(entry.id(), Digests.taskJsonOnly(bytes));
            }
        }
        return new Result(
                manifest,
                json,
                List.copyOf(specs),
                computed,
                Collections.unmodifiableList(built),
                verifiers.registry(),
                List.copyOf(warnings));
    }
}
