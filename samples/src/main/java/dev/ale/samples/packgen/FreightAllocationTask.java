package dev.ale.samples.packgen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code freight-cost-allocation}: one multi-stop truckload invoice spread over the shipments it
 * carried. Shared charges are allocated by billable weight (the greater of actual and dimensional
 * weight), accessorial charges go to the shipment they name, and the rounding remainder goes to the
 * heaviest shipment, so the allocation adds up to the invoice to the cent.
 */
final class FreightAllocationTask {
    static final String ID = "freight-cost-allocation";
    static final String OUTPUT = "allocation.csv";
    private static final int DIM_DIVISOR = 139;
    private static final int SHIPMENTS = 12;
    /** A 53 ft dry van: 26 floor positions for 48 x 40 in pallets, about 44,000 lb of payload. */
    private static final int MAX_PALLETS = 26;

    private static final int MAX_PAYLOAD_LB = 44_000;

    /** A commodity: what a pallet of it weighs and how tall it is stacked. */
    private record Commodity(String name, int minLb, int maxLb, int minHeight, int maxHeight) {}

    private record Shipment(String id, String customer, String commodity, int pallets, int actualLb, int heightIn) {
        int dimLb() {
            long cubicInches = (long) pallets * 48 * 40 * heightIn;
            return (int) ((cubicInches + DIM_DIVISOR - 1) / DIM_DIVISOR);
        }

        int billableLb() {
            return Math.max(actualLb, dimLb());
        }
    }

    private record Charge(String code, String description, BigDecimal amount, String shipmentId) {}

    /** A charge for one picked shipment: its code, text, amount and which of the three picks it is for. */
    private record Accessorial(String code, String description, String amount, int pick) {}

    private static final List<Accessorial> ACCESSORIALS = List.of(
            new Accessorial("RES", "Residential delivery", "110.00", 0),
            new Accessorial("LIFT", "Liftgate at delivery", "85.00", 0),
            new Accessorial("LIFT", "Liftgate at delivery", "85.00", 1),
            new Accessorial("INS", "Inside delivery", "95.00", 2));

    private static final Commodity[] COMMODITIES = {
        new Commodity("Paper towels and tissue", 150, 260, 60, 72),
                new Commodity("Canned tomatoes", 1200, 1900, 40, 50),
        new Commodity("Bagged potting soil", 1400, 2000, 44, 52),
                new Commodity("Plastic storage bins", 180, 320, 60, 70),
        new Commodity("Ceramic floor tile", 1800, 2200, 30, 36), new Commodity("Garden hoses", 350, 600, 48, 60),
        new Commodity("Bottled water", 1500, 2000, 50, 56), new Commodity("Foam coolers", 90, 160, 70, 80),
    };
    private static final String[] CUSTOMERS = {
        "Peachtree Home & Garden #12, Marietta GA",
        "Southern Pantry Grocers #4, Decatur GA",
        "Chattahoochee Hardware, Roswell GA",
        "Magnolia Market Co-op, Athens GA",
        "Red Clay Supply, Griffin GA",
        "Lakeside Variety Store, Gainesville GA",
        "Piedmont Building Center, Newnan GA",
        "Cobb County Schools Warehouse, Marietta GA",
        "Oakhurst Corner Market, Decatur GA",
        "Stone Mountain Outfitters, Stone Mountain GA",
    };

    private FreightAllocationTask() {}

    static TaskFiles generate(Random random, long seed) {
        List<Shipment> shipments;
        do {
            shipments = shipments(random);
        } while (shipments.stream().mapToInt(Shipment::pallets).sum() > MAX_PALLETS
                || shipments.stream().mapToInt(Shipment::actualLb).sum() > MAX_PAYLOAD_LB);
        List<Charge> charges = charges(random, shipments);

        TaskFiles task = new TaskFiles(SamplePackGenerator.CARDS.get(ID));
        task.put(
                "inputs/shipments.csv",
                Formats.csv(
                        List.of(
                                "shipment_id",
                                "customer",
                                "commodity",
                                "pallets",
                                "actual_weight_lb",
                                "length_in",
                                "width_in",
                                "height_in"),
                        shipments.stream()
                                .map(s -> List.of(
                                        s.id(),
                                        s.customer(),
                                        s.commodity(),
                                        String.valueOf(s.pallets()),
                                        String.valueOf(s.actualLb()),
                                        "48",
                                        "40",
                                        String.valueOf(s.heightIn())))
                                .toList()));
        task.put("inputs/invoice.json", Formats.json(invoice(charges)));

        byte[] expected = Formats.csv(
                List.of("shipment_id", "billable_weight_lb", "allocated_cost"), allocate(shipments, charges));
        task.put("reference/expected.csv", expected);
        task.put("solution/" + OUTPUT, expected);
        ObjectNode columns = Formats.object();
        columns.set("billable_weight_lb", VerifierConfigs.abs(0.01));
        columns.set("allocated_cost", VerifierConfigs.abs(0.01));
        task.putTaskJson(
                List.of(instruction()),
                VerifierConfigs.csv(OUTPUT, "expected.csv", List.of("shipment_id"), columns),
                seed);
        return task;
    }

    private static List<Shipment> shipments(Random random) {
        List<Shipment> shipments = new ArrayList<>();
        for (int i = 0; i < SHIPMENTS; i++) {
            Commodity c = COMMODITIES[random.nextInt(COMMODITIES.length)];
            int pallets = Formats.between(random, 1, 3);
            int actual = 0;
            for (int p = 0; p < pallets; p++) {
                actual += Formats.between(random, c.minLb(), c.maxLb());
            }
            shipments.add(new Shipment(
                    "SHP-" + (24011 + i),
                    CUSTOMERS[random.nextInt(CUSTOMERS.length)],
                    c.name(),
                    pallets,
                    actual,
                    Formats.between(random, c.minHeight(), c.maxHeight())));
        }
        return shipments;
    }

