package dev.ale.testkit;

import java.util.List;

/** The contract applied to the built-in {@code text} verifier, found as a plugin author would find any factory. */
class BuiltInTextContractTest extends BuiltInContract {
    BuiltInTextContractTest() {
        super("text", false);
    }

    @Override
    protected List<Sample> samples() {
        return List.of(
                Sample.of(
                                "memo approved",
                                "{\"type\": \"text\", \"file\": \"memo.txt\", \"contains\": [\"approved\", \"Q3\"],"
                                        + " \"notContains\": \"TODO\", \"regex\": \"Total: [0-9,]+ USD\", \"ignoreCase\": true}")
                        .output("memo.txt", "The Q3 budget is APPROVED.\nTotal: 1,250 USD\n"),
                Sample.of(
                                "nested equals reference",
                                "{\"type\": \"text\", \"file\": \"out/summary.md\","
                                        + " \"equalsFile\": \"expected.md\", \"normalizeWhitespace\": true}")
                        .output("out/summary.md", "# Summary\n\nAll   accounts reconciled.\n")
                        .output("notes.txt", "scratch")
                        .reference("expected.md", "# Summary All accounts reconciled."));
    }

    @Override
    protected List<InvalidConfig> invalidConfigs() {
        return List.of(
                InvalidConfig.of("{\"type\": \"text\", \"contains\": \"x\"}", "/file"),
                InvalidConfig.of("{\"type\": \"text\", \"file\": \"../memo.txt\", \"contains\": \"x\"}", "/file"),
                InvalidConfig.of(
                        "{\"type\": \"text\", \"file\": \"memo.txt\", \"regex\": [\"ok\", \"(\"]}", "/regex/1"),
                InvalidConfig.of("{\"type\": \"text\", \"file\": \"memo.txt\"}", ""));
    }
}
