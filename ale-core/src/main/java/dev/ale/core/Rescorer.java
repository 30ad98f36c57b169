package dev.ale.core;

import dev.ale.api.AleException;
import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.Sandbox;
import dev.ale.api.Step;
import dev.ale.api.spi.Judge;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Scores the stored artefacts of a run again with the current verifiers, without running any
 * harness. What the harness did (timed out, threw, went over budget, gave up) stands; the score,
 * the verdict and what follows from them are recomputed.
 */
final class Rescorer {
    private Rescorer() {}

    static EvaluationReport rescore(
            Path runDirectory,
            Map<String, Task> tasks,
            Map<String, Verifier> verifiers,
            Duration verifierTimeout,
            ReferenceKey key,
            Optional<Judge> judge)
            throws IOException {
        EvaluationReport old = Reports.read(runDirectory);
        List<AttemptResult> rescored = new ArrayList<>();
        List<String> warnings = new ArrayList<>(old.warnings());
        for (AttemptResult a : old.attempts()) {
            Task task = tasks.get(a.taskId());
            Path zip = RunFiles.artifactFile(runDirectory, a.taskId(), a.trial());
            String skip = task == null
                    ? "task " + a.taskId() + " is not in the pack given"
                    : !task.digest().equals(a.taskDigest())
                            ? "task " + a.taskId() + " has changed since the run (digest)"
                            : !Files.exists(zip) ? "no artefacts kept for " + a.taskId() + " trial " + a.trial() : null;
            if (skip != null
                    || a.cause() == Cause.SANDBOX
                    || a.cause() == Cause.PACK
                    || (a.cause() == Cause.TIMEOUT && a.message().contains("abandoned"))) {
                if (skip != null) {
                    warnings.add("not rescored: " + skip + "; the old result stands");
                }
                rescored.add(a);
                continue;
            }
            if (task.referenceSealed() && !key.present()) {
                warnings.add("not rescored: the reference of " + a.taskId() + " is sealed and no key was given"
                        + " (the environment variable " + ReferenceKey.ENVIRONMENT + "); the old result stands");
                rescored.add(a);
                continue;
            }
            rescored.add(rescoreOne(
                    a,
                    task,
                    verifiers.get(a.taskId()),
                    zip,
                    RunFiles.readTrajectory(RunFiles.trajectoryFile(runDirectory, a.taskId(), a.trial())),
                    verifierTimeout,
                    key,
                    judge));
        }
        EvaluationReport.Meta m = old.meta();
        return new EvaluationReport(
                new EvaluationReport.Meta(
                        m.packs(),
                        m.harness(),
                        m.sandbox(),
                        m.trials(),
                        m.startedAt(),
                        m.duration(),
                        m.seed(),
                        m.shardIndex(),
                        m.shardCount(),
                        warnings,
                        m.notRun(),
                        m.superseded()),
                rescored);
    }

    private static AttemptResult rescoreOne(
            AttemptResult a,
            Task task,
            Verifier verifier,
            Path zip,
            List<Step> steps,
            Duration verifierTimeout,
            ReferenceKey key,
            Optional<Judge> judge)
            throws IOException {
        try (Sandbox sandbox = Sandboxes.inMemory().open(new SandboxRequest(a.taskId() + "." + a.trial(), 0));
                ReferenceAreas areas = ReferenceAreas.forRun();
                ReferenceAreas.Area area = areas.open(a.taskId() + "." + a.trial())) {
            unzip(zip, sandbox.workspace());
            Path reference = area.root();
            List<TaskFile> referenceFiles;
            if (task.referenceSealed()) {
                char[] copy = key.copy();
                try {
                    referenceFiles = task.unsealReference(copy);
                } catch (AleException e) {
                    return with(
                            a,
                            Outcome.ERROR,
                            Cause.PACK,
                            Verdict.of(0, "not scored: " + e.getMessage(), List.of()),
                            e.getMessage());
                } finally {
                    ReferenceKey.wipe(copy);
                }
            } else {
                referenceFiles = task.files(TaskPart.REFERENCE);
            }
            for (TaskFile f : referenceFiles) {
                try (InputStream in = f.open()) {
                    FileTrees.copyInto(reference, f.path(), in);
                }
            }
            RecordingTrajectory trajectory = new RecordingTrajectory(Clock.systemUTC(), 0, 0, why -> {});
            steps.forEach(trajectory::record);
            Contexts.Verification ctx = new Contexts.Verification(
                    sandbox.workspace(),
                    reference,
                    task.spec(),
                    trajectory,
                    judge,
                    Optional.of(a.verdict()),
                    Instant.now().plus(verifierTimeout),
                    task,
                    Optional.empty(),
                    area::privateDirectory);
            Deadlines.Result<Verdict> r = Deadlines.call(
                    () -> verifier.verify(ctx), verifierTimeout, Duration.ofSeconds(2), new Deadlines.Watch());
            if (r.end() != Deadlines.End.RETURNED || r.value() == null) {
                String why = r.end() == Deadlines.End.THREW
                        ? "verifier threw " + Describe.throwable(r.error())
                        : r.end() == Deadlines.End.RETURNED
                                ? "verifier returned no verdict"
                                : "verifier ran past its deadline";
                return with(a, Outcome.ERROR, Cause.VERIFIER, Verdict.of(0, "not scored: " + why, List.of()), why);
            }
            Verdict v = r.value();
            boolean pass = v.fullPass(task.spec().passThreshold());
            Cause harnessCause = a.cause();
            if (harnessCause == Cause.TIMEOUT
                    || harnessCause == Cause.HARNESS_ERROR
                    || harnessCause == Cause.BUDGET
                    || harnessCause == Cause.CANCELLED) {
                return with(a, Outcome.FAILED, harnessCause, v, a.message());
            }
            if (pass) {
                return with(a, Outcome.PASSED, Cause.NONE, v, "");
            }
            if (harnessCause == Cause.GAVE_UP) {
                return with(a, Outcome.FAILED, Cause.GAVE_UP, v, a.message());
            }
            return v.gateFailed()
                    ? with(a, Outcome.FAILED, Cause.GATE, v, v.summary())
                    : with(
                            a,
                            Outcome.FAILED,
                            Cause.NONE,
                            v,
                            String.format(
                                    Locale.ROOT,
                                    "score %.4f below the pass threshold %.4f",
                                    v.score(),
                                    task.spec().passThreshold()));
        }
    }

    private static void unzip(Path zip, Path workspace) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory() || e.getName().equals(RunFiles.TRUNCATED)) {
                    continue;
                }
                FileTrees.copyInto(workspace, e.getName(), in);
            }
        }
    }

    private static AttemptResult with(AttemptResult a, Outcome outcome, Cause cause, Verdict v, String message) {
        return new AttemptResult(
                a.taskId(),
                a.taskRevision(),
                a.taskDigest(),
                a.pack(),
                a.trial(),
                outcome,
                cause,
                v.score(),
                v,
                a.duration(),
                message,
                a.tier(),
                a.cluster(),
                a.subfield(),
                a.soc(),
                a.sessionsRun(),
                a.usage(),
                a.steps());
    }
}
