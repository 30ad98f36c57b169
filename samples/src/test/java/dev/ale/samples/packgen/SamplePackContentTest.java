package dev.ale.samples.packgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** Checks the generated content against the rules its instructions state. */
class SamplePackContentTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SortedMap<String, byte[]> PACK = SamplePackGenerator.files(SamplePackGenerator.DEFAULT_SEED);

    @Test
    void everyVerifierGradesFilesTheInstructionNamesAndTheSolutionHasThem() throws IOException {
        for (String id :
                List.of("bank-reconciliation", "freight-cost-allocation", "dosage-calculation", "contract-deadlines")) {
            JsonNode task = json("tasks/" + id + "/task.json");
            assertEquals(id, task.path("id").asText());
            JsonNode sessions = task.path("sessions");
            String instructions = sessions.findValuesAsText("instruction").toString();
            for (JsonNode file : task.path("verifier").findValues("file")) {
                assertTrue(
                        instructions.contains("`" + file.asText() + "`"), id + ": instruction does not name " + file);
                assertTrue(
                        PACK.containsKey("tasks/" + id + "/solution/" + file.asText()), id + ": no solution " + file);
            }
            for (JsonNode paths : task.path("verifier").findValues("paths")) {
                paths.forEach(p -> assertTrue(instructions.contains("`" + p.asText() + "`"), id + ": " + p));
            }
            for (JsonNode expected : task.path("verifier").findValues("expectedFile")) {
                assertTrue(PACK.containsKey("tasks/" + id + "/reference/" + expected.asText()), id + ": " + expected);
            }
            assertTrue(Set.of("near-term", "full-spectrum", "last-exam")
                    .contains(task.path("tier").asText()));
            task.path("taxonomy")
                    .path("soc")
                    .forEach(code -> assertTrue(code.asText().matches("\\d\\d-\\d{4}"), id));
        }
    }

    @Test
    void bankReconciliationBalances() throws IOException {
        JsonNode r = json("tasks/bank-reconciliation/reference/expected.json");
        BigDecimal adjustedBank = r.path("statement_balance")
                .decimalValue()
                .add(r.path("deposits_in_transit_total").decimalValue())
                .subtract(r.path("outstanding_cheques_total").decimalValue());
        assertEquals(0, adjustedBank.compareTo(r.path("adjusted_bank_balance").decimalValue()));
        assertEquals(0, adjustedBank.compareTo(r.path("adjusted_book_balance").decimalValue()));
        assertEquals(3, r.path("outstanding_cheques").size());
        int statementLines =
                text("tasks/bank-reconciliation/inputs/bank_statement.csv").split("\n").length - 1;
        assertTrue(statementLines >= 30 && statementLines <= 60, "statement has " + statementLines + " rows");
    }

    @Test
    void freightAllocationAddsUpToTheInvoiceTotal() throws IOException {
        BigDecimal total = json("tasks/freight-cost-allocation/inputs/invoice.json")
                .path("total")
                .decimalValue();
        BigDecimal allocated = BigDecimal.ZERO;
        for (String line : rows("tasks/freight-cost-allocation/reference/expected.csv")) {
            allocated = allocated.add(new BigDecimal(line.split(",")[2]));
        }
        assertEquals(0, total.compareTo(allocated), "allocated " + allocated + " of " + total);
    }

    @Test
    void dosageHasCappedAndUncappedOrders() throws IOException {
        JsonNode doses = json("tasks/dosage-calculation/reference/expected.json");
        List<Boolean> capped = new ArrayList<>();
        doses.forEach(d -> capped.add(d.path("capped").asBoolean()));
        assertEquals(8, capped.size());
        assertEquals(3, capped.stream().filter(c -> c).count());
    }

    @Test
    void contractDeadlinesReflectTheAmendment() {
        List<String> rows = rows("tasks/contract-deadlines/reference/expected.csv");
        assertTrue(rows.stream().noneMatch(r -> r.startsWith("SUP-2025-117,5.3,")), "clause 5.3 was deleted");
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("SUP-2025-117,7.3,")), "clause 7.3 was added");
        for (String row : rows) {
            LocalDate due = LocalDate.parse(row.substring(row.lastIndexOf(',') + 1));
            assertTrue(due.getDayOfWeek().getValue() <= 5, "deadline on a weekend: " + row);
        }
        String amendment = text("tasks/contract-deadlines/sessions/2/amendment-1.txt");
        assertTrue(amendment.contains("Contract ID: SUP-2025-117"));
    }

    private static JsonNode json(String path) throws IOException {
        return MAPPER.readTree(PACK.get(path));
    }

    private static String text(String path) {
        return new String(PACK.get(path), StandardCharsets.UTF_8);
    }

    private static List<String> rows(String path) {
        List<String> lines = List.of(text(path).split("\n"));
        return lines.subList(1, lines.size());
    }
}
