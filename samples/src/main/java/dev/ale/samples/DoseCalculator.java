package dev.ale.samples;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's rules for weight-based doses. Deliberately imperfect, as a weak agent would be: it
 * converts weights, computes dose, volume and daily total, but it overlooks the maximum single
 * dose, so capped orders come out too high and are never flagged as capped.
 */
final class DoseCalculator {
    private static final Pattern LB_PER_KG = Pattern.compile("1 kg = ([0-9.]+) lb");
    private static final Pattern EVERY = Pattern.compile("every (\\d+) hours");

    private final AgentWorkspace ws;

    DoseCalculator(AgentWorkspace ws) {
        this.ws = ws;
    }

    SessionOutcome solve(String instruction) throws IOException {
        Matcher factor = LB_PER_KG.matcher(instruction);
        if (!factor.find()) {
            return SessionOutcome.gaveUp("the instruction gives no pound-to-kilogram factor");
        }
        BigDecimal lbPerKg = new BigDecimal(factor.group(1));
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        ws.list();
        JsonNode formulary = mapper.readTree(ws.read("formulary.json"));
        JsonNode orders = mapper.readTree(ws.read("orders.json"));
        Map<String, JsonNode> products = new HashMap<>();
        formulary.path("products").forEach(p -> products.put(p.path("product").asText(), p));

        ObjectNode out = mapper.createObjectNode();
        for (JsonNode order : orders.path("orders")) {
            JsonNode product = products.get(order.path("product").asText());
            if (product == null) {
                return SessionOutcome.gaveUp(
                        "order " + order.path("order_id").asText() + " names a product not in the formulary");
            }
            BigDecimal weight = order.path("weight").path("value").decimalValue();
            BigDecimal kg = "lb".equals(order.path("weight").path("unit").asText())
                    ? weight.divide(lbPerKg, 2, RoundingMode.HALF_UP)
                    : weight;
            BigDecimal dose =
                    kg.multiply(product.path("dose_mg_per_kg").decimalValue()).setScale(2, RoundingMode.HALF_UP);
            Matcher every = EVERY.matcher(order.path("frequency").asText());
            int perDay = every.find() ? 24 / Integer.parseInt(every.group(1)) : 1;
            ObjectNode result = out.putObject(order.path("order_id").asText());
            result.set("weight_kg", DecimalNode.valueOf(kg));
            result.set("dose_mg", DecimalNode.valueOf(dose));
            result.set(
                    "volume_ml",
                    DecimalNode.valueOf(dose.divide(
                            product.path("concentration_mg_per_ml").decimalValue(), 1, RoundingMode.HALF_UP)));
            result.put("doses_per_day", perDay);
            result.set("daily_dose_mg", DecimalNode.valueOf(dose.multiply(BigDecimal.valueOf(perDay))));
            result.put("capped", false);
        }
        ws.think("Computed " + out.size() + " doses from weight x mg/kg.");
        ws.write(
                AgentWorkspace.outputName(instruction, "doses.json"),
                mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n");
        return SessionOutcome.completed();
    }
}
