package dev.ale.taskpack.ale;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.AleException;
import dev.ale.api.spi.VerifierPolicy;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.Tier;
import dev.ale.archive.internal.TempDirs;
import dev.ale.taskpack.TaskPackWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Imports tasks of the <i>Agents' Last Exam</i> repository ({@code tasks/<cluster>/<task>/} with a
 * {@code task_card.json} and a {@code main.py} or {@code scripts/}) with their data
 * ({@code <data>/<cluster>/<task>/input/}, {@code reference/} or {@code reference.7z}) into a task
 * pack that grades each task with ALE's own grader ({@code ale import ale}, see {@code docs/ale.md}).
 * Each task is imported or skipped with its reason; the pack is written to a temporary folder beside
 * the target and moved into place at the end, so a failure leaves nothing half-written.
 */
@API(status = EXPERIMENTAL)
public final class AleImport {
    private final Path data;
    private final Path out;
    private final AleTiers tiers;
    private final Tier defaultTier;
    private final List<String> soc;
    private final String name;
    private final Consumer<Line> listener;

    private AleImport(Builder b) throws IOException {
        this.data = Objects.requireNonNull(b.data, "data");
        this.out = Objects.requireNonNull(b.out, "out").toAbsolutePath().normalize();
        this.tiers = b.tiers == null ? AleTiers.none() : AleTiers.read(b.tiers);
        this.defaultTier = b.defaultTier;
        this.soc = List.copyOf(b.soc);
        this.name = b.name;
        this.listener = b.listener;
    }

    /** A new import; {@code data} and {@code out} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One task of the import.
     *
     * @param aleTaskId ALE's id ({@code cluster/task}), or the folder when its card could not be read
     * @param taskId    the pack's id ({@code ""} when skipped before it was known)
     * @param imported  whether the task is in the pack
     * @param detail    the tier and grader when imported, the reason when skipped
     */
    @API(status = EXPERIMENTAL)
    public record Line(String aleTaskId, String taskId, boolean imported, String detail) {
        @Override
        public String toString() {
            return (imported ? "imported  " + aleTaskId + " -> " + taskId : "skipped   " + aleTaskId) + ": " + detail;
        }
    }

    /**
     * What the import did.
     *
     * @param pack  the pack folder written
     * @param lines one line per task found, in order
     */
    @API(status = EXPERIMENTAL)
    public record Result(Path pack, List<Line> lines) {
        public Result {
            lines = List.copyOf(lines);
        }

        /** How many tasks are in the pack. */
        public long imported() {
            return lines.stream().filter(Line::imported).count();
        }

        /** How many tasks were skipped. */
        public long skipped() {
            return lines.size() - imported();
        }
    }