    private static List<Charge> charges(Random random, List<Shipment> shipments) {
        BigDecimal linehaul = Formats.randomMoney(random, 2600, 3400);
        List<Charge> charges = new ArrayList<>();
        charges.add(new Charge("LH", "Linehaul, Columbus OH to Atlanta GA area, multi-stop", linehaul, null));
        charges.add(new Charge(
                "FSC",
                "Fuel surcharge, 27.5% of linehaul",
                Formats.money(linehaul.multiply(new BigDecimal("0.275"))),
                null));
        charges.add(new Charge(
                "DISC",
                "Contract discount, 6% of linehaul",
                Formats.money(linehaul.multiply(new BigDecimal("0.06"))).negate(),
                null));
        charges.add(new Charge("DET", "Detention at origin, 1.5 h at 75.00/h", new BigDecimal("112.50"), null));
        List<Integer> picks = new ArrayList<>();
        while (picks.size() < 3) {
            int pick = random.nextInt(shipments.size());
            if (!picks.contains(pick)) {
                picks.add(pick);
            }
        }
        for (Accessorial a : ACCESSORIALS) {
            charges.add(new Charge(
                    a.code(),
                    a.description(),
                    new BigDecimal(a.amount()),
                    shipments.get(picks.get(a.pick())).id()));
        }
        return charges;
    }

    private static ObjectNode invoice(List<Charge> charges) {
        ObjectNode invoice = Formats.object();
        invoice.put("carrier", "Redline Consolidated Freight, Inc.");
        invoice.put("invoice_number", "RCF-784512");
        invoice.put("invoice_date", "2025-05-09");
        invoice.put("pro_number", "0471-5523-9");
        invoice.put("bill_to", "Buckeye Regional Distribution LLC, Columbus OH");
        invoice.put("service", "53 ft dry van, multi-stop truckload, picked up 2025-05-06");
        invoice.put("dimensional_divisor", DIM_DIVISOR);
        invoice.put("currency", "USD");
        ArrayNode lines = invoice.putArray("charges");
        BigDecimal total = BigDecimal.ZERO;
        for (Charge c : charges) {
            ObjectNode line = lines.addObject().put("code", c.code()).put("description", c.description());
            line.set("amount", Formats.number(c.amount()));
            if (c.shipmentId() == null) {
                line.putNull("shipment_id");
            } else {
                line.put("shipment_id", c.shipmentId());
            }
            total = total.add(c.amount());
        }
        invoice.set("total", Formats.number(total));
        return invoice;
    }

    private static List<List<String>> allocate(List<Shipment> shipments, List<Charge> charges) {
        BigDecimal pool = charges.stream()
                .filter(c -> c.shipmentId() == null)
                .map(Charge::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal totalWeight = BigDecimal.valueOf(
                shipments.stream().mapToLong(Shipment::billableLb).sum());
        List<BigDecimal> shares = new ArrayList<>();
        int heaviest = 0;
        for (int i = 0; i < shipments.size(); i++) {
            BigDecimal weight = BigDecimal.valueOf(shipments.get(i).billableLb());
            shares.add(pool.multiply(weight).divide(totalWeight, 2, RoundingMode.HALF_UP));
            if (shipments.get(i).billableLb() > shipments.get(heaviest).billableLb()) {
                heaviest = i;
            }
        }
        BigDecimal remainder = pool.subtract(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        shares.set(heaviest, shares.get(heaviest).add(remainder));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < shipments.size(); i++) {
            Shipment s = shipments.get(i);
            BigDecimal own = charges.stream()
                    .filter(c -> s.id().equals(c.shipmentId()))
                    .map(Charge::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            rows.add(List.of(
                    s.id(),
                    String.valueOf(s.billableLb()),
                    Formats.money(shares.get(i).add(own), false)));
        }
        return rows;
    }

    private static String instruction() {
        return """
                You are a logistician at Buckeye Regional Distribution. One multi-stop truckload carried \
                several customer shipments, and the carrier sent one invoice for all of them. Allocate the \
                invoice to the shipments so each customer order can be charged its freight.

                Files in the workspace:
                - `shipments.csv`: one row per shipment on the truck (shipment_id, customer, commodity, \
                pallets, actual_weight_lb, and the length, width and height in inches of each pallet).
                - `invoice.json`: the carrier's invoice. Each charge has an amount and a shipment_id, which \
                is null for charges that belong to the whole truck. The invoice gives the carrier's \
                dimensional divisor.

                Rules:
                1. Dimensional weight of a shipment = pallets x length x width x height / dimensional \
                divisor, rounded up to the next whole pound. Billable weight = the greater of the actual \
                weight and the dimensional weight.
                2. Charges with a shipment_id belong entirely to that shipment.
                3. The other charges (including the discount, which is negative) form a shared pool. Each \
                shipment's share = pool x its billable weight / the total billable weight of all \
                shipments, rounded to the cent (half up). If the rounded shares do not add up to the pool, \
                add the difference (positive or negative) to the share of the shipment with the highest \
                billable weight (the first such shipment in shipments.csv if tied).
                4. allocated_cost = the shipment's share of the pool + its own charges. The allocated \
                costs add up to the invoice total exactly.

                Write `allocation.csv` with the header `shipment_id,billable_weight_lb,allocated_cost` and \
                one row per shipment, in the order of shipments.csv. billable_weight_lb is a whole number; \
                allocated_cost is in US dollars with 2 decimal places. Rows are matched by shipment_id; \
                both numbers are graded within 0.01, and rows for unknown shipments cost credit.""";
    }
}
