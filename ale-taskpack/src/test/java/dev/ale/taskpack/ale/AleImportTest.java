package dev.ale.taskpack.ale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.AleException;
import dev.ale.api.spi.VerifierPolicy;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskPart;
import dev.ale.api.task.Tier;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AleImportTest {
    /** ALE-shaped task folders, data and tier lists written for these tests (see its README). */
    static final Path TREE = Path.of("src/test/resources/dev/ale/taskpack/ale/tree");

    @TempDir
    Path tmp;

    private AleImport.Builder importer(Path out) {
        return AleImport.builder().data(TREE.resolve("data")).out(out);
    }

    private static JsonNode taskJson(Path pack, String id) throws IOException {
        return new ObjectMapper()
                .readTree(pack.resolve("tasks").resolve(id).resolve("task.json").toFile());
    }

    @Test
    void importsATreeOfAleTasksIntoAValidPack() throws Exception {
        Path out = tmp.resolve("pack");
        List<AleImport.Line> printed = new ArrayList<>();
        AleImport.Result r = importer(out)
                .tiers(TREE.resolve("tiers"))
                .listener(printed::add)
                .build()
                .run(TREE.resolve("tasks"));
        assertEquals(3, r.imported(), r.lines().toString());
        assertEquals(1, r.skipped(), r.lines().toString());
        assertEquals(r.lines(), printed, "one line per task, as it goes");
        AleImport.Line skipped =
                r.lines().stream().filter(l -> !l.imported()).findFirst().orElseThrow();
        assertEquals("legal/no_grader", skipped.aleTaskId());
        assertTrue(skipped.toString().startsWith("skipped   legal/no_grader: no grader"), skipped.toString());
        try (TaskPack pack = TaskPacks.open(out, new VerifierPolicy(true))) {
            pack.verify();
            assertEquals(
                    List.of(
                            "business_finance.ledger_totals",
                            "computing_math.route_check",
                            "health_medicine.dose_table"),
                    pack.tasks().stream().map(Task::id).toList());
            Task ledger = pack.tasks().get(0);
            assertEquals(Tier.LAST_EXAM, ledger.spec().tier(), "on full-spectrum and last-exam: the hardest");
            assertEquals(List.of("13-2011", "13-2051"), ledger.spec().taxonomy().soc());
            assertEquals("accounting", ledger.spec().taxonomy().subfield());
            assertEquals(1800, ledger.spec().limits().timeout().toSeconds());
            assertEquals(
                    List.of("main.py", "scripts/score_outputs.py"),
                    ledger.files(TaskPart.GRADER).stream().map(f -> f.path()).toList());
            assertEquals(
                    List.of("input/ledger.csv"),
                    ledger.files(TaskPart.INPUTS).stream().map(f -> f.path()).toList());
            assertEquals(
                    List.of("output/totals.json"),
                    ledger.files(TaskPart.SOLUTION).stream().map(f -> f.path()).toList());
            assertEquals(
                    List.of("totals.json"),
                    ledger.files(TaskPart.REFERENCE).stream().map(f -> f.path()).toList());
            String instruction = ledger.spec().sessions().get(0).instruction();
            assertTrue(
                    instruction.startsWith(
                            "Read input/ledger.csv (columns account,amount).\nWrite output/totals.json:"),
                    instruction);
            assertEquals(
                    "business_finance/ledger_totals",
                    ledger.spec().metadata().get("aleTaskId").asText());
            assertEquals(
                    "c4-standard-4",
                    ledger.spec().metadata().at("/vm/machineType").asText());
            assertEquals("Python", ledger.spec().metadata().at("/software/0").asText());
            assertFalse(ledger.spec().view().metadata().has("verifier"));
            Task route = pack.tasks().get(1);
            assertEquals(Tier.LAST_EXAM, route.spec().tier());
            assertTrue(route.spec().sessions().get(0).instruction().startsWith("The graph is in input/graph.json"));
            Task doses = pack.tasks().get(2);
            assertEquals(Tier.NEAR_TERM, doses.spec().tier(), "on overall.txt only: near-term");
        }
        JsonNode doses = taskJson(out, "health_medicine.dose_table");
        assertEquals(
                "[\"{python}\",\"{task}/scripts/score_doses.py\",\"--output\",\"{output}/output\",\"--reference\",\"{reference}\"]",
                doses.at("/verifier/command").toString());
        JsonNode ledger = taskJson(out, "business_finance.ledger_totals");
        assertEquals("{ale-evaluate}", ledger.at("/verifier/command/1").asText());
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(out), left.toList(), "no temporary folder is left beside the pack");
        }
    }

    @Test
    void thePackOpensOnlyWhenCommandVerifiersAreAllowed() {
        Path out = tmp.resolve("pack");
        importer(out).build().run(TREE.resolve("tasks/health_medicine/dose_table"));
        AleException e =
                assertThrows(AleException.class, () -> TaskPacks.open(out).close());
        assertTrue(e.getMessage().contains("command verifiers are not allowed"), e.getMessage());
        TaskPacks.open(out, new VerifierPolicy(true)).close();
    }

    @Test
    void tiersSocAndTheDefaultTierCanBeGiven() throws Exception {
        Path out = tmp.resolve("pack");
        AleImport.Result r = importer(out)
                .defaultTier(Tier.FULL_SPECTRUM)
                .soc(List.of("29-1141"))
                .build()
                .run(TREE.resolve("tasks/computing_math/route_check"));
        assertEquals(1, r.imported());
        JsonNode task = taskJson(out, "computing_math.route_check");
        assertEquals("full-spectrum", task.get("tier").asText());
        assertEquals("[\"29-1141\"]", task.at("/taxonomy/soc").toString());
    }

    @Test
    void nothingIsWrittenWhenNoTaskImportsOrTheTargetIsTaken() throws Exception {
        Path out = tmp.resolve("pack");
        TaskPackException none = assertThrows(
                TaskPackException.class, () -> importer(out).build().run(TREE.resolve("tasks/legal")));
        assertTrue(
                none.getMessage().contains("no task could be imported")
                        && none.getMessage().contains("no grader"),
                none.getMessage());
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.count(), "nothing half-written");
        }
        Files.createDirectories(out.resolve("tasks"));
        TaskPackException taken = assertThrows(
                TaskPackException.class, () -> importer(out).build().run(TREE.resolve("tasks")));
        assertTrue(taken.getMessage().contains("not empty"), taken.getMessage());
    }

    @Test
    void aTaskWithBadDataIsSkippedAndTheOthersImport() throws Exception {
        Path data = tmp.resolve("data");
        copy(TREE.resolve("data"), data);
        Files.createSymbolicLink(data.resolve("computing_math/route_check/input/secret"), Path.of("/etc/hostname"));
        Path out = tmp.resolve("pack");
        AleImport.Result r = AleImport.builder().data(data).out(out).build().run(TREE.resolve("tasks"));
        AleImport.Line route = r.lines().stream()
                .filter(l -> l.aleTaskId().equals("computing_math/route_check"))
                .findFirst()
                .orElseThrow();
        assertFalse(route.imported());
        assertTrue(route.detail().contains("a link in the data, refused"), route.detail());
        assertEquals(2, r.imported());
        assertFalse(Files.exists(out.resolve("tasks/computing_math.route_check")));
    }

    @Test
    void rewritesAlesVmPathsToTheWorkspace() {
        assertEquals(
                "Read input/a b.csv and write output/x/y.json." + AlePrompt.NOTE,
                AlePrompt.rewrite("Read base\\input\\a b.csv and write E:\\agenthle\\c\\t\\base\\output\\x\\y.json."));
        assertEquals(
                "see /media/user/data/agenthle/c/t/basement/input",
                AlePrompt.rewrite("see /media/user/data/agenthle/c/t/basement/input"));
    }

    @Test
    void mapsTaskIds() throws Exception {
        assertEquals("engineering.analog_active", AleTaskWriter.id("engineering/Analog_Active"));
        assertEquals("visual_media.2d-drawings", AleTaskWriter.id("visual_media/2d drawings"));
        assertThrows(Skip.class, () -> AleTaskWriter.id("_/x"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
