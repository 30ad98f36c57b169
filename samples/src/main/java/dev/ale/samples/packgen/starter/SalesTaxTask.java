package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import java.math.BigDecimal;
import java.util.Random;
import java.util.TreeMap;

/**
 * {@code sales-tax-jurisdictions}: sales tax on a month of order lines shipped to six fictional
 * local jurisdictions in two fictional states, where the state and local parts of the rate apply
 * by product category, one state exempts low-priced clothing, and medicine is exempt everywhere.
 */
final class SalesTaxTask {
    static final String ID = "sales-tax-jurisdictions";
    /** jurisdiction, state, county, city, state %, county %, city %. */
    private static final String[][] RATES = Catalogs.table(ID, "RATES");
    /** state, category, state part applies, local parts apply, state part exempt below this unit price. */
    private static final String[][] RULES = Catalogs.table(ID, "RULES");

    private static final String[][] CATALOG = Catalogs.table(ID, "CATALOG");

    private SalesTaxTask() {}

    static void generate(StarterTask task, Random random) {
        Table rates = new Table("jurisdiction_code,state,county,city,state_rate_pct,county_rate_pct,city_rate_pct")
                .addAll(RATES);
        Table rules = new Table("state,category,state_rate_applies,local_rates_apply,state_exempt_below_unit_price")
                .addAll(RULES);
        Table orders = new Table("order_id,line,jurisdiction_code,category,quantity,unit_price,discount_pct");
        Table lines = new Table("order_id,line,taxable_amount,tax_rate_pct,tax_amount");
        TreeMap<String, BigDecimal[]> byJurisdiction = new TreeMap<>();
        for (String[] r : RATES) {
            byJurisdiction.put(r[0], new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        }
        for (int o = 0; o < 45; o++) {
            String[] j = RATES[random.nextInt(RATES.length)];
            int n = 1 + random.nextInt(3);
            for (int l = 1; l <= n; l++) {
                Line line = line(random, o, j);
                String orderId = "WO-" + (55001 + o);
                orders.row(orderId, l, j[0], line.category(), line.qty(), line.price(), line.discount());
                BigDecimal amount = Dec.round(line.exact(), 2);
                BigDecimal taxable = line.rate().signum() > 0 ? amount : Dec.of("0.00");
                BigDecimal tax = Dec.percent(amount, line.rate(), 2);
                lines.row(orderId, l, taxable, Dec.round(line.rate(), 2), tax);
                BigDecimal[] sums = byJurisdiction.get(j[0]);
                sums[0] = sums[0].add(amount);
                sums[1] = sums[1].add(taxable);
                sums[2] = sums[2].add(tax);
            }
        }
        Table summary = new Table("jurisdiction_code,gross_sales,taxable_sales,tax_collected");
        byJurisdiction.forEach((k, s) -> summary.row(k, s[0], s[1], s[2]));
        task.input("rates.csv", rates);
        task.input("category_rules.csv", rules);
        task.input("order_lines.csv", orders);
        task.csv("sales_tax.csv", lines, "order_id", "line")
                .rows(
                        "order lines",
                        6,
                        columns()
                                .num(0.01, "taxable_amount")
                                .num(0.001, "tax_rate_pct")
                                .num(0.01, "tax_amount"));
        task.csv("jurisdiction_summary.csv", summary, "jurisdiction_code")
                .rows("jurisdiction totals", 3, columns().num(0.01, "gross_sales", "taxable_sales", "tax_collected"));
        task.instructions(instruction(lines, summary));
    }

    /** One order line as drawn: category, unit price, quantity, discount, exact amount and tax rate. */
    private record Line(String category, BigDecimal price, int qty, int discount, BigDecimal exact, BigDecimal rate) {}

    /** Draws a line of order {@code o} in jurisdiction {@code j} again until its amount and tax sit on no rounding tie. */
    private static Line line(Random random, int o, String[] j) {
        while (true) {
            String[] c = CATALOG[random.nextInt(CATALOG.length)];
            BigDecimal price = c[0].equals("CLOTHING") && o % 5 == 0
                    ? Dec.of("110.00")
                    : Dec.random(random, Double.parseDouble(c[1]), Double.parseDouble(c[2]), 2);
            int qty = 1 + random.nextInt(4);
            int discount = new int[] {0, 0, 10, 15}[random.nextInt(4)];
            BigDecimal exact =
                    price.multiply(Dec.of(qty)).multiply(Dec.of(100 - discount)).movePointLeft(2);
            String[] rule = rule(j[1], c[0]);
            boolean statePart = rule[2].equals("Y") && (rule[4].isEmpty() || price.compareTo(Dec.of(rule[4])) >= 0);
            BigDecimal rate = (statePart ? Dec.of(j[4]) : BigDecimal.ZERO)
                    .add(rule[3].equals("Y") ? Dec.of(j[5]).add(Dec.of(j[6])) : BigDecimal.ZERO);
            if (Dec.clearOfTie(exact, 2)
                    && Dec.clearOfTie(Dec.round(exact, 2).multiply(rate).movePointLeft(2), 2)) {
                return new Line(c[0], price, qty, discount, exact, rate);
            }
        }
    }

    private static String[] rule(String state, String category) {
        for (String[] r : RULES) {
            if (r[0].equals(state) && r[1].equals(category)) {
                return r;
            }
        }
        throw new IllegalArgumentException(state + " " + category);
    }

    private static String instruction(Table lines, Table summary) {
        return """
                You are a tax accountant for Copperline Goods, an online retailer registered in two states, \
                Northland (NL) and Southmoor (SM) (both fictional). Compute the sales tax on last month's order \
                lines for the returns.

                Files in the workspace:
                - `rates.csv`: per local jurisdiction, its state and the state, county and city rates (percent).
                - `category_rules.csv`: per state and product category, whether the state part of the rate \
                applies (Y/N), whether the local parts (county and city) apply (Y/N), and, where given, a unit \
                price below which the state part does not apply.
                - `order_lines.csv`: order lines with the ship-to jurisdiction, category, quantity, unit price \
                and discount percent.

                Rules, for each order line:
                1. amount = quantity x unit_price x (100 - discount_pct) / 100, rounded to the cent (half up).
                2. tax_rate_pct = (the state rate, if the state part applies and the unit price is not below \
                the state exemption price) + (the county rate + the city rate, if the local parts apply).
                3. tax_amount = amount x tax_rate_pct / 100, rounded to the cent (half up).
                4. taxable_amount = amount when tax_rate_pct is above 0, otherwise 0.00.

                Write `sales_tax.csv` with the header `{lines}` and one row per order line, and \
                `jurisdiction_summary.csv` with the header `{summary}` and one row per jurisdiction of \
                rates.csv: gross_sales (sum of amounts), taxable_sales (sum of taxable_amount) and \
                tax_collected (sum of tax_amount). Amounts with 2 decimal places.

                Grading: rows are matched by order_id and line, and by jurisdiction_code; amounts are graded \
                within 0.01 and rates within 0.001; rows that do not belong cost credit."""
                .replace("{lines}", lines.headerLine())
                .replace("{summary}", summary.headerLine());
    }
}
