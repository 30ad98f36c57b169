package dev.ale.samples;

import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The agent's rules for the quarterly sales report: a four-table join, completed orders of the quarter, net line amounts. */
final class SalesReporter {
    private static final String CELLS = "revenue_by_region_category.csv";
    private static final String MONTHS = "monthly_revenue.csv";

    private SalesReporter() {}

    /** One cell of the report: distinct orders, units and net revenue. */
    private static final class Cell {
        final Set<String> orders = new HashSet<>();
        long units;
        BigDecimal revenue = BigDecimal.ZERO;
    }

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        List<String> window =
                Instructions.groups(instruction, "order_date from (\\d{4}-\\d{2}-\\d{2}) to (\\d{4}-\\d{2}-\\d{2})");
        if (window.isEmpty()
                || !Instructions.asksFor(instruction, CELLS, "region,category,orders,units,net_revenue")
                || !Instructions.asksFor(instruction, MONTHS, "month,orders,units,net_revenue")) {
            return SessionOutcome.gaveUp("could not read the date window or the report format");
        }
        ws.list();
        Map<String, String> region = new HashMap<>();
        ws.csv("customers.csv").forEach(c -> region.put(c.get("customer_id"), c.get("region")));
        Map<String, String> category = new HashMap<>();
        ws.csv("products.csv").forEach(p -> category.put(p.get("product_id"), p.get("category")));
        Map<String, Map<String, String>> orders = new HashMap<>();
        for (Map<String, String> o : ws.csv("orders.csv")) {
            String date = o.get("order_date");
            if (o.get("status").equals("COMPLETE")
                    && date.compareTo(window.get(0)) >= 0
                    && date.compareTo(window.get(1)) <= 0) {
                orders.put(o.get("order_id"), o);
            }
        }
        Map<String, Cell> cells = new TreeMap<>();
        Map<String, Cell> months = new TreeMap<>();
        for (Map<String, String> line : ws.csv("order_lines.csv")) {
            Map<String, String> order = orders.get(line.get("order_id"));
            if (order == null) {
                continue;
            }
            long qty = Long.parseLong(line.get("quantity"));
            BigDecimal net = Num.percent(
                    Num.of(line.get("unit_price")).multiply(Num.of(qty)),
                    Num.of(100).subtract(Num.of(line.get("discount_pct"))),
                    2);
            String key = region.get(order.get("customer_id")) + "," + category.get(line.get("product_id"));
            for (Cell c : new Cell[] {
                cells.computeIfAbsent(key, k -> new Cell()),
                months.computeIfAbsent(order.get("order_date").substring(0, 7), k -> new Cell())
            }) {
                c.orders.add(order.get("order_id"));
                c.units += qty;
                c.revenue = c.revenue.add(net);
            }
        }
        SimpleCsv.Writer byCell = new SimpleCsv.Writer(Instructions.header(instruction, CELLS));
        cells.forEach((k, c) -> byCell.row(k.split(",")[0], k.split(",")[1], c.orders.size(), c.units, c.revenue));
        SimpleCsv.Writer byMonth = new SimpleCsv.Writer(Instructions.header(instruction, MONTHS));
        months.forEach((k, c) -> byMonth.row(k, c.orders.size(), c.units, c.revenue));
        ws.write(CELLS, byCell.text());
        ws.write(MONTHS, byMonth.text());
        return SessionOutcome.completed();
    }
}
