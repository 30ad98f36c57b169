package dev.ale.verifiers.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Structure-aware damage to a JSON document: a random member or element somewhere in the tree is
 * replaced by an interesting value (wrong type, boundary number, odd string, deep nesting), removed,
 * duplicated, or joined by an unknown member. The text written is valid JSON, so the damage reaches
 * the binding rules rather than stopping at the parser.
 */
final class JsonMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Random random;
    private final JsonNode seed;

    JsonMutator(long seed, byte[] json) {
        this.random = new Random(seed);
        try {
            this.seed = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed with one to three stacked changes, as JSON text. */
    byte[] next() {
        JsonNode doc = seed.deepCopy();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(doc, containers);
            change(containers.get(random.nextInt(containers.size())));
        }
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(child -> collect(child, out));
        }
    }

    private void change(JsonNode container) {
        int op = random.nextInt(4);
        if (container instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || op == 3) {
                o.set(random.nextBoolean() ? "unknownField" : "", value());
                return;
            }
            String name = names.get(random.nextInt(names.size()));
            if (op == 2) {
                o.remove(name);
            } else {
                o.set(name, value());
            }
        } else if (container instanceof ArrayNode a) {
            if (a.isEmpty() || op == 3) {
                a.add(value());
            } else if (op == 2) {
                a.remove(random.nextInt(a.size()));
            } else if (op == 1) {
                a.add(a.get(random.nextInt(a.size())).deepCopy());
            } else {
                a.set(random.nextInt(a.size()), value());
            }
        }
    }

    private JsonNode value() {
        switch (random.nextInt(20)) {
            case 0:
                return F.nullNode();
            case 1:
                return F.booleanNode(random.nextBoolean());
            case 2:
                return F.numberNode(-1);
            case 3:
                return F.numberNode(0);
            case 4:
                return F.numberNode(2147483648L);
            case 5:
                return F.numberNode(new BigDecimal("1e400"));
            case 6:
                return F.numberNode(new BigDecimal("-1e-400"));
            case 7:
                return F.numberNode(0.5);
            case 8:
                return F.textNode("");
            case 9:
                return F.textNode("../../etc/passwd");
            case 10:
                return F.textNode("x".repeat(random.nextInt(5000)));
            case 11:
                return F.textNode(List.of("1,234.50", "(12.00)", "$-5", "12.5%", "1e999999", "\u2212" + "7")
                        .get(random.nextInt(6)));
            case 12:
                return F.numberNode(new BigDecimal(random.nextBoolean() ? "1e999999999" : "-1.5e-999999999"));
            case 13:
                return F.numberNode(new BigDecimal("1234.5" + "0".repeat(random.nextInt(40))));
            case 14:
                return F.textNode("\u0000\udbff\udfff\u202e");
            case 15:
                return F.arrayNode();
            case 16:
                return F.objectNode();
            case 17: {
                ArrayNode deep = F.arrayNode();
                ArrayNode at = deep;
                for (int i = 0, n = random.nextBoolean() ? 150 : 250; i < n; i++) {
                    at = at.addArray();
                }
                return deep;
            }
            case 18:
                return F.textNode(List.of("urgent", "q3", "A-1", "B-2", "INV-7").get(random.nextInt(5)));
            default:
                return F.numberNode(random.nextInt(400) - 100);
        }
    }
}
