package dev.ale.samples.packgen.starter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * The starter pack is generated deterministically (whatever the locale and time zone), its manifest and lists are
 * as documented, and the committed copy is a fresh generation. Replacing a pack safely is PackDirectory's, tested
 * with the sample pack.
 */
class StarterPackGeneratorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Neither the default locale nor the time zone may leak into the files. */
    @Test
    void doesNotDependOnLocaleOrTimeZone() {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        SortedMap<String, byte[]> usual = StarterPackGenerator.files(StarterPackGenerator.DEFAULT_SEED);
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            SortedMap<String, byte[]> other = StarterPackGenerator.files(StarterPackGenerator.DEFAULT_SEED);
            assertEquals(usual.keySet(), other.keySet());
            usual.forEach((path, bytes) -> assertArrayEquals(bytes, other.get(path), path));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void manifestNamesThePackAndLeavesDigestsToThePackWriter() throws IOException {
        JsonNode pack = MAPPER.readTree(
                StarterPackGenerator.files(StarterPackGenerator.DEFAULT_SEED).get("pack.json"));
        assertEquals("ale-taskpack", pack.path("format").asText());
        assertEquals("1.0", pack.path("formatVersion").asText());
        assertEquals("starter", pack.path("name").asText());
        assertEquals("1.0.0", pack.path("version").asText());
        assertEquals("CC-BY-4.0", pack.path("license").asText());
        assertEquals(StarterPackGenerator.TASKS.size(), pack.path("tasks").size());
        List<String> ids = new ArrayList<>();
        pack.path("tasks").forEach(t -> {
            assertEquals("", t.path("digest").asText(), t.toString());
            assertEquals(1, t.path("revision").asInt());
            ids.add(t.path("id").asText());
        });
        assertEquals(ids.stream().sorted().toList(), ids, "tasks in id order");
    }

    @Test
    void listsCoverSmokeMultiSessionAndEveryTier() throws IOException {
        SortedMap<String, byte[]> files = StarterPackGenerator.files(StarterPackGenerator.DEFAULT_SEED);
        JsonNode lists = MAPPER.readTree(files.get("pack.json")).path("lists");
        assertEquals(List.of("smoke", "multi-session", "near-term", "full-spectrum", "last-exam"), names(lists));
        assertEquals(5, lists.path("smoke").size());
        int inTiers = 0;
        for (String tier : List.of("near-term", "full-spectrum", "last-exam")) {
            for (JsonNode id : lists.path(tier)) {
                JsonNode task = MAPPER.readTree(files.get("tasks/" + id.asText() + "/task.json"));
                assertEquals(tier, task.path("tier").asText(), id.asText());
                inTiers++;
            }
        }
        assertEquals(StarterPackGenerator.TASKS.size(), inTiers, "every task in exactly one tier list");
        for (JsonNode id : lists.path("multi-session")) {
            JsonNode task = MAPPER.readTree(files.get("tasks/" + id.asText() + "/task.json"));
            assertTrue(task.path("sessions").size() > 1, id.asText());
        }
        for (JsonNode id : lists.path("smoke")) {
            assertTrue(files.containsKey("tasks/" + id.asText() + "/task.json"), id.asText());
        }
    }

    @Test
    void anotherSeedGivesOtherFiguresButTheSameTasks() throws IOException {
        SortedMap<String, byte[]> a = StarterPackGenerator.files(StarterPackGenerator.DEFAULT_SEED);
        SortedMap<String, byte[]> b = StarterPackGenerator.files(StarterPackGenerator.DEFAULT_SEED + 1);
        assertEquals(a.keySet(), b.keySet());
        String invoices = "tasks/three-way-match/inputs/invoices.csv";
        assertFalse(Arrays.equals(a.get(invoices), b.get(invoices)));
        JsonNode ta = MAPPER.readTree(a.get("tasks/payroll-overtime/task.json"));
        JsonNode tb = MAPPER.readTree(b.get("tasks/payroll-overtime/task.json"));
        assertEquals(ta.path("verifier"), tb.path("verifier"));
        assertNotEquals(ta.path("metadata"), tb.path("metadata"), "the metadata names the seed");
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
