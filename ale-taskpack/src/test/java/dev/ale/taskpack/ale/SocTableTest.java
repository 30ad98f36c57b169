package dev.ale.taskpack.ale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The subfield-to-SOC table: every ALE subfield mapped, every code a detailed SOC 2018 occupation. */
class SocTableTest {
    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = SocTable.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .toList();
        }
    }

    @Test
    void mapsEverySubfieldOfAlesTaxonomyToDetailedSoc2018Codes() throws IOException {
        Map<String, String> detailed = new HashMap<>();
        for (String line : lines("/dev/ale/taskpack/soc2018.csv")) {
            String[] cells = line.split(",", 3);
            if (cells[1].equals("detailed")) {
                detailed.put(cells[0], cells[2].replace("\"", ""));
            }
        }
        Set<String> subfields = new HashSet<>();
        for (String line : lines("/dev/ale/taskpack/ale-taxonomy.csv")) {
            String[] cells = line.split(",", 5);
            subfields.add(cells[1] + "/" + cells[3]);
        }
        assertEquals(subfields, SocTable.all().keySet(), "one row per subfield of ale-taxonomy.csv");
        for (String line : lines(SocTable.RESOURCE)) {
            String[] cells = line.split(",", 4);
            for (String code : SocTable.codes(cells[0], cells[1])) {
                assertTrue(detailed.containsKey(code), code + " of " + cells[1] + " is not a detailed SOC 2018 code");
                assertTrue(
                        cells[3].contains(detailed.get(code)),
                        cells[1] + ": the basis names the title of " + code + " (" + detailed.get(code) + ")");
            }
        }
        assertEquals(List.of("13-2011", "13-2051"), SocTable.codes("business_finance", "accounting"));
        assertFalse(SocTable.codes("business_finance", "no_such_subfield")
                .iterator()
                .hasNext());
    }
}
