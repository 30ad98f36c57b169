package dev.ale.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Titles of SOC major groups and ALE subfields come from ale-taskpack's tables. */
class LabelsTest {
    @Test
    void socMajorGroupTitles() {
        assertEquals("Business and Financial Operations", Labels.socMajorGroup("13"));
        assertEquals("Life, Physical, and Social Science", Labels.socMajorGroup("19"));
        assertEquals("", Labels.socMajorGroup("99"));
    }

    @Test
    void subfieldTitles() {
        assertEquals("Accounting & Finance", Labels.subfield("accounting"));
        assertEquals("", Labels.subfield("no_such_subfield"));
    }

    @Test
    void csvFieldsHonourQuotes() {
        assertEquals(
                List.of("19-0000", "major", "Life, \"Physical\"", ""),
                Labels.fields("19-0000,major,\"Life, \"\"Physical\"\"\","));
    }
}
