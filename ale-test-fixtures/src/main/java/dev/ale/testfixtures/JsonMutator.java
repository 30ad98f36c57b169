package dev.ale.testfixtures;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apiguardian.api.API;

/**
 * Structure-aware damage to a JSON document: a random member or element somewhere in the tree is
 * replaced by an interesting value (wrong type, boundary number, odd string, deep nesting), removed,
 * duplicated, or joined by an unknown member. The text written is valid JSON, so the damage reaches
 * the binding rules rather than stopping at the parser. Besides the values every JSON reader
 * should survive, it uses a few of the caller's domain ({@link Domain}).
 */
@API(status = INTERNAL)
public final class JsonMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * The values a mutator draws from the caller's domain, besides those every JSON reader should
     * survive: four odd values (strings or numbers that look right to the domain's rules) and the
     * depth of the deeply nested arrays it makes.
     *
     * @param odd   four makers of odd values, each given the mutator's random source
     * @param depth the nesting depth of a deep array, given the mutator's random source
     */
    @API(status = INTERNAL)
    public record Domain(List<Function<Random, JsonNode>> odd, ToIntFunction<Random> depth) {
        public Domain {
            odd = List.copyOf(odd);
            if (odd.size() != 4) {
                throw new IllegalArgumentException("a domain has four odd values, got " + odd.size());
            }
        }
    }

    private final Random random;
    private final JsonNode seed;
    private final Domain domain;

    /** A mutator seeded with {@code seed} that damages copies of the JSON document {@code json}. */
    public JsonMutator(long seed, byte[] json, Domain domain) {
        this.random = new Random(seed);
        this.domain = domain;
        try {
            this.seed = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed with one to three stacked changes, as JSON text. */
    public byte[] next() {
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
                return domain.odd().get(0).apply(random);
            case 12:
                return domain.odd().get(1).apply(random);
            case 13:
                return domain.odd().get(2).apply(random);
            case 14:
                return F.textNode("\u0000\udbff\udfff\u202e");
            case 15:
                return F.arrayNode();
            case 16:
                return F.objectNode();
            case 17: {
                ArrayNode deep = F.arrayNode();
                ArrayNode at = deep;
                for (int i = 0, n = domain.depth().applyAsInt(random); i < n; i++) {
                    at = at.addArray();
                }
                return deep;
            }
            case 18:
                return domain.odd().get(3).apply(random);
            default:
                return F.numberNode(random.nextInt(400) - 100);
        }
    }
}
