package dev.ale.samples;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's rules for allocating a freight invoice: billable weight is the greater of actual and
 * dimensional weight, charges that name a shipment go to it, the rest is spread by billable weight
 * and the rounding difference goes to the heaviest shipment.
 */
final class FreightAllocator {
    private final AgentWorkspace ws;

    FreightAllocator(AgentWorkspace ws) {
        this.ws = ws;
    }

    SessionOutcome solve(String instruction) throws IOException {
        ws.list();
        List<Map<String, String>> shipments = SimpleCsv.read(ws.read("shipments.csv"));
        JsonNode invoice = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(ws.read("invoice.json"));
        long divisor = invoice.path("dimensional_divisor").asLong(0);
        if (divisor <= 0 || shipments.isEmpty()) {
            return SessionOutcome.gaveUp("the invoice gives no dimensional divisor or there are no shipments");
        }

        BigDecimal pool = BigDecimal.ZERO;
        Map<String, BigDecimal> direct = new HashMap<>();
        for (JsonNode charge : invoice.path("charges")) {
            BigDecimal amount = charge.path("amount").decimalValue();
            JsonNode owner = charge.path("shipment_id");
            if (owner.isTextual()) {
                direct.merge(owner.asText(), amount, BigDecimal::add);
            } else {
                pool = pool.add(amount);
            }
        }
        List<Long> billable = new ArrayList<>();
        long totalWeight = 0;
        int heaviest = 0;
        for (Map<String, String> s : shipments) {
            long cube = Long.parseLong(s.get("pallets"))
                    * Long.parseLong(s.get("length_in"))
                    * Long.parseLong(s.get("width_in"))
                    * Long.parseLong(s.get("height_in"));
            long dimensional = (cube + divisor - 1) / divisor;
            long weight = Math.max(Long.parseLong(s.get("actual_weight_lb")), dimensional);
            if (!billable.isEmpty() && weight > billable.get(heaviest)) {
                heaviest = billable.size();
            }
            billable.add(weight);
            totalWeight += weight;
        }
        ws.think("Shared pool " + pool + " over " + totalWeight + " billable lb; direct charges " + direct + ".");

        List<BigDecimal> shares = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (long weight : billable) {
            BigDecimal share = pool.multiply(BigDecimal.valueOf(weight))
                    .divide(BigDecimal.valueOf(totalWeight), 2, RoundingMode.HALF_UP);
            shares.add(share);
            allocated = allocated.add(share);
        }
        shares.set(heaviest, shares.get(heaviest).add(pool.subtract(allocated)));

        StringBuilder csv = new StringBuilder(SimpleCsv.line("shipment_id", "billable_weight_lb", "allocated_cost"));
        for (int i = 0; i < shipments.size(); i++) {
            String id = shipments.get(i).get("shipment_id");
            BigDecimal cost = shares.get(i).add(direct.getOrDefault(id, BigDecimal.ZERO));
            csv.append(SimpleCsv.line(
                    id,
                    String.valueOf(billable.get(i)),
                    cost.setScale(2, RoundingMode.HALF_UP).toPlainString()));
        }
        ws.write(AgentWorkspace.outputName(instruction, "allocation.csv"), csv.toString());
        return SessionOutcome.completed();
    }
}
