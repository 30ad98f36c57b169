package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.samples.packgen.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * {@code three-way-match}: accounts-payable matching of supplier invoice lines to purchase-order
 * lines and goods receipts. Every status of the instruction occurs: matched, price variance beyond
 * the 2% tolerance, quantity billed beyond quantity received, both, no receipt, and a line for a
 * purchase-order line that does not exist.
 */
final class ThreeWayMatchTask {
    static final String ID = "three-way-match";

    private record Item(String sku, String description, double minPrice, double maxPrice) {}

    private record Vendor(String name, String invoicePrefix, Item[] items) {}

    /** What happens to one purchase-order line on its way to the invoice. */
    private enum Plan {
        NORMAL,
        PRICE_WITHIN,
        PRICE_OVER,
        SHORT_RECEIPT,
        SHORT_AND_PRICE,
        NOT_RECEIVED,
        NOT_BILLED
    }

    private static final Vendor[] VENDORS = {
        new Vendor("Keystone Industrial Supply", "KIS", new Item[] {
            new Item("KIS-1120", "Nitrile gloves, box of 100", 8, 14),
                    new Item("KIS-2045", "Safety glasses, clear", 3, 7),
            new Item("KIS-3310", "Shop towels, case of 12 rolls", 28, 40),
                    new Item("KIS-4102", "Hex bolt M10x40, box of 50", 11, 19),
            new Item("KIS-5507", "Cordless drill battery 18V", 45, 70)
        }),
        new Vendor("Bluewater Lab Products", "BLP", new Item[] {
            new Item("BLP-0310", "Pipette tips 200 uL, rack of 96", 6, 11),
            new Item("BLP-0455", "Centrifuge tubes 50 mL, pack of 25", 9, 16),
            new Item("BLP-1020", "Petri dishes 90 mm, sleeve of 20", 7, 12),
            new Item("BLP-2210", "Lab coat, size L", 24, 38)
        }),
        new Vendor("Granite Office Solutions", "GOS", new Item[] {
            new Item("GOS-0101", "Copy paper A4, case of 5 reams", 26, 36),
                    new Item("GOS-0230", "Toner cartridge TN-760", 62, 89),
            new Item("GOS-0475", "Ergonomic mouse", 19, 31), new Item("GOS-0612", "Desk organiser", 12, 22)
        }),
    };

    private static final List<Plan> PLANS = List.of(
            Plan.PRICE_WITHIN,
            Plan.PRICE_WITHIN,
            Plan.PRICE_OVER,
            Plan.PRICE_OVER,
            Plan.PRICE_OVER,
            Plan.SHORT_RECEIPT,
            Plan.SHORT_RECEIPT,
            Plan.SHORT_RECEIPT,
            Plan.SHORT_AND_PRICE,
            Plan.NOT_RECEIVED,
            Plan.NOT_BILLED,
            Plan.NOT_BILLED);

    private ThreeWayMatchTask() {}

    static void generate(StarterTask task, Random random) {
        Table pos = new Table("po_number,line,vendor,sku,description,qty_ordered,unit_price");
        Table receipts = new Table("receipt_id,po_number,line,received_date,qty_received");
        Table invoices = new Table("invoice_id,vendor,invoice_date,po_number,line,qty_billed,unit_price_billed");
        Table results = new Table("invoice_id,line,status,billed_amount,approved_amount,variance_amount");
        Totals totals = new Totals();

        int poCount = 8;
        List<Integer> lineCounts = new ArrayList<>();
        int lines = 0;
        for (int i = 0; i < poCount; i++) {
            lineCounts.add(Formats.between(random, 2, 4));
            lines += lineCounts.get(i);
        }
        List<Plan> plans = new ArrayList<>(PLANS);
        while (plans.size() < lines) {
            plans.add(Plan.NORMAL);
        }
        Collections.shuffle(plans, random);
        int receiptNo = 7701;
        int planIndex = 0;
        LocalDate start = LocalDate.of(2025, 4, 1);
        for (int p = 0; p < poCount; p++) {
            Vendor vendor = VENDORS[p % VENDORS.length];
            String po = "PO-" + (45101 + p);
            LocalDate ordered = start.plusDays(2L * p);
            String invoiceId = vendor.invoicePrefix() + "-" + (20931 + 37 * p);
            LocalDate invoiceDate = ordered.plusDays(Formats.between(random, 9, 14));
            List<Item> items = new ArrayList<>(List.of(vendor.items()));
            Collections.shuffle(items, random);
            for (int l = 1; l <= lineCounts.get(p); l++) {
                Item item = items.get(l - 1);
                Plan plan = plans.get(planIndex++);
                int qty = 5 * Formats.between(random, 2, 24);
                BigDecimal price = Dec.random(random, item.minPrice(), item.maxPrice(), 2);
                pos.row(po, l, vendor.name(), item.sku(), item.description(), qty, price);
                int received =
                        switch (plan) {
                            case NOT_RECEIVED -> 0;
                            case SHORT_RECEIPT, SHORT_AND_PRICE -> qty - 5 * Formats.between(random, 1, qty / 5 - 1);
                            default -> qty;
                        };
                if (received > 0) {
                    int first = received >= 20 && random.nextBoolean() ? 5 * (received / 10) : received;
                    receipts.row("GR-" + receiptNo++, po, l, ordered.plusDays(Formats.between(random, 3, 6)), first);
                    if (first < received) {
                        receipts.row(
                                "GR-" + receiptNo++,
                                po,
                                l,
                                ordered.plusDays(Formats.between(random, 7, 8)),
                                received - first);
                    }
                }
                if (plan == Plan.NOT_BILLED) {
                    continue;
                }
                BigDecimal billedPrice =
                        switch (plan) {
                            case PRICE_WITHIN -> Dec.round(price.multiply(Dec.of("1.01")), 2);
                            case PRICE_OVER, SHORT_AND_PRICE -> Dec.round(
                                    price.multiply(Dec.of(104 + random.nextInt(6)))
                                            .divide(Dec.HUNDRED),
                                    2);
                            default -> price;
                        };
                invoices.row(invoiceId, vendor.name(), invoiceDate, po, l, qty, billedPrice);
                totals.add(results, invoiceId, l, qty, billedPrice, price, received, true);
            }
            if (p == 5) {
                int ghost = lineCounts.get(p) + 1;
                Item extra = items.get(random.nextInt(items.size()));
                BigDecimal price = Dec.random(random, extra.minPrice(), extra.maxPrice(), 2);
                invoices.row(invoiceId, vendor.name(), invoiceDate, po, ghost, 10, price);
                totals.add(results, invoiceId, ghost, 10, price, price, 0, false);
            }
        }
        task.input("purchase_orders.csv", pos);
        task.input("receipts.csv", receipts);
        task.input("invoices.csv", invoices);
        task.csv("match_results.csv", results, "invoice_id", "line")
                .rows("line statuses", 3, columns().text("status"))
                .rows("line amounts", 4, columns().num(0.01, "billed_amount", "approved_amount", "variance_amount"));
        task.json("match_summary.json", totals.json()).fields("summary", 2, 0.01);
        task.instructions(instruction(results));
    }

