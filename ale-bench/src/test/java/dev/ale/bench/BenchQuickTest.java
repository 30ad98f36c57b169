package dev.ale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole benchmark in {@code --quick} mode on every build, so it never rots: every figure
 * appears once with a finite value, a unit and its parameters, on the console and in the file
 * alike. No timed assertion: the values themselves are not checked.
 */
class BenchQuickTest {
    static final List<String> FIGURES = List.of(
            "runner.in-memory.p1.noop",
            "runner.in-memory.p1.write-file",
            "runner.in-memory.p2.noop",
            "runner.in-memory.p2.write-file",
            "runner.local-directory.p1.noop",
            "runner.local-directory.p1.write-file",
            "runner.local-directory.p2.noop",
            "runner.local-directory.p2.write-file",
            "tiny.100.run",
            "tiny.100.open-zip",
            "tiny.100.open-dir",
            "tiny.100.process",
            "tiny.100.peak-rss",
            "tiny.400.run",
            "tiny.400.open-zip",
            "tiny.400.open-dir",
            "tiny.400.process",
            "tiny.400.peak-rss",
            "tiny.400.finished-in-256m",
            "pack.sha256sum",
            "pack.zip.open",
            "pack.zip.verify",
            "pack.zip.verify-vs-sha256sum",
            "pack.tgz.open",
            "pack.tgz.verify",
            "pack.tgz.verify-vs-sha256sum",
            "pack.tar-xzf",
            "pack.tgz.open-vs-tar-xzf",
            "verifier.csv",
            "verifier.json",
            "verifier.weighted",
            "csv.labels.5000.process",
            "csv.labels.5000.verify",
            "csv.labels.5000.peak-rss",
            "csv.labels.5000.same-as-python.process",
            "csv.labels.5000.same-as-python.verify",
            "csv.labels.5000.same-as-python.peak-rss",
            "scaling.50ms.p1",
            "scaling.50ms.p16",
            "scaling.50ms.p256",
            "scaling.50ms.p1024",
            "scaling.50ms.p1024.blocked",
            "scaling.launcher.50ms.p256.first",
            "scaling.launcher.50ms.p256",
            "rundir.p1.added",
            "rundir.p1.files-alone",
            "rundir.p1.bytes",
            "rundir.p8.added",
            "rundir.p8.files-alone",
            "rundir.p8.bytes",
            "memory.finished",
            "memory.peak-heap",
            "memory.peak-live-heap",
            "tools.read_file.in-memory",
            "tools.write_file.in-memory",
            "tools.read_file.local-directory",
            "tools.write_file.local-directory",
            "tools.openai-harness.model-call");

    /**
     * {@link #FIGURES}, with the tiny and CSV children's that map a class-data archive where one can be made
     * (a class path of jars), and the run directory's on the memory file system where this machine
     * has one.
     */
    private static List<String> expectedFigures() {
        List<String> expected = new ArrayList<>(FIGURES);
        if (ClassDataArchive.possible()) {
            for (String cases : List.of("100", "400")) {
                expected.add(
                        expected.indexOf("tiny." + cases + ".peak-rss") + 1, "tiny." + cases + ".process-archived");
            }
            for (String grading : List.of("", "same-as-python.")) {
                expected.add(
                        expected.indexOf("csv.labels.5000." + grading + "peak-rss") + 1,
                        "csv.labels.5000." + grading + "process-archived");
            }
        }
        if (Files.isDirectory(RunDirectoryCost.MEMORY) && Files.isWritable(RunDirectoryCost.MEMORY)) {
            int at = expected.indexOf("rundir.p8.bytes") + 1;
            for (String p : List.of("p1", "p8")) {
                for (String figure : List.of("added", "files-alone", "bytes")) {
                    expected.add(at++, "rundir.shm." + p + "." + figure);
                }
            }
        }
        return expected;
    }

    @Test
    void quickRunGivesEveryFigureWithAFiniteValueOnTheConsoleAndInTheFile(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("results.jsonl");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Bench.run(
                BenchOptions.parse("--quick", "--out", out.toString()),
                new PrintStream(console, true, StandardCharsets.UTF_8));

        List<String> printed = console.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> written = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(printed, written, "the file holds exactly the lines printed");

        ObjectMapper mapper = new ObjectMapper();
        Set<String> names = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String line : written) {
            JsonNode f = mapper.readTree(line);
            String name = f.path("name").asText();
            assertTrue(names.add(name), "figure " + name + " appears twice");
            if (!f.path("value").isNumber() || !Double.isFinite(f.path("value").asDouble())) {
                problems.add(name + " has no finite value: " + f.path("value"));
            }
            if (f.path("unit").asText().isEmpty()
                    || !f.path("parameters").isObject()
                    || !f.path("parameters").has("java")
                    || !f.path("parameters").has("cores")) {
                problems.add(name + " lacks its unit or parameters: " + line);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(expectedFigures(), List.copyOf(names), "every figure, in order");
        assertEquals(1.0, value(written, "memory.finished"), "the quick memory run finishes within -Xmx256m");
    }

    private static double value(List<String> lines, String name) throws Exception {
        for (String line : lines) {
            JsonNode f = new ObjectMapper().readTree(line);
            if (f.path("name").asText().equals(name)) {
                return f.path("value").asDouble();
            }
        }
        throw new AssertionError("no figure " + name);
    }
}
