package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.samples.packgen.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * {@code inventory-fifo}: a month of receipts and sales of five stock items costed first-in,
 * first-out from the opening cost layers: cost of goods sold, gross margin, ending units and
 * value, and the cost layers left at month end.
 */
final class InventoryFifoTask {
    static final String ID = "inventory-fifo";
    private static final String[][] ITEMS = Catalogs.table(ID, "ITEMS");

    private record Layer(LocalDate date, int qty, BigDecimal cost) {}

    private InventoryFifoTask() {}

    static void generate(StarterTask task, Random random) {
        Table opening = new Table("sku,description,layer_date,quantity,unit_cost");
        Table txns = new Table("date,txn_id,sku,type,quantity,unit_cost,unit_price");
        Table summary = new Table("sku,units_sold,revenue,cogs,gross_margin,ending_units,ending_value");
        Table layersOut = new Table("sku,layer_date,quantity,unit_cost");
        BigDecimal totalCogs = BigDecimal.ZERO;
        BigDecimal totalEnding = BigDecimal.ZERO;
        int txnNo = 9001;
        List<List<Object>> txnRows = new ArrayList<>();
        for (String[] item : ITEMS) {
            Deque<Layer> layers = new ArrayDeque<>();
            BigDecimal cost = Dec.of(item[2]);
            for (int k = 0; k < 2; k++) {
                Layer l = new Layer(
                        LocalDate.of(2025, 3, 10 + 9 * k),
                        40 + 10 * random.nextInt(12),
                        Dec.round(cost.multiply(Dec.of(95 + random.nextInt(6))).movePointLeft(2), 2));
                layers.add(l);
                opening.row(item[0], item[1], l.date(), l.qty(), l.cost());
            }
            int units = 0;
            BigDecimal revenue = BigDecimal.ZERO;
            BigDecimal cogs = BigDecimal.ZERO;
            for (int day = 1; day <= 30; day += 1 + random.nextInt(3)) {
                LocalDate date = LocalDate.of(2025, 4, day);
                int onHand = layers.stream().mapToInt(Layer::qty).sum();
                if (random.nextDouble() < 0.25 || onHand < 30) {
                    Layer l = new Layer(
                            date,
                            50 + 10 * random.nextInt(10),
                            Dec.round(
                                    cost.multiply(Dec.of(98 + random.nextInt(9)))
                                            .movePointLeft(2),
                                    2));
                    layers.add(l);
                    txnRows.add(List.of(date, item[0], "RECEIPT", l.qty(), l.cost(), ""));
                } else {
                    int qty = Math.min(onHand, 5 + random.nextInt(40));
                    BigDecimal price = Dec.of(item[3]);
                    txnRows.add(List.of(date, item[0], "SALE", qty, "", price));
                    units += qty;
                    revenue = revenue.add(price.multiply(Dec.of(qty)));
                    for (int left = qty; left > 0; ) {
                        Layer first = layers.removeFirst();
                        int take = Math.min(left, first.qty());
                        cogs = cogs.add(first.cost().multiply(Dec.of(take)));
                        left -= take;
                        if (take < first.qty()) {
                            layers.addFirst(new Layer(first.date(), first.qty() - take, first.cost()));
                        }
                    }
                }
            }
            BigDecimal ending = BigDecimal.ZERO;
            int endingUnits = 0;
            for (Layer l : layers) {
                layersOut.row(item[0], l.date(), l.qty(), l.cost());
                ending = ending.add(l.cost().multiply(Dec.of(l.qty())));
                endingUnits += l.qty();
            }
            summary.row(
                    item[0],
                    units,
                    Dec.round(revenue, 2),
                    Dec.round(cogs, 2),
                    Dec.round(revenue.subtract(cogs), 2),
                    endingUnits,
                    Dec.round(ending, 2));
            totalCogs = totalCogs.add(cogs);
            totalEnding = totalEnding.add(ending);
        }
        txnRows.sort((a, b) -> ((LocalDate) a.get(0)).compareTo((LocalDate) b.get(0)));
        for (List<Object> r : txnRows) {
            txns.row(r.get(0), "T" + txnNo++, r.get(1), r.get(2), r.get(3), r.get(4), r.get(5));
        }
        ObjectNode totals = Formats.object();
        totals.set("total_cogs", Formats.number(Dec.round(totalCogs, 2)));
        totals.set("total_ending_value", Formats.number(Dec.round(totalEnding, 2)));
        task.input("opening_inventory.csv", opening);
        task.input("transactions.csv", txns);
        task.csv("fifo_summary.csv", summary, "sku")
                .rows(
                        "units and revenue",
                        2,
                        columns().num(0, "units_sold", "ending_units").num(0.01, "revenue"))
                .rows("FIFO costs", 5, columns().num(0.01, "cogs", "gross_margin", "ending_value"));
        task.csv("ending_layers.csv", layersOut, "sku", "layer_date")
                .rows("ending layers", 2, columns().num(0, "quantity").num(0.01, "unit_cost"));
        task.json("inventory_totals.json", totals).fields("totals", 1, 0.01);
        task.instructions(instruction(summary, layersOut));
    }

    private static String instruction(Table summary, Table layers) {
        return """
                You are the cost accountant of Birchwood Cabinet Hardware. Close April 2025 for five stock \
                items using the first-in, first-out (FIFO) cost method.

                Files in the workspace:
                - `opening_inventory.csv`: the cost layers on hand on 1 April (per sku: layer date, quantity, \
                unit cost), oldest first.
                - `transactions.csv`: April's receipts (quantity and unit_cost) and sales (quantity and \
                unit_price), in date order. A receipt adds a new cost layer dated on its date.

                Rules:
                1. A sale takes its units from the oldest layer first, then the next oldest, and so on; its \
                cost of goods sold is the sum over the units taken of their layer's unit cost. Partly used \
                layers keep their date and cost.
                2. Per sku: units_sold, revenue (sum of quantity x unit_price of its sales), cogs, \
                gross_margin = revenue - cogs, and ending_units and ending_value (the layers left on 30 April \
                at their unit costs).

                Write `fifo_summary.csv` with the header `{summary}` (one row per sku), \
                `ending_layers.csv` with the header `{layers}` (one row per layer left with units, per sku \
                oldest first), and `inventory_totals.json`: one JSON object with "total_cogs" and \
                "total_ending_value" over all skus. Amounts with 2 decimal places.

                Grading: rows are matched by sku, and by sku and layer_date; units must be exact and amounts \
                are graded within 0.01; rows that do not belong cost credit."""
                .replace("{summary}", summary.headerLine())
                .replace("{layers}", layers.headerLine());
    }
}
