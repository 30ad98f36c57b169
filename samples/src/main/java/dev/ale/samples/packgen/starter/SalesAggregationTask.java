package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code sales-aggregation}: the SQL-style report an analyst writes by hand: join orders, order
 * lines, customers and products; keep completed first-quarter orders; sum net revenue by region
 * and category, and by month.
 */
final class SalesAggregationTask {
    static final String ID = "sales-aggregation";
    private static final String[] REGIONS = {"NORTHEAST", "SOUTH", "MIDWEST", "WEST"};
    private static final String[][] PRODUCTS = Catalogs.table(ID, "PRODUCTS");
    private static final String[] STATUSES = {
        "COMPLETE", "COMPLETE", "COMPLETE", "COMPLETE", "COMPLETE", "CANCELLED", "RETURNED"
    };

    private SalesAggregationTask() {}

    private static final class Cell {
        final Set<String> orders = new HashSet<>();
        int units;
        BigDecimal revenue = BigDecimal.ZERO;
    }

    static void generate(StarterTask task, Random random) {
        Table customers = new Table("customer_id,name,region");
        for (int c = 0; c < 30; c++) {
            customers.row("C" + (301 + c), "Customer " + (301 + c), REGIONS[random.nextInt(REGIONS.length)]);
        }
        Table products = new Table("product_id,name,category,list_price");
        for (int p = 0; p < PRODUCTS.length; p++) {
            products.row("P" + (10 + p), PRODUCTS[p][0], PRODUCTS[p][1], PRODUCTS[p][2]);
        }
        Table orders = new Table("order_id,customer_id,order_date,status");
        Table lines = new Table("order_id,line,product_id,quantity,unit_price,discount_pct");
        TreeMap<String, Cell> cells = new TreeMap<>();
        TreeMap<String, Cell> months = new TreeMap<>();
        LocalDate start = LocalDate.of(2024, 12, 20);
        for (int o = 0; o < 120; o++) {
            String orderId = "SO-" + (70001 + o);
            int customer = random.nextInt(30);
            String region = customers.rows().get(customer).get(2);
            LocalDate date = start.plusDays(random.nextInt(115));
            String status = STATUSES[random.nextInt(STATUSES.length)];
            orders.row(orderId, "C" + (301 + customer), date, status);
            boolean counted = status.equals("COMPLETE") && date.getYear() == 2025 && date.getMonthValue() <= 3;
            int n = 1 + random.nextInt(3);
            for (int l = 1; l <= n; l++) {
                int p = random.nextInt(PRODUCTS.length);
                int qty = 1 + random.nextInt(4);
                BigDecimal price = Dec.of(PRODUCTS[p][2]);
                int discount = new int[] {0, 0, 0, 5, 10, 15}[random.nextInt(6)];
                lines.row(orderId, l, "P" + (10 + p), qty, price, discount);
                if (counted) {
                    BigDecimal net = Dec.percent(price.multiply(Dec.of(qty)), Dec.of(100 - discount), 2);
                    add(cells.computeIfAbsent(region + "|" + PRODUCTS[p][1], k -> new Cell()), orderId, qty, net);
                    add(months.computeIfAbsent(date.toString().substring(0, 7), k -> new Cell()), orderId, qty, net);
                }
            }
        }
        Table byCell = new Table("region,category,orders,units,net_revenue");
        cells.forEach((k, c) -> byCell.row(k.split("\\|")[0], k.split("\\|")[1], c.orders.size(), c.units, c.revenue));
        Table byMonth = new Table("month,orders,units,net_revenue");
        months.forEach((k, c) -> byMonth.row(k, c.orders.size(), c.units, c.revenue));
        task.input("customers.csv", customers);
        task.input("products.csv", products);
        task.input("orders.csv", orders);
        task.input("order_lines.csv", lines);
        task.csv("revenue_by_region_category.csv", byCell, "region", "category")
                .rows(
                        "region x category",
                        6,
                        columns().num(0, "orders", "units").num(0.01, "net_revenue"));
        task.csv("monthly_revenue.csv", byMonth, "month")
                .rows("months", 3, columns().num(0, "orders", "units").num(0.01, "net_revenue"));
        task.instructions(instruction(byCell, byMonth));
    }

    private static void add(Cell cell, String order, int qty, BigDecimal net) {
        cell.orders.add(order);
        cell.units += qty;
        cell.revenue = cell.revenue.add(net);
    }

    private static String instruction(Table byCell, Table byMonth) {
        return """
                You are a data analyst at Ridgeline Outfitters, an online outdoor-gear shop. The sales \
                director wants first-quarter 2025 net revenue by region and product category, and by month.

                The workspace holds an export of four tables: `customers.csv` (customer_id, region), \
                `products.csv` (product_id, category), `orders.csv` (order_id, customer_id, order_date, \
                status) and `order_lines.csv` (order_id, line, product_id, quantity, unit_price, discount_pct).

                Rules:
                1. Count only orders with status COMPLETE and an order_date from 2025-01-01 to 2025-03-31 \
                inclusive.
                2. The net amount of a line = quantity x unit_price x (100 - discount_pct) / 100, rounded to \
                the cent (half up). Revenue figures are sums of line net amounts.
                3. A line's region is its customer's region; its category is its product's category.

                Write `revenue_by_region_category.csv` with the header `{cells}` and one row per region and \
                category that has at least one counted line: orders = the number of distinct counted orders \
                with a line in that region and category, units = the sum of their quantities, net_revenue = \
                the sum of their net amounts (2 decimal places).

                Write `monthly_revenue.csv` with the header `{months}` and one row per month (YYYY-MM) of the \
                quarter, with the same three measures.

                Grading: rows are matched by region and category, and by month; counts must be exact and \
                revenue is graded within 0.01; rows that should not be there cost credit."""
                .replace("{cells}", byCell.headerLine())
                .replace("{months}", byMonth.headerLine());
    }
}