    /**
     * Imports the task folder or tree of task folders at {@code source}.
     *
     * @throws TaskPackException when no task could be imported or the target is taken; nothing is written then
     */
    public Result run(Path source) {
        if (Files.exists(out) && !isEmptyDirectory(out)) {
            throw new TaskPackException(
                    out.toString(), "", "exists and is not empty: the import writes a new pack folder");
        }
        List<Path> folders = AleSources.find(source);
        if (folders.isEmpty()) {
            throw new TaskPackException(source.toString(), "", "no ALE task folder (a folder with a task_card.json)");
        }
        Path tmp = null;
        try {
            Files.createDirectories(out.getParent());
            tmp = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".import-");
            List<Line> lines = new ArrayList<>();
            TreeMap<String, String> ids = new TreeMap<>();
            for (Path folder : folders) {
                Line line = importOne(folder, tmp, ids);
                lines.add(line);
                listener.accept(line);
            }
            if (ids.isEmpty()) {
                throw new TaskPackException(
                        source.toString(),
                        "",
                        "no task could be imported (" + lines.size() + " skipped; the first: "
                                + lines.get(0).detail() + ")");
            }
            writeManifest(tmp, ids.keySet());
            TaskPackWriter.updateDigests(tmp, POLICY);
            if (Files.exists(out)) {
                Files.delete(out);
            }
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            return new Result(out, lines);
        } catch (IOException e) {
            throw new TaskPackException(out.toString(), "", "cannot write the pack: " + e, e);
        } finally {
            if (tmp != null) {
                TempDirs.deleteTree(tmp);
            }
        }
    }

    /** Command verifiers are what an imported task runs, so the import validates with them allowed. */
    static final VerifierPolicy POLICY = new VerifierPolicy(true);

    private Line importOne(Path folder, Path pack, TreeMap<String, String> ids) throws IOException {
        String ale = folder.getFileName().toString();
        String id = "";
        Path staging = pack.resolve(".staging");
        try {
            AleCard card = AleCard.read(folder);
            ale = card.taskId();
            id = AleTaskWriter.id(ale);
            if (ids.containsKey(id)) {
                throw new Skip("its pack id " + id + " is taken by " + ids.get(id));
            }
            if (card.subfield().isEmpty() && soc.isEmpty()) {
                throw new Skip(AleCard.FILE + " has no taxonomy.subdomain_code: give SOC codes (--soc)");
            }
            List<String> codes = soc.isEmpty() ? SocTable.codes(card.cluster(), card.subfield()) : soc;
            if (codes.isEmpty()) {
                throw new Skip("subfield " + card.cluster() + "/" + card.subfield()
                        + " has no SOC codes in the import's table: give them (--soc)");
            }
            ObjectNode verifier = AleGrader.verifier(folder);
            AleTiers.Found tier = tiers.tierOf(ale, defaultTier);
            Path data = AleTaskWriter.data(this.data, ale);
            Path task = staging.resolve("tasks").resolve(id);
            AleTaskWriter.write(folder, card, id, data, tier.tier(), codes, verifier, task);
            writeManifest(staging, List.of(id));
            TaskPackWriter.updateDigests(staging, POLICY);
            Files.createDirectories(pack.resolve("tasks"));
            Files.move(task, pack.resolve("tasks").resolve(id));
            ids.put(id, ale);
            String grader = Files.exists(folder.resolve(AleGrader.MAIN)) ? "main.py evaluate()" : "scripts/";
            return new Line(
                    ale,
                    id,
                    true,
                    tier.tier().id() + (tier.note().isEmpty() ? "" : " (" + tier.note() + ")") + ", SOC "
                            + String.join(" ", codes) + ", graded by " + grader);
        } catch (Skip e) {
            return new Line(ale, id, false, e.getMessage());
        } catch (AleException e) {
            return new Line(ale, id, false, e.getMessage());
        } finally {
            TempDirs.deleteTree(staging);
        }
    }

    private void writeManifest(Path dir, Iterable<String> ids) throws IOException {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("format", "ale-taskpack");
        m.put("formatVersion", "1.0");
        m.put("name", name);
        m.put("version", "1.0.0");
        m.put(
                "description",
                "Tasks of the Agents' Last Exam (rdi-berkeley/agents-last-exam), imported by ale import ale");
        m.put("license", "CC-BY-4.0");
        ArrayNode tasks = m.putArray("tasks");
        ids.forEach(id -> tasks.addObject().put("id", id));
        Files.write(dir.resolve("pack.json"), AleTaskWriter.JSON.writeValueAsBytes(m));
    }

    private static boolean isEmptyDirectory(Path p) {
        try (var s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The options of an import. */
    @API(status = EXPERIMENTAL)
    public static final class Builder {
        private Path data;
        private Path out;
        private Path tiers;
        private Tier defaultTier = Tier.NEAR_TERM;
        private List<String> soc = List.of();
        private String name = "ale-tasks";
        private Consumer<Line> listener = line -> {};

        private Builder() {}

        /** The data root: {@code <data>/<cluster>/<task>/} holds each task's {@code input/} and reference. */
        public Builder data(Path value) {
            this.data = Objects.requireNonNull(value, "data");
            return this;
        }

        /** The pack folder to write; it must not exist, or be empty. */
        public Builder out(Path value) {
            this.out = Objects.requireNonNull(value, "out");
            return this;
        }

        /** ALE's tier lists ({@code selected_tasks/full/} of its repository); without, every task takes the default tier. */
        public Builder tiers(Path dir) {
            this.tiers = Objects.requireNonNull(dir, "tiers");
            return this;
        }

        /** The tier of a task on no list (default near-term). */
        public Builder defaultTier(Tier value) {
            this.defaultTier = Objects.requireNonNull(value, "defaultTier");
            return this;
        }

        /** SOC 2018 codes for every imported task, instead of the subfield table's. */
        public Builder soc(List<String> codes) {
            this.soc = List.copyOf(codes);
            return this;
        }

        /** The pack's name (default {@code ale-tasks}). */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /** Called with each task's line as it is imported or skipped. */
        public Builder listener(Consumer<Line> value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * The import.
         *
         * @throws UncheckedIOException when the tier lists cannot be read
         */
        public AleImport build() {
            try {
                return new AleImport(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
    }
}
