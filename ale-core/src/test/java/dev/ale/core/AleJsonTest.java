package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.testfixtures.Python3;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AleJsonTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void indentsAsJsonDumpsWithIndentTwo() {
        ObjectNode n =
                F.objectNode().put("eval_status", "success").put("score", 1.0).putNull("error");
        n.putObject("empty");
        n.putArray("none");
        n.putArray("list").add(1).add(0.5).addObject().put("a", true);
        assertEquals(
                "{\n  \"eval_status\": \"success\",\n  \"score\": 1.0,\n  \"error\": null,\n  \"empty\": {},\n"
                        + "  \"none\": [],\n  \"list\": [\n    1,\n    0.5,\n    {\n      \"a\": true\n    }\n  ]\n}",
                new String(AleJson.indented(n), StandardCharsets.UTF_8));
        assertEquals(
                "{\"eval_status\": \"success\", \"score\": 1.0, \"error\": null, \"empty\": {}, \"none\": [],"
                        + " \"list\": [1, 0.5, {\"a\": true}]}",
                AleJson.line(n));
        assertEquals("{}", new String(AleJson.indented(F.objectNode()), StandardCharsets.UTF_8));
    }

    @Test
    void escapesWhatJsonDumpsEscapesAndNothingElse() {
        String s = "q\"b\\n\nr\rt\tb\bf\fnul\u0000us\u001fdel\u007f é €😀 / \u2028";
        assertEquals(
                "\"q\\\"b\\\\n\\nr\\rt\\tb\\bf\\fnul\\u0000us\\u001fdel\u007f é €😀 / \u2028\"",
                AleJson.line(F.textNode(s)));
    }

    @Test
    void aLoneSurrogateIsEscapedAndReadsBack() throws Exception {
        for (String s : List.of("a\uD800b", "\uDC00", "x\uD83D", "\uDE00\uD83D")) {
            String line = AleJson.line(F.textNode(s));
            assertEquals(s, JSON.readTree(line).textValue(), line);
            assertEquals(line, new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
        assertEquals("\"\\ud800\"", AleJson.line(F.textNode("\uD800")));
    }

    @Test
    void numbersOfEveryNodeKind() throws Exception {
        ArrayNode a = F.arrayNode()
                .add(7)
                .add(-9_000_000_000L)
                .add(new BigInteger("123456789012345678901234567890"))
                .add(1e-5)
                .add(2.5f)
                .add(new java.math.BigDecimal("0.1"))
                .add(Double.NaN);
        assertEquals("[7, -9000000000, 123456789012345678901234567890, 1e-05, 2.5, 0.1, NaN]", AleJson.line(a));
        assertThrows(IllegalArgumentException.class, () -> AleJson.line(F.binaryNode(new byte[] {1})));
        assertEquals("[1e+23]", AleJson.line(JSON.readTree("[1e23]")));
    }

    /** Python reads each random tree that was written and writes it back to the same text, indented and on one line. */
    @Test
    void pythonWritesBackTheSameText() {
        Assumptions.assumeTrue(Python3.available(), "python3 is not installed");
        SplittableRandom random = new SplittableRandom(20261207);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            JsonNode tree = tree(random, 0);
            texts.add(new String(AleJson.indented(tree), StandardCharsets.UTF_8));
            texts.add(AleJson.line(tree));
        }
        String out = Python3.run(
                "import json, sys\n"
                        + "texts = sys.stdin.buffer.read().decode('utf-8').split('\\0')\n"
                        + "bad = []\n"
                        + "for i, t in enumerate(texts):\n"
                        + "    again = json.dumps(json.loads(t), indent=2 if i % 2 == 0 else None, ensure_ascii=False)\n"
                        + "    if again != t: bad.append('%d: %r != %r' % (i, again, t))\n"
                        + "sys.stdout.buffer.write(('\\n'.join(bad[:3]) or 'same').encode('utf-8'))\n",
                String.join("\0", texts));
        assertEquals("same", out);
    }

    private static JsonNode tree(SplittableRandom r, int depth) {
        int kind = depth > 3 ? 2 + r.nextInt(6) : r.nextInt(8);
        switch (kind) {
            case 0 -> {
                ObjectNode o = F.objectNode();
                for (int i = r.nextInt(5); i > 0; i--) {
                    o.set(text(r), tree(r, depth + 1));
                }
                return o;
            }
            case 1 -> {
                ArrayNode a = F.arrayNode();
                for (int i = r.nextInt(5); i > 0; i--) {
                    a.add(tree(r, depth + 1));
                }
                return a;
            }
            case 2 -> {
                return F.textNode(text(r));
            }
            case 3 -> {
                return F.numberNode(r.nextLong() >> r.nextInt(64));
            }
            case 4 -> {
                List<Double> d = PythonFloatsTest.sample(r, 19);
                double v = d.get(r.nextInt(d.size()));
                return F.numberNode(Double.isFinite(v) ? v : 0.25);
            }
            case 5 -> {
                return F.numberNode(new BigInteger(100, new java.util.Random(r.nextLong())));
            }
            case 6 -> {
                return F.booleanNode(r.nextBoolean());
            }
            default -> {
                return F.nullNode();
            }
        }
    }

    /** Text with ASCII, control characters, quotes, backslashes, accents, CJK and emoji (no lone surrogates). */
    private static String text(SplittableRandom r) {
        String[] pieces = {
            "a", "Z", " ", "\"", "\\", "\n", "\t", "\u0001", "\u001f", "\u007f", "é", "€", "中", "😀", "/", "\u2028",
            "{}"
        };
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            b.append(pieces[r.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    /**
     * An agent that fills its tool calls with subnormals makes each take microseconds: past the
     * budget of a file they are written with Java's digits, which read back as the same double.
     */
    @Test
    void pastTheBudgetAFloatIsJavasDigitsInPythonsLayoutAndTheSameValue() throws Exception {
        ArrayNode many = F.arrayNode();
        for (int i = 0; i < PythonFloats.Budget.PER_FILE + 10; i++) {
            many.add(Double.MIN_VALUE);
        }
        many.add(0.5).add(1e23);
        String line = AleJson.line(many);
        JsonNode back = JSON.readTree(line);
        assertEquals(PythonFloats.Budget.PER_FILE, line.split("5e-324", -1).length - 1, "searched: Python's digits");
        assertEquals(10, line.split("4\\.9e-324", -1).length - 1, "past the budget: Java's");
        assertTrue(line.endsWith(", 4.9e-324, 0.5, 9.999999999999999e+22]"), line.substring(line.length() - 60));
        for (int i = 0; i < many.size(); i++) {
            assertEquals(many.get(i).doubleValue(), back.get(i).doubleValue(), "element " + i);
        }
    }
}
