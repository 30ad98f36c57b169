package dev.ale.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.ale.api.AleException;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierPolicy;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPart;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.internal.OpenedVerifier;
import dev.ale.verifiers.VerifierRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The self-check of a task pack ({@code ale pack check}): for every task, its verifier must give
 * the task's {@code solution/} a full pass, an empty workspace a score of 0, and light
 * perturbations of the solution a score below a full pass. For each solution file two
 * perturbations are tried: one number changed by a clearly significant amount (in the first data row
 * of a CSV that has a number, the first numeric value of a JSON document, the first number of any
 * other text; a number with decimals is preferred to a whole one, which is more often a code or an
 * id; it moves by half its size, at least 1), and one data row dropped (the first data
 * row of a CSV, the first element of the first array of a JSON document, else its first member).
 * A solution should therefore hold only graded outputs.
 */
@API(status = EXPERIMENTAL)
public final class PackCheck {

    /** The three things the self-check asks of a task's verifier. */
    @API(status = EXPERIMENTAL)
    public enum Kind {
        /** The task's {@code solution/} must be a full pass. */
        SOLUTION,
        /** An empty workspace must score 0. */
        EMPTY,
        /** Every light perturbation of the solution must score below a full pass. */
        PERTURBATION
    }

    /**
     * One output the verifier was asked to score, and whether its verdict was what the check expects.
     *
     * @param kind     which of the three checks it belongs to
     * @param what     what was scored, such as {@code solution} or {@code out.csv: first data row dropped}
     * @param score    the verifier's score ({@code NaN} when it was not scored)
     * @param fullPass whether the verdict was a full pass at the task's threshold
     * @param ok       whether the verdict met the expectation of its kind
     * @param detail   the verdict's summary, or why it could not be scored
     */
    @API(status = EXPERIMENTAL)
    public record Probe(Kind kind, String what, double score, boolean fullPass, boolean ok, String detail) {}

    /**
     * The self-check of one task.
     *
     * @param taskId the task
     * @param probes every output scored, solution first, then the empty workspace, then perturbations
     */
    @API(status = EXPERIMENTAL)
    public record Result(String taskId, List<Probe> probes) {
        public Result {
            probes = List.copyOf(probes);
        }

        /** Whether every probe met its expectation. */
        public boolean sound() {
            return probes.stream().allMatch(Probe::ok);
        }

        /** The checks that failed, in order (empty when sound). */
        public List<Kind> failed() {
            return probes.stream()
                    .filter(p -> !p.ok())
                    .map(Probe::kind)
                    .distinct()
                    .sorted()
                    .toList();
        }
    }

    private PackCheck() {}

    /** Checks every task of the pack with the verifier registry found on the class path. */
    public static List<Result> run(TaskPack pack) {
        return run(pack, VerifierRegistry.discover(), null);
    }

    /**
     * Checks every task of the pack with the verifier registry found on the class path, building the
     * verifiers under {@code policy} (tasks graded by {@code command} verifiers need one that allows
     * them); {@code referenceKey} opens sealed references (null: none).
     */
    public static List<Result> run(TaskPack pack, VerifierPolicy policy, char @Nullable [] referenceKey) {
        return run(pack, VerifierRegistry.discover().withPolicy(policy), referenceKey);
    }

    /**
     * Checks every task of the pack with the given registry; {@code referenceKey} opens sealed
     * references (null: a task with a sealed reference fails every check, saying so).
     */
    public static List<Result> run(TaskPack pack, VerifierFactories registry, char @Nullable [] referenceKey) {
        List<Result> results = new ArrayList<>();
        for (Task task : pack.tasks()) {
            results.add(check(task, registry, referenceKey));
        }
        return List.copyOf(results);
    }

