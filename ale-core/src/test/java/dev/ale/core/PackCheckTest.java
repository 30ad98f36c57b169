package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPart;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPackWriter;
import dev.ale.taskpack.TaskPacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PackCheckTest {
    private static final String TABLE = "id,account,amount\n1,cash,100.00\n2,fees,-25.50\n3,sales,310.25\n";

    @TempDir
    static Path dir;

    private static Map<String, PackCheck.Result> results;

    @BeforeAll
    static void checkPack() throws IOException {
        ObjectNode csv = TestTasks.JSON
                .createObjectNode()
                .put("type", "csv")
                .put("file", "out.csv")
                .put("expectedFile", "expected.csv")
                .put("key", "id");
        csv.putObject("columns").putObject("amount").put("abs", 0.01);
        task("sound", csv, TABLE, TABLE);
        task(
                "lenient",
                TestTasks.JSON.createObjectNode().put("type", "file-exists").put("path", "out.csv"),
                TABLE,
                TABLE);
        task("wrong-solution", csv, TABLE, TABLE.replace("310.25", "310.95"));
        ObjectNode number = TestTasks.JSON
                .createObjectNode()
                .put("type", "number")
                .put("file", "total.txt")
                .put("regex", "Total: (\\S+)")
                .put("expected", 384.75)
                .put("abs", 0.01);
        write("tasks/text-total/task.json", taskJson("text-total", number));
        write("tasks/text-total/solution/total.txt", "Total: 384.75\n");
        write(
                "pack.json",
                """
                {"format": "ale-taskpack", "formatVersion": "1.0", "name": "check", "version": "1.0.0",
                 "description": "self-check cases", "license": "CC0-1.0",
                 "tasks": [{"id": "sound", "revision": 1, "digest": ""}, {"id": "lenient", "revision": 1, "digest": ""},
                           {"id": "wrong-solution", "revision": 1, "digest": ""}, {"id": "text-total", "revision": 1, "digest": ""}]}
                """);
        TaskPackWriter.updateDigests(dir);
        try (TaskPack pack = TaskPacks.open(dir)) {
            results = PackCheck.run(pack).stream().collect(Collectors.toMap(PackCheck.Result::taskId, r -> r));
        }
    }

    @Test
    void aSoundTaskPassesAllThreeChecks() {
        PackCheck.Result r = results.get("sound");
        assertTrue(r.sound(), r.toString());
        assertEquals(List.of(), r.failed());
        assertEquals(1.0, probes(r, PackCheck.Kind.SOLUTION).get(0).score());
        assertEquals(0.0, probes(r, PackCheck.Kind.EMPTY).get(0).score());
        List<PackCheck.Probe> perturbed = probes(r, PackCheck.Kind.PERTURBATION);
        assertEquals(2, perturbed.size(), perturbed.toString());
        assertEquals(
                "out.csv: data row 1, amount 100.00 changed to 150.00",
                perturbed.get(0).what());
        assertEquals("out.csv: first data row dropped", perturbed.get(1).what());
        perturbed.forEach(p -> assertTrue(p.score() < 1, p.toString()));
    }

    @Test
    void aVerifierThatStillPassesAPerturbedSolutionFailsThePerturbationCheck() {
        PackCheck.Result r = results.get("lenient");
        assertFalse(r.sound());
        assertEquals(List.of(PackCheck.Kind.PERTURBATION), r.failed());
    }

    @Test
    void aSolutionBelowAFullPassFailsTheSolutionCheck() {
        PackCheck.Result r = results.get("wrong-solution");
        assertEquals(List.of(PackCheck.Kind.SOLUTION), r.failed());
    }

    @Test
    void aNumberInPlainTextIsPerturbedToo() {
        PackCheck.Result r = results.get("text-total");
        assertTrue(r.sound(), r.toString());
        List<PackCheck.Probe> perturbed = probes(r, PackCheck.Kind.PERTURBATION);
        assertEquals(1, perturbed.size());
        assertEquals(
                "total.txt: number 384.75 changed to 577.13", perturbed.get(0).what());
    }

    @Test
    void anEmptyWorkspaceThatScoresAboveZeroFailsTheEmptyCheck() {
        TestTasks.MemoryTask t = TestTasks.task("half", "42").file(TaskPart.SOLUTION, "answer.txt", "42");
        PackCheck.Result r = PackCheck.run(pack(t), constant(0.5), null).get(0);
        assertTrue(r.failed().contains(PackCheck.Kind.EMPTY), r.toString());
        assertEquals(0.5, probes(r, PackCheck.Kind.EMPTY).get(0).score());
    }

    @Test
    void aTaskWithoutASolutionFailsTheSolutionAndPerturbationChecks() {
        PackCheck.Result r = PackCheck.run(pack(TestTasks.task("bare", "42")), TestTasks.registry(), null)
                .get(0);
        assertEquals(List.of(PackCheck.Kind.SOLUTION, PackCheck.Kind.PERTURBATION), r.failed());
        assertTrue(probes(r, PackCheck.Kind.EMPTY).get(0).ok(), "an empty workspace still scores 0");
    }

    @Test
    void unreadableTaskFilesFailEveryCheckWithTheReason() {
        TestTasks.MemoryTask t = TestTasks.task("broken", "42")
                .file(TaskPart.SOLUTION, "answer.txt", "42")
                .broken(TaskPart.REFERENCE);
        PackCheck.Result r = PackCheck.run(pack(t), TestTasks.registry(), null).get(0);
        assertEquals(List.of(PackCheck.Kind.values()), r.failed());
        assertTrue(r.probes().get(0).detail().contains("digest mismatch"), r.toString());
    }

    @Test
    void aSealedReferenceNeedsTheKey() {
        Task t = new SealedReferenceRunTest.SealedTask();
        PackCheck.Result r = PackCheck.run(pack(t), TestTasks.registry(), null).get(0);
        assertEquals(List.of(PackCheck.Kind.values()), r.failed());
        assertTrue(r.probes().get(0).detail().contains("sealed"), r.toString());
    }

    @Test
    void aVerifierThatThrowsFailsTheProbeWithoutStoppingTheCheck() {
        TestTasks.MemoryTask t = new TestTasks.MemoryTask(
                        TestTasks.withVerifier(TestTasks.task("x", "1").spec(), "throws"))
                .file(TaskPart.SOLUTION, "answer.txt", "42");
        PackCheck.Result r = PackCheck.run(pack(t), TestTasks.registry(), null).get(0);
        assertTrue(r.failed().contains(PackCheck.Kind.SOLUTION));
        assertTrue(r.probes().get(0).detail().startsWith("the verifier threw"), r.toString());
    }

    @Test
    void numbersMoveByHalfTheirSizeAtLeastOneKeepingTheirDecimals() {
        assertEquals("150.00", Perturbations.changed("100.00"));
        assertEquals("1", Perturbations.changed("0"));
        assertEquals("1.0325", Perturbations.changed("0.0325"));
        assertEquals("-2", Perturbations.changed("-4"));
        assertEquals("11", Perturbations.changed("7"));
    }

    static Stream<Arguments> csvPerturbations() {
        return Stream.of(
                Arguments.of(
                        "quoting and CRLF line ends are kept",
                        "name,amount\r\n\"Smith, J\",12.50\r\n\"Doe, A\",3\r\n",
                        "name,amount\r\n\"Smith, J\",18.75\r\n\"Doe, A\",3\r\n",
                        "name,amount\r\n\"Doe, A\",3\r\n"),
                Arguments.of(
                        "a quoted line break is part of its field",
                        "note,amount\n\"two\nlines\",12.50\nplain,3\n",
                        "note,amount\n\"two\nlines\",18.75\nplain,3\n",
                        "note,amount\nplain,3\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csvPerturbations")
    void csvPerturbationsChangeTheFirstAmountAndDropTheFirstRow(
            String what, String text, String changed, String dropped) {
        Map<String, byte[]> v = Perturbations.of("t.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(Set.of("data row 1, amount 12.50 changed to 18.75", "first data row dropped"), v.keySet());
        assertEquals(changed, new String(v.get("data row 1, amount 12.50 changed to 18.75"), StandardCharsets.UTF_8));
        assertEquals(dropped, new String(v.get("first data row dropped"), StandardCharsets.UTF_8));
    }

    @Test
    void jsonPerturbationsFindMembersWhoseNamesNeedEscaping() throws IOException {
        Map<String, byte[]> v = Perturbations.of("o.json", "{\"a/b~c\": 2.5}".getBytes(StandardCharsets.UTF_8));
        assertTrue(v.containsKey("/a~1b~0c 2.5 changed to 3.8"), v.keySet().toString());
        JsonNode changed = TestTasks.JSON.readTree(v.get("/a~1b~0c 2.5 changed to 3.8"));
        assertEquals(3.8, changed.get("a/b~c").asDouble());
    }

    @Test
    void csvWithoutNumbersInTheFirstRowTakesTheFirstRowThatHasOne() {
        Map<String, byte[]> v = Perturbations.of("t.tsv", "a\tb\nx\ty\nz\t4\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("a\tb\nx\ty\nz\t6\n", new String(v.get("data row 2, b 4 changed to 6"), StandardCharsets.UTF_8));
    }

    @Test
    void jsonPerturbationsChangeTheFirstNumberAndDropTheFirstArrayElement() throws IOException {
        byte[] doc = "{\"name\": \"x\", \"lines\": [{\"qty\": 2}, {\"qty\": 5}], \"total\": 7}"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> v = Perturbations.of("o.json", doc);
        JsonNode changed = TestTasks.JSON.readTree(v.get("/lines/0/qty 2 changed to 3"));
        assertEquals(3, changed.at("/lines/0/qty").asInt());
        assertEquals(7, changed.at("/total").asInt());
        JsonNode dropped = TestTasks.JSON.readTree(v.get("first array element dropped"));
        assertEquals(1, dropped.at("/lines").size());
        Map<String, byte[]> flat =
                Perturbations.of("o.json", "{\"a\": \"x\", \"b\": \"y\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Set.of("member a dropped"), flat.keySet());
    }

    @Test
    void aNumberWithDecimalsIsPreferredToAWholeNumber() {
        Map<String, byte[]> json =
                Perturbations.of("o.json", "{\"id\": 7, \"amount\": 12.5}".getBytes(StandardCharsets.UTF_8));
        assertTrue(
                json.containsKey("/amount 12.5 changed to 18.8"), json.keySet().toString());
        Map<String, byte[]> text =
                Perturbations.of("memo.txt", "Invoice 42: total 12.50 USD".getBytes(StandardCharsets.UTF_8));
        assertEquals(
                "Invoice 42: total 18.75 USD",
                new String(text.get("number 12.50 changed to 18.75"), StandardCharsets.UTF_8));
        Map<String, byte[]> csv =
                Perturbations.of("t.csv", "id,qty,price\n3,2,9.99\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(
                csv.containsKey("data row 1, price 9.99 changed to 14.99"),
                csv.keySet().toString());
    }

    @Test
    void binaryAndUnparseableFilesHaveNoPerturbations() {
        assertEquals(Map.of(), Perturbations.of("a.bin", new byte[] {0, 1, 2, (byte) 0xff}));
        assertEquals(Map.of(), Perturbations.of("a.json", "{not json".getBytes(StandardCharsets.UTF_8)));
    }

    private static List<PackCheck.Probe> probes(PackCheck.Result r, PackCheck.Kind kind) {
        return r.probes().stream().filter(p -> p.kind() == kind).toList();
    }

    private static void task(String id, ObjectNode verifier, String reference, String solution) throws IOException {
        write("tasks/" + id + "/task.json", taskJson(id, verifier));
        write("tasks/" + id + "/reference/expected.csv", reference);
        write("tasks/" + id + "/solution/out.csv", solution);
    }

    private static String taskJson(String id, ObjectNode verifier) {
        ObjectNode t = TestTasks.JSON
                .createObjectNode()
                .put("id", id)
                .put("revision", 1)
                .put("title", "Task " + id);
        t.putObject("taxonomy")
                .put("cluster", "business_finance")
                .put("subfield", "accounting")
                .putArray("soc")
                .add("13-2011");
        t.put("tier", "near-term");
        t.putArray("sessions").addObject().put("instruction", "Write the output.");
        t.set("verifier", verifier);
        return t.toString();
    }

    private static void write(String rel, String content) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    /** A registry whose every verifier scores {@code score}. */
    private static VerifierFactories constant(double score) {
        return new VerifierFactories() {
            @Override
            public Verifier create(JsonNode config, String pointer) {
                return ctx -> Verdict.of(score, "constant", List.of(Check.partial("constant", score, "", "")));
            }

            @Override
            public Set<String> types() {
                return Set.of("file-equals");
            }
        };
    }

    /** A pack of in-memory tasks. */
    private static TaskPack pack(Task... tasks) {
        return new RescoreTest.ListPack(List.of(tasks));
    }
}
