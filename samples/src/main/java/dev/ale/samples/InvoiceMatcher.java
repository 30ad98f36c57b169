package dev.ale.samples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's rules for three-way matching: purchase-order lines by po_number and line, receipts
 * summed per line, the price tolerance read from the instruction, and the statuses it defines.
 */
final class InvoiceMatcher {
    private static final String RESULTS = "match_results.csv";
    private static final String SUMMARY = "match_summary.json";
    private static final String[] COLUMNS = {
        "invoice_id", "line", "status", "billed_amount", "approved_amount", "variance_amount"
    };

    private InvoiceMatcher() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        BigDecimal tolerance =
                Instructions.number(instruction, "<= (\\d+(?:\\.\\d+)?)% of the purchase-order unit_price");
        if (tolerance == null
                || !Instructions.asksFor(instruction, RESULTS, String.join(",", COLUMNS))
                || !Instructions.names(instruction, SUMMARY)) {
            return SessionOutcome.gaveUp("the instruction does not ask for the match results I know how to produce");
        }
        ws.list();
        Map<String, Map<String, String>> poLines = new HashMap<>();
        for (Map<String, String> po : ws.csv("purchase_orders.csv")) {
            poLines.put(po.get("po_number") + "|" + po.get("line"), po);
        }
        Map<String, Integer> received = new HashMap<>();
        for (Map<String, String> r : ws.csv("receipts.csv")) {
            received.merge(
                    r.get("po_number") + "|" + r.get("line"), Integer.parseInt(r.get("qty_received")), Integer::sum);
        }
        List<Map<String, String>> invoices = ws.csv("invoices.csv");
        ws.think("Matching " + invoices.size() + " invoice lines; price tolerance " + tolerance + "%.");
        SimpleCsv.Writer out = new SimpleCsv.Writer(List.of(COLUMNS));
        int matched = 0;
        BigDecimal billedTotal = BigDecimal.ZERO;
        BigDecimal approvedTotal = BigDecimal.ZERO;
        for (Map<String, String> inv : invoices) {
            String key = inv.get("po_number") + "|" + inv.get("line");
            int qty = Integer.parseInt(inv.get("qty_billed"));
            BigDecimal billedPrice = Num.of(inv.get("unit_price_billed"));
            BigDecimal billed = billedPrice.multiply(Num.of(qty));
            Map<String, String> po = poLines.get(key);
            int got = received.getOrDefault(key, 0);
            String status;
            BigDecimal approved = BigDecimal.ZERO;
            if (po == null) {
                status = "NO_PO";
            } else if (got == 0) {
                status = "NO_RECEIPT";
            } else {
                BigDecimal poPrice = Num.of(po.get("unit_price"));
                boolean priceOk =
                        billedPrice.subtract(poPrice).abs().compareTo(Num.percent(poPrice, tolerance, 10)) <= 0;
                boolean qtyOk = qty <= got;
                status = priceOk && qtyOk
                        ? "MATCHED"
                        : priceOk ? "QTY_VARIANCE" : qtyOk ? "PRICE_VARIANCE" : "PRICE_QTY_VARIANCE";
                approved = Num.of(Math.min(qty, got)).multiply(priceOk ? billedPrice : poPrice);
            }
            matched += status.equals("MATCHED") ? 1 : 0;
            billedTotal = billedTotal.add(billed);
            approvedTotal = approvedTotal.add(approved);
            out.row(
                    inv.get("invoice_id"),
                    inv.get("line"),
                    status,
                    Num.round(billed, 2),
                    Num.round(approved, 2),
                    Num.round(billed.subtract(approved), 2));
        }
        ws.write(RESULTS, out.text());
        ObjectNode summary = AgentWorkspace.object();
        summary.put("lines", invoices.size())
                .put("lines_matched", matched)
                .put("lines_on_hold", invoices.size() - matched);
        summary.put("total_billed", Num.round(billedTotal, 2))
                .put("total_approved", Num.round(approvedTotal, 2))
                .put("total_variance", Num.round(billedTotal.subtract(approvedTotal), 2));
        ws.writeJson(SUMMARY, summary);
        return SessionOutcome.completed();
    }
}