    /** Works out each invoice line as the instruction says, and keeps the totals. */
    private static final class Totals {
        int lines;
        int matched;
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal approved = BigDecimal.ZERO;

        void add(
                Table results,
                String invoice,
                int line,
                int qty,
                BigDecimal billedPrice,
                BigDecimal poPrice,
                int received,
                boolean onPo) {
            BigDecimal billedAmount = billedPrice.multiply(Dec.of(qty));
            boolean priceOk = billedPrice.subtract(poPrice).abs().compareTo(poPrice.multiply(Dec.of("0.02"))) <= 0;
            boolean qtyOk = qty <= received;
            String status = !onPo
                    ? "NO_PO"
                    : received == 0
                            ? "NO_RECEIPT"
                            : priceOk && qtyOk
                                    ? "MATCHED"
                                    : priceOk ? "QTY_VARIANCE" : qtyOk ? "PRICE_VARIANCE" : "PRICE_QTY_VARIANCE";
            BigDecimal approvedAmount = !onPo || received == 0
                    ? BigDecimal.ZERO
                    : Dec.of(Math.min(qty, received)).multiply(priceOk ? billedPrice : poPrice);
            results.row(
                    invoice,
                    line,
                    status,
                    Dec.round(billedAmount, 2),
                    Dec.round(approvedAmount, 2),
                    Dec.round(billedAmount.subtract(approvedAmount), 2));
            lines++;
            matched += status.equals("MATCHED") ? 1 : 0;
            billed = billed.add(billedAmount);
            approved = approved.add(approvedAmount);
        }

        ObjectNode json() {
            ObjectNode o = Formats.object();
            o.put("lines", lines);
            o.put("lines_matched", matched);
            o.put("lines_on_hold", lines - matched);
            o.set("total_billed", Formats.number(Dec.round(billed, 2)));
            o.set("total_approved", Formats.number(Dec.round(approved, 2)));
            o.set("total_variance", Formats.number(Dec.round(billed.subtract(approved), 2)));
            return o;
        }
    }

    private static String instruction(Table results) {
        return """
                You are an accounts-payable clerk at Northfield Components Inc. Before this week's payment run, \
                three-way match the supplier invoices against the purchase orders and the goods receipts.

                Files in the workspace:
                - `purchase_orders.csv`: one row per purchase-order line (po_number, line, vendor, sku, \
                description, qty_ordered, unit_price).
                - `receipts.csv`: goods receipts; a purchase-order line may be received in several receipts.
                - `invoices.csv`: one row per invoice line; each names the po_number and line it bills.

                For each invoice line:
                1. If its po_number and line do not exist in purchase_orders.csv, the status is NO_PO.
                2. Otherwise let received = the total qty_received of that purchase-order line (0 if it has \
                no receipt). If received is 0, the status is NO_RECEIPT.
                3. Otherwise the price is in tolerance when |unit_price_billed - unit_price| <= 2% of the \
                purchase-order unit_price, and the quantity is in tolerance when qty_billed <= received. The \
                status is MATCHED (both in tolerance), PRICE_VARIANCE (price only out), QTY_VARIANCE \
                (quantity only out) or PRICE_QTY_VARIANCE (both out).
                4. billed_amount = qty_billed x unit_price_billed. approved_amount = 0 for NO_PO and \
                NO_RECEIPT; otherwise min(qty_billed, received) x (unit_price_billed when the price is in \
                tolerance, else the purchase-order unit_price). variance_amount = billed_amount - approved_amount.

                Write `match_results.csv` with the header `{header}` and one row per invoice line. Amounts in US \
                dollars with 2 decimal places.

                Write `match_summary.json`: one JSON object with "lines" (invoice lines), "lines_matched" \
                (status MATCHED), "lines_on_hold" (all other lines), and "total_billed", "total_approved", \
                "total_variance" (sums over all lines), as JSON numbers.

                Grading: rows are matched by invoice_id and line; the status must be exact, amounts and \
                totals are graded within 0.01, and rows for invoice lines that do not exist cost credit."""
                .replace("{header}", results.headerLine());
    }
}
