package dev.ale.samples.packgen.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.samples.packgen.GeneratedPacks;
import dev.ale.verifiers.CsvRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The coverage the starter pack promises (tasks, clusters, tiers, multi-session tasks, real SOC
 * codes and taxonomy names) and the shape of every verifier: only the built-in types and their
 * keys, hard gates first, and only files the instructions name. The SOC and taxonomy lists are the
 * copies ale-taskpack ships, read from the source tree beside this module.
 */
class StarterPackCoverageTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path TASKPACK_RESOURCES = GeneratedPacks.moduleDir()
            .resolve("../ale-taskpack/src/main/resources/dev/ale/taskpack")
            .normalize();
    private static final Map<String, Set<String>> KEYS = Map.of(
            "file-exists",
            Set.of("paths", "nonEmpty"),
            "text",
            Set.of(
                    "file",
                    "contains",
                    "regex",
                    "notContains",
                    "ignoreCase",
                    "normalizeWhitespace",
                    "equals",
                    "equalsFile"),
            "json",
            Set.of("file", "expected", "expectedFile", "fields", "tolerance", "unorderedArrays", "extraFields"),
            "number",
            Set.of(
                    "file",
                    "pointer",
                    "regex",
                    "csv",
                    "expected",
                    "expectedFile",
                    "expectedPointer",
                    "abs",
                    "rel",
                    "range"),
            "csv",
            Set.of("file", "expectedFile", "key", "columns", "compare", "delimiter", "extraRows"),
            "weighted",
            Set.of("checks"),
            "all",
            Set.of("checks"),
            "any",
            Set.of("checks"));
    private static final Set<String> CHILD_KEYS = Set.of("name", "weight", "gate");

    private static SortedMap<String, byte[]> pack;
    private static List<JsonNode> tasks;

    @BeforeAll
    static void generate() throws IOException {
        pack = StarterPackGenerator.files(StarterPackGenerator.DEFAULT_SEED);
        tasks = new ArrayList<>();
        for (String path : pack.keySet()) {
            if (path.endsWith("/task.json")) {
                tasks.add(MAPPER.readTree(pack.get(path)));
            }
        }
    }

    @Test
    void coversEnoughTasksClustersTiersAndSessions() {
        assertTrue(tasks.size() >= 24, tasks.size() + " tasks");
        Set<String> clusters = new HashSet<>();
        Set<String> tiers = new HashSet<>();
        int multi = 0;
        for (JsonNode t : tasks) {
            clusters.add(t.path("taxonomy").path("cluster").asText());
            tiers.add(t.path("tier").asText());
            multi += t.path("sessions").size() > 1 ? 1 : 0;
        }
        assertTrue(clusters.size() >= 8, "clusters " + clusters);
        assertEquals(Set.of("near-term", "full-spectrum", "last-exam"), tiers);
        assertTrue(multi >= 4, multi + " multi-session tasks");
    }

    @Test
    void clustersAndSubfieldsAreAlesAndSocCodesAreDetailedSoc2018() throws IOException {
        Map<String, String> clusterOfSubfield = new HashMap<>();
        for (List<String> row : csv(TASKPACK_RESOURCES.resolve("ale-taxonomy.csv"))) {
            clusterOfSubfield.put(row.get(3), row.get(1));
        }
        Set<String> detailed = new HashSet<>();
        for (List<String> row : csv(TASKPACK_RESOURCES.resolve("soc2018.csv"))) {
            if (row.get(1).equals("detailed")) {
                detailed.add(row.get(0));
            }
        }
        assertEquals(867, detailed.size(), "the SOC 2018 list has 867 detailed occupations");
        for (JsonNode t : tasks) {
            String id = t.path("id").asText();
            JsonNode taxonomy = t.path("taxonomy");
            assertEquals(
                    taxonomy.path("cluster").asText(),
                    clusterOfSubfield.get(taxonomy.path("subfield").asText()),
                    id + ": subfield " + taxonomy.path("subfield") + " must be a subfield of its cluster");
            assertTrue(taxonomy.path("soc").size() > 0, id);
            taxonomy.path("soc")
                    .forEach(code -> assertTrue(
                            detailed.contains(code.asText()), id + ": " + code + " is not a detailed SOC 2018 code"));
        }
    }

    @Test
    void verifiersUseOnlyTheBuiltInTypesAndKeysWithGatesFirst() {
        for (JsonNode t : tasks) {
            String id = t.path("id").asText();
            JsonNode verifier = t.path("verifier");
            assertEquals("weighted", verifier.path("type").asText(), id);
            checkShape(id, verifier, "");
            boolean gates = true;
            int gateCount = 0;
            int scored = 0;
            for (JsonNode child : verifier.path("checks")) {
                boolean gate = child.path("gate").asBoolean(false);
                assertTrue(gates || !gate, id + ": gates come first");
                gates &= gate;
                gateCount += gate ? 1 : 0;
                scored += gate ? 0 : 1;
            }
            assertTrue(gateCount >= 1 && scored >= 1, id + ": needs a hard gate and partial credit");
        }
    }

    @Test
    void verifiersGradeOnlyNamedOutputsAgainstPublishedReferences() {
        for (JsonNode t : tasks) {
            String id = t.path("id").asText();
            String instructions =
                    t.path("sessions").findValuesAsText("instruction").toString();
            Set<String> graded = new HashSet<>();
            for (JsonNode file : t.path("verifier").findValues("file")) {
                assertTrue(
                        instructions.contains("`" + file.asText() + "`"), id + ": instruction does not name " + file);
                assertTrue(
                        pack.containsKey("tasks/" + id + "/solution/" + file.asText()), id + ": no solution " + file);
                graded.add(file.asText());
            }
            for (JsonNode expected : t.path("verifier").findValues("expectedFile")) {
                assertTrue(pack.containsKey("tasks/" + id + "/reference/" + expected.asText()), id + ": " + expected);
            }
            String prefix = "tasks/" + id + "/solution/";
            pack.keySet().stream()
                    .filter(p -> p.startsWith(prefix))
                    .forEach(p ->
                            assertTrue(graded.contains(p.substring(prefix.length())), id + ": ungraded solution " + p));
            for (int s = 2; s <= t.path("sessions").size(); s++) {
                String folder = "tasks/" + id + "/sessions/" + s + "/";
                assertTrue(
                        pack.keySet().stream().anyMatch(p -> p.startsWith(folder)),
                        id + ": session " + s + " brings nothing new");
            }
            assertTrue(t.path("limits").path("timeout").asText().matches("\\d+m"), id);
            assertEquals(1.0, t.path("passThreshold").asDouble(), id);
        }
    }

    private static void checkShape(String id, JsonNode config, String at) {
        String type = config.path("type").asText();
        assertTrue(KEYS.containsKey(type), id + " at " + at + ": unknown type " + type);
        config.fieldNames()
                .forEachRemaining(key -> assertTrue(
                        key.equals("type") || KEYS.get(type).contains(key) || !at.isEmpty() && CHILD_KEYS.contains(key),
                        id + " at " + at + ": key " + key + " is not one of " + type));
        for (int i = 0; i < config.path("checks").size(); i++) {
            checkShape(id, config.path("checks").get(i), at + "/checks/" + i);
        }
    }

    /** The rows of a CSV file, header excluded. */
    private static List<List<String>> csv(Path file) throws IOException {
        assertTrue(Files.exists(file), "missing " + file + " (the samples module reads ale-taskpack's copy)");
        List<List<String>> records = CsvRecords.read(Files.readString(file, StandardCharsets.UTF_8), ',');
        return records.subList(1, records.size());
    }
}
