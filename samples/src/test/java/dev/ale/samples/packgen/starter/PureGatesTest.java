package dev.ale.samples.packgen.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ale.api.spi.Verdict;
import dev.ale.samples.packgen.GeneratedPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starter pack's column and JSON-object gates are pure (weight 0): an agent that writes only
 * the right headers and an empty object passes every gate and earns nothing (it earned 3 of 14
 * points on inventory-fifo when the gates weighed 1).
 */
class PureGatesTest {
    @Test
    void headersAloneEarnNothing(@TempDir Path out) throws Exception {
        Files.writeString(
                out.resolve("fifo_summary.csv"),
                "sku,units_sold,revenue,cogs,gross_margin,ending_units,ending_value\n");
        Files.writeString(out.resolve("ending_layers.csv"), "sku,layer_date,quantity,unit_cost\n");
        Files.writeString(out.resolve("inventory_totals.json"), "{}");
        Verdict v = PackCheck.open(GeneratedPacks.moduleDir().resolve("packs/starter"))
                .verify("inventory-fifo", out);
        assertFalse(v.gateFailed(), v.toString());
        assertEquals(0.0, v.score(), v.toString());
    }
}
