package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ale.api.task.Taxonomy;
import org.junit.jupiter.api.Test;

/**
 * An opened pack's tasks share the occupation tables' strings for their cluster, subfield and SOC
 * codes (a 20,000-task pack held 20,000 copies of each): the same values, one instance.
 */
class SharedStringsTest extends StandardPackTest {
    @Test
    void tasksOfOneClusterShareItsStringsAndKeepTheirValues() {
        try (TaskPack pack = TaskPacks.open(tmp)) {
            Taxonomy bank = pack.task("bank-rec").orElseThrow().spec().taxonomy();
            Taxonomy close = pack.task("ledger-close").orElseThrow().spec().taxonomy();
            assertEquals("business_finance", bank.cluster());
            assertSame(bank.cluster(), close.cluster());
            assertSame(bank.subfield(), close.subfield());
            assertSame(bank.soc().get(0), Occupations.get().canonical("13-2011"));
            assertEquals("13-2011.01", close.soc().get(0)); // not in the tables: kept as read
            assertEquals("unknown", Occupations.get().canonical("unknown"));
        }
    }
}
