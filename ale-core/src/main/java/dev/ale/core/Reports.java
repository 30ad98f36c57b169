package dev.ale.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.task.PackRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Reports from run directories: read one back from its journal, merge the run directories of
 * shards into the report of the whole, and compare two runs on the tasks they share.
 */
@API(status = EXPERIMENTAL)
public final class Reports {
    private Reports() {}

    /**
     * Rebuilds the report of a run directory from {@code run.json} and {@code journal.jsonl}: the
     * latest result of each attempt of the run's tasks as they are now; older results of tasks
     * whose content changed are kept apart as superseded.
     *
     * @throws UncheckedIOException when the directory has no run.json or it cannot be read
     */
    public static EvaluationReport read(Path runDirectory) {
        try {
            JsonNode run = RunFiles.readRunJson(runDirectory);
            if (run == null) {
                throw new IOException(runDirectory.resolve(RunFiles.RUN_JSON) + " not found: not a run directory");
            }
            Journal.Contents journal = Journal.read(runDirectory);
            List<String> taskOrder = new ArrayList<>();
            Map<String, String> digests = new LinkedHashMap<>();
            for (JsonNode t : run.path("tasks")) {
                taskOrder.add(t.path("id").asText());
                digests.put(t.path("id").asText(), t.path("digest").asText());
            }
            Map<String, AttemptResult> latest = RunPlan.latest(journal.attempts());
            List<AttemptResult> current = new ArrayList<>();
            List<AttemptResult> superseded = new ArrayList<>();
            for (AttemptResult a : latest.values()) {
                String digest = digests.get(a.taskId());
                if (digest == null) {
                    continue;
                }
                (digest.equals(a.taskDigest()) ? current : superseded).add(a);
            }
            sort(current, taskOrder);
            sort(superseded, taskOrder);
            List<PackRef> packs = new ArrayList<>();
            run.path("packs")
                    .forEach(p -> packs.add(new PackRef(
                            p.path("name").asText(),
                            p.path("version").asText(),
                            p.path("digest").asText())));
            Duration duration = Duration.ZERO;
            for (JsonNode s : run.path("segments")) {
                duration = duration.plusMillis(s.path("durationMs").asLong());
            }
            JsonNode options = run.path("options");
            List<String> warnings = new ArrayList<>(journal.problems());
            Set<String> ran = new HashSet<>();
            current.forEach(a -> ran.add(a.taskId() + "#" + a.trial()));
            List<NotRun> notRun = new ArrayList<>(notRunFromReport(runDirectory));
            notRun.removeIf(n -> ran.contains(n.taskId() + "#" + n.trial()));
            return new EvaluationReport(
                    new EvaluationReport.Meta(
                            packs,
                            run.path("harness").path("name").asText(),
                            options.path("sandbox").asText(),
                            options.path("trials").asInt(1),
                            Instant.parse(run.path("startedAt").asText()),
                            duration,
                            options.path("seed").asLong(),
                            options.path("shard").path("index").asInt(0),
                            options.path("shard").path("count").asInt(1),
                            warnings,
                            notRun,
                            superseded),
                    current);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not read the run directory " + runDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Merges the run directories of the shards of one run (or of runs over disjoint tasks) into one
     * report. Shards must not overlap: the same attempt in two directories is an error naming both.
     */
    public static EvaluationReport merge(Path... runDirectories) {
        if (runDirectories.length == 0) {
            throw new IllegalArgumentException("merge needs at least one run directory");
        }
        Map<String, Path> seenIn = new LinkedHashMap<>();
        List<AttemptResult> attempts = new ArrayList<>();
        List<AttemptResult> superseded = new ArrayList<>();
        List<NotRun> notRun = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<PackRef> packs = new LinkedHashSet<>();
        List<String> taskOrder = new ArrayList<>();
        Duration longest = Duration.ZERO;
        EvaluationReport first = null;
        for (Path dir : runDirectories) {
            EvaluationReport r = read(dir);
            if (first == null) {
                first = r;
            } else if (r.trials() != first.trials()) {
                throw new IllegalArgumentException(dir + " ran " + r.trials() + " trials per task, " + runDirectories[0]
                        + " ran " + first.trials() + ": they are not shards of one run");
            }
            for (AttemptResult a : r.attempts()) {
                String key = RunPlan.Planned.key(a.taskId(), a.taskDigest(), a.trial());
                Path other = seenIn.putIfAbsent(key, dir);
                if (other != null) {
                    throw new IllegalArgumentException("task " + a.taskId() + " trial " + a.trial() + " is in both "
                            + other + " and " + dir + ": shards must not overlap");
                }
                attempts.add(a);
                if (!taskOrder.contains(a.taskId())) {
                    taskOrder.add(a.taskId());
                }
            }
            superseded.addAll(r.superseded());
            notRun.addAll(r.notRun());
            r.warnings().forEach(w -> warnings.add(dir.getFileName() + ": " + w));
            packs.addAll(r.packs());
            longest = r.duration().compareTo(longest) > 0 ? r.duration() : longest;
        }
        List<String> order = taskOrderOf(runDirectories[0], taskOrder);
        sort(attempts, order);
        return new EvaluationReport(
                new EvaluationReport.Meta(
                        List.copyOf(packs),
                        first.harness(),
                        first.sandbox(),
                        first.trials(),
                        first.startedAt(),
                        longest,
                        first.seed(),
                        0,
                        1,
                        warnings,
                        notRun,
                        superseded),
                attempts);
    }

    /**
     * Compares run B with run A on the tasks both ran with identical content; tasks whose digests
     * differ (or that only one run has) are left out and counted.
     */
    public static Comparison compare(EvaluationReport a, EvaluationReport b) {
        return Comparisons.compare(a, b, a.seed());
    }

    private static List<String> taskOrderOf(Path dir, List<String> fallback) {
        try {
            JsonNode run = RunFiles.readRunJson(dir);
            List<String> order = new ArrayList<>();
            run.path("tasks").forEach(t -> order.add(t.path("id").asText()));
            fallback.stream().filter(id -> !order.contains(id)).forEach(order::add);
            return order;
        } catch (IOException e) {
            return fallback;
        }
    }

    private static void sort(List<AttemptResult> list, List<String> taskOrder) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < taskOrder.size(); i++) {
            position.putIfAbsent(taskOrder.get(i), i);
        }
        list.sort(Comparator.<AttemptResult>comparingInt(x -> position.getOrDefault(x.taskId(), Integer.MAX_VALUE))
                .thenComparing(AttemptResult::taskId)
                .thenComparingInt(AttemptResult::trial));
    }

    private static List<NotRun> notRunFromReport(Path dir) throws IOException {
        Path report = dir.resolve("report.json");
        List<NotRun> out = new ArrayList<>();
        if (Files.exists(report)) {
            for (JsonNode n : RunFiles.MAPPER.readTree(report.toFile()).path("notRun")) {
                out.add(new NotRun(
                        n.path("taskId").asText(),
                        n.path("trial").asInt(),
                        n.path("reason").asText()));
            }
        }
        return out;
    }
}
