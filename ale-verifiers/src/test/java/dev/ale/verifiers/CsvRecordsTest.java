package dev.ale.verifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The public entry point reads what the csv verifier's parser reads, and says where a text is malformed. */
class CsvRecordsTest {
    @Test
    void readsQuotedFieldsLineEndsAndSkipsEmptyLines() {
        assertEquals(
                List.of(List.of("a", "b"), List.of("1,5", "say \"hi\"\nthere"), List.of("", "x")),
                CsvRecords.read("\uFEFFa,b\r\n\"1,5\",\"say \"\"hi\"\"\nthere\"\n\n,x", ','));
        assertEquals(List.of(List.of("a", "b"), List.of("1,5", "2")), CsvRecords.read("a;b\n1,5;2\n", ';'));
        assertEquals(List.of(), CsvRecords.read("", ','));
    }

    @Test
    void malformedTextNamesTheLine() {
        IllegalArgumentException open =
                assertThrows(IllegalArgumentException.class, () -> CsvRecords.read("a,b\n1,\"2\n", ','));
        assertEquals("line 2: quoted field is not closed before the end of the file", open.getMessage());
        IllegalArgumentException after =
                assertThrows(IllegalArgumentException.class, () -> CsvRecords.read("a\n\"x\"y\n", ','));
        assertEquals("line 2: unexpected 'y' after a closing quote", after.getMessage());
    }
}
