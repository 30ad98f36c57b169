package dev.ale.samples;

import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's rules for sales tax. Deliberately imperfect: it applies the full combined rate of
 * the ship-to jurisdiction to every line and never reads the category rules, so exempt groceries,
 * medicine and low-priced clothing are taxed.
 */
final class SalesTaxer {
    private static final String LINES = "sales_tax.csv";
    private static final String SUMMARY = "jurisdiction_summary.csv";

    private SalesTaxer() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        if (!Instructions.asksFor(instruction, LINES, "order_id,line,taxable_amount,tax_rate_pct,tax_amount")
                || !Instructions.asksFor(
                        instruction, SUMMARY, "jurisdiction_code,gross_sales,taxable_sales,tax_collected")) {
            return SessionOutcome.gaveUp("unexpected output format");
        }
        ws.list();
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        for (Map<String, String> r : ws.csv("rates.csv")) {
            rates.put(
                    r.get("jurisdiction_code"),
                    Num.of(r.get("state_rate_pct"))
                            .add(Num.of(r.get("county_rate_pct")))
                            .add(Num.of(r.get("city_rate_pct"))));
            sums.put(r.get("jurisdiction_code"), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        }
        SimpleCsv.Writer lines = new SimpleCsv.Writer(Instructions.header(instruction, LINES));
        for (Map<String, String> l : ws.csv("order_lines.csv")) {
            BigDecimal amount = Num.percent(
                    Num.of(l.get("unit_price")).multiply(Num.of(l.get("quantity"))),
                    Num.of(100).subtract(Num.of(l.get("discount_pct"))),
                    2);
            BigDecimal rate = rates.get(l.get("jurisdiction_code"));
            BigDecimal tax = Num.percent(amount, rate, 2);
            lines.row(l.get("order_id"), l.get("line"), amount, Num.round(rate, 2), tax);
            BigDecimal[] s = sums.get(l.get("jurisdiction_code"));
            s[0] = s[0].add(amount);
            s[1] = s[1].add(amount);
            s[2] = s[2].add(tax);
        }
        SimpleCsv.Writer summary = new SimpleCsv.Writer(Instructions.header(instruction, SUMMARY));
        sums.forEach((j, s) -> summary.row(j, s[0], s[1], s[2]));
        ws.write(LINES, lines.text());
        ws.write(SUMMARY, summary.text());
        return SessionOutcome.completed();
    }
}