    private static Result check(Task task, VerifierFactories registry, char[] key) {
        Map<String, byte[]> solution;
        List<TaskFile> reference;
        Verifier verifier;
        try {
            verifier = OpenedVerifier.of(task, registry)
                    .orElseGet(() -> registry.create(task.spec().verifier(), "/verifier"));
            if ((task.referenceSealed() || task.solutionSealed()) && key == null) {
                return unchecked(task, "the reference or solution is sealed: give the pack's key");
            }
            reference = task.referenceSealed() ? task.unsealReference(key) : task.files(TaskPart.REFERENCE);
            solution = read(task.solutionSealed() ? task.unsealSolution(key) : task.files(TaskPart.SOLUTION));
        } catch (AleException | IOException e) {
            return unchecked(task, e.getMessage());
        }
        List<Probe> probes = new ArrayList<>();
        probes.add(
                solution.isEmpty()
                        ? new Probe(
                                Kind.SOLUTION, "solution", Double.NaN, false, false, "the task has no solution/ files")
                        : score(task, verifier, reference, Kind.SOLUTION, "solution", solution));
        probes.add(score(task, verifier, reference, Kind.EMPTY, "empty workspace", Map.of()));
        if (solution.isEmpty()) {
            probes.add(new Probe(Kind.PERTURBATION, "solution", Double.NaN, false, false, "no solution to perturb"));
        }
        for (Map.Entry<String, byte[]> file : solution.entrySet()) {
            for (Map.Entry<String, byte[]> variant :
                    Perturbations.of(file.getKey(), file.getValue()).entrySet()) {
                Map<String, byte[]> output = new LinkedHashMap<>(solution);
                output.put(file.getKey(), variant.getValue());
                probes.add(score(
                        task, verifier, reference, Kind.PERTURBATION, file.getKey() + ": " + variant.getKey(), output));
            }
        }
        if (!solution.isEmpty() && probes.size() == 2) {
            probes.add(new Probe(
                    Kind.PERTURBATION,
                    "solution",
                    Double.NaN,
                    false,
                    true,
                    "nothing to perturb: no number and no data row in the solution"));
        }
        return new Result(task.id(), probes);
    }

    private static Result unchecked(Task task, String why) {
        List<Probe> probes = new ArrayList<>();
        for (Kind k : Kind.values()) {
            probes.add(new Probe(k, k.name().toLowerCase(Locale.ROOT), Double.NaN, false, false, why));
        }
        return new Result(task.id(), probes);
    }

    private static Map<String, byte[]> read(List<TaskFile> files) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (TaskFile f : files) {
            try (InputStream in = f.open()) {
                out.put(f.path(), in.readAllBytes());
            }
        }
        return out;
    }

    /** Scores {@code output} (files by relative path) against the staged reference, in a private in-memory file system. */
    private static Probe score(
            Task task,
            Verifier verifier,
            List<TaskFile> reference,
            Kind kind,
            String what,
            Map<String, byte[]> output) {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path out = Files.createDirectories(fs.getPath("/output"));
            Path ref = Files.createDirectories(fs.getPath("/reference"));
            for (Map.Entry<String, byte[]> f : output.entrySet()) {
                FileTrees.copyInto(out, f.getKey(), new ByteArrayInputStream(f.getValue()));
            }
            for (TaskFile f : reference) {
                try (InputStream in = f.open()) {
                    FileTrees.copyInto(ref, f.path(), in);
                }
            }
            RecordingTrajectory trajectory = new RecordingTrajectory(Clock.systemUTC(), 0, 0, why -> {});
            Verdict v = verifier.verify(Contexts.Verification.selfCheck(out, ref, task, trajectory));
            if (v == null) {
                return new Probe(kind, what, Double.NaN, false, false, "the verifier returned no verdict");
            }
            boolean pass = v.fullPass(task.spec().passThreshold());
            boolean ok =
                    switch (kind) {
                        case SOLUTION -> pass;
                        case EMPTY -> v.score() == 0;
                        case PERTURBATION -> !pass;
                    };
            return new Probe(kind, what, v.score(), pass, ok, v.summary());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Probe(kind, what, Double.NaN, false, false, "the verifier threw " + e);
        }
    }
}
