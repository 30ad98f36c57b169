package dev.ale.samples;

import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's rules for inventory costing. Deliberately imperfect: it keeps a moving weighted
 * average cost per item instead of first-in, first-out layers, so units and revenue come out
 * right but cost of goods sold, margins and the ending layers do not.
 */
final class FifoCoster {
    private FifoCoster() {}

    /** Units on hand, their total cost, and the month's sales figures. */
    private static final class Stock {
        long units;
        BigDecimal value = BigDecimal.ZERO;
        long sold;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal cogs = BigDecimal.ZERO;
        String lastReceipt = "";
    }

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        if (!Instructions.names(instruction, "fifo_summary.csv")
                || !Instructions.names(instruction, "ending_layers.csv")) {
            return SessionOutcome.gaveUp("unexpected output files");
        }
        ws.list();
        Map<String, Stock> stock = new LinkedHashMap<>();
        for (Map<String, String> layer : ws.csv("opening_inventory.csv")) {
            Stock s = stock.computeIfAbsent(layer.get("sku"), k -> new Stock());
            long qty = Long.parseLong(layer.get("quantity"));
            s.units += qty;
            s.value = s.value.add(Num.of(layer.get("unit_cost")).multiply(Num.of(qty)));
            s.lastReceipt = layer.get("layer_date");
        }
        for (Map<String, String> t : ws.csv("transactions.csv")) {
            Stock s = stock.computeIfAbsent(t.get("sku"), k -> new Stock());
            long qty = Long.parseLong(t.get("quantity"));
            if (t.get("type").equals("RECEIPT")) {
                s.units += qty;
                s.value = s.value.add(Num.of(t.get("unit_cost")).multiply(Num.of(qty)));
                s.lastReceipt = t.get("date");
            } else {
                BigDecimal average = Num.div(s.value, Num.of(s.units));
                BigDecimal cost = Num.round(average.multiply(Num.of(qty)), 2);
                s.units -= qty;
                s.value = s.value.subtract(cost);
                s.sold += qty;
                s.revenue = s.revenue.add(Num.of(t.get("unit_price")).multiply(Num.of(qty)));
                s.cogs = s.cogs.add(cost);
            }
        }
        ws.think("Costed " + stock.size() + " items at moving average cost.");
        SimpleCsv.Writer summary = new SimpleCsv.Writer(
                List.of("sku", "units_sold", "revenue", "cogs", "gross_margin", "ending_units", "ending_value"));
        SimpleCsv.Writer layers = new SimpleCsv.Writer(List.of("sku", "layer_date", "quantity", "unit_cost"));
        BigDecimal cogs = BigDecimal.ZERO;
        BigDecimal ending = BigDecimal.ZERO;
        for (Map.Entry<String, Stock> e : stock.entrySet()) {
            Stock s = e.getValue();
            summary.row(
                    e.getKey(),
                    s.sold,
                    Num.round(s.revenue, 2),
                    Num.round(s.cogs, 2),
                    Num.round(s.revenue.subtract(s.cogs), 2),
                    s.units,
                    Num.round(s.value, 2));
            if (s.units > 0) {
                layers.row(e.getKey(), s.lastReceipt, s.units, Num.div(s.value, Num.of(s.units), 2));
            }
            cogs = cogs.add(s.cogs);
            ending = ending.add(s.value);
        }
        ws.write("fifo_summary.csv", summary.text());
        ws.write("ending_layers.csv", layers.text());
        ws.writeJson(
                "inventory_totals.json",
                AgentWorkspace.object()
                        .put("total_cogs", Num.round(cogs, 2))
                        .put("total_ending_value", Num.round(ending, 2)));
        return SessionOutcome.completed();
    }
}
