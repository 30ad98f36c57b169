package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.Task;
import dev.ale.api.task.Tier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixture's tasks: bank-rec (13-2011, 43-3031; near-term), ledger-close (13-2011.01), site-survey (17-2051). */
class FiltersTest {
    @TempDir
    Path tmp;

    TaskPack pack;

    @BeforeEach
    void setUp() {
        pack = TaskPacks.open(PackFixture.standard(tmp).dir);
    }

    @AfterEach
    void tearDown() {
        pack.close();
    }

    String ids(TaskFilter f) {
        return String.join(" ", pack.select(f).tasks().stream().map(Task::id).toList());
    }

    /** Tasks chosen by an id glob, or by a SOC code or prefix: the query and the ids chosen. */
    @ParameterizedTest
    @CsvSource({
        "id, bank-*, bank-rec",
        "id, *-close, ledger-close",
        "id, ?ank-rec, bank-rec",
        "id, *e*, bank-rec ledger-close site-survey",
        "id, bank.rec, ''",
        "id, bank-rec, bank-rec",
        "id, bank, ''",
        "id, *, bank-rec ledger-close site-survey",
        "id, s*y, site-survey",
        "soc, 13-2011, bank-rec ledger-close",
        "soc, 13-, bank-rec ledger-close",
        "soc, 13, bank-rec ledger-close",
        "soc, 13-20, bank-rec ledger-close",
        "soc, 13-2011.01, ledger-close",
        "soc, 43-3031, bank-rec",
        "soc, 43, bank-rec",
        "soc, 17-2051, site-survey",
        "soc, 17-2, site-survey",
        "soc, 15, ''",
        "soc, 13-2012, ''",
        "soc, ' 17 ', site-survey"
    })
    void idGlobsAndSocCodes(String key, String query, String expected) {
        assertEquals(expected, ids(key.equals("id") ? TaskFilter.id(query) : TaskFilter.soc(query)));
    }

    @Test
    void tierClusterSubfieldAndList() {
        assertEquals("bank-rec", ids(TaskFilter.tier(Tier.NEAR_TERM)));
        assertEquals("site-survey", ids(TaskFilter.tier(Tier.LAST_EXAM)));
        assertEquals("bank-rec ledger-close", ids(TaskFilter.cluster("business_finance")));
        assertEquals("site-survey", ids(TaskFilter.subfield("civil_geo")));
        assertEquals("bank-rec ledger-close", ids(TaskFilter.list("finance")));
        assertEquals("", ids(TaskFilter.list("missing")));
        assertEquals("bank-rec ledger-close site-survey", ids(TaskFilter.all()));
    }

    @ParameterizedTest
    @CsvSource({"abc", "1", "13-20111", "132011", "''", "13-2011.", "13-2011.123"})
    void badSocQueriesAreRefused(String code) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskFilter.soc(code));
        assertTrue(e.getMessage().contains("not a SOC code or prefix"), e.getMessage());
    }

    @Test
    void filtersCompose() {
        TaskFilter finance = TaskFilter.cluster("business_finance");
        assertEquals(
                "ledger-close", ids(finance.and(TaskFilter.tier(Tier.NEAR_TERM).negate())));
        assertEquals("bank-rec site-survey", ids(TaskFilter.tier(Tier.NEAR_TERM).or(TaskFilter.soc("17"))));
        assertEquals("site-survey", ids(finance.negate()));
        assertEquals("", ids(finance.and(finance.negate())));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "tier:near-term | bank-rec",
                "tier:full-spectrum,soc:13- | ledger-close",
                "cluster:business_finance, id:*-rec | bank-rec",
                " list:finance , soc:13-2011.01 | ledger-close",
                "subfield:accounting | bank-rec ledger-close",
                "soc:17 | site-survey",
                "id:nothing* | ''"
            })
    void expressions(String expression, String expected) {
        assertEquals(expected, ids(TaskFilter.parse(expression)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "tier:hard | bad filter term 'tier:hard': unknown tier 'hard'",
                "colour:red | bad filter term 'colour:red': unknown key 'colour'",
                "tier | bad filter term 'tier': expected key:value",
                "tier: | bad filter term 'tier:': the value is empty",
                "tier:near-term,, | bad filter term '': expected key:value",
                "cluster:banking | bad filter term 'cluster:banking': unknown cluster 'banking'",
                "soc:abc | bad filter term 'soc:abc': not a SOC code or prefix",
                "' ' | empty filter expression"
            })
    void badExpressionsNameTheTerm(String expression, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskFilter.parse(expression));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void selectingASelectionNarrowsIt() {
        TaskPack finance = pack.select(TaskFilter.parse("cluster:business_finance"));
        assertEquals(
                List.of("bank-rec"),
                finance.select(TaskFilter.list("smoke")).tasks().stream()
                        .map(Task::id)
                        .toList());
        assertEquals(List.of(), finance.select(TaskFilter.soc("17")).tasks());
    }
}
