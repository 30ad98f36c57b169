package dev.ale.testkit;

import dev.ale.api.spi.Judge;
import dev.ale.api.spi.JudgeAnswer;
import java.util.List;
import java.util.Optional;

/**
 * The contract applied to the built-in {@code rubric} verifier with a deterministic stand-in judge
 * (the share of the files' characters that are letters). Runs when the ale-verifiers on the class
 * path has the rubric verifier.
 */
class BuiltInRubricContractTest extends BuiltInContract {
    BuiltInRubricContractTest() {
        super("rubric", true);
    }

    @Override
    protected Optional<Judge> judge() {
        return Optional.of(r -> {
            String all = String.join("", r.output().values());
            long letters = all.chars().filter(Character::isLetter).count();
            return new JudgeAnswer(all.isEmpty() ? 0 : (double) letters / all.length(), letters + " letters");
        });
    }

    @Override
    protected List<Sample> samples() {
        return List.of(Sample.of(
                        "memo tone",
                        "{\"type\": \"rubric\", \"criteria\": ["
                                + "{\"id\": \"tone\", \"question\": \"Is it courteous?\", \"weight\": 2, \"files\": [\"memo.md\"]},"
                                + "{\"id\": \"facts\", \"question\": \"Does it match?\", \"files\": [\"memo.md\", \"notes/n.txt\"],"
                                + " \"referenceFiles\": [\"ledger.txt\"]}]}")
                .output("memo.md", "Dear team, the ledger is reconciled.")
                .output("notes/n.txt", "balance 100")
                .reference("ledger.txt", "balance 100"));
    }

    @Override
    protected List<InvalidConfig> invalidConfigs() {
        return List.of(InvalidConfig.of(
                "{\"type\": \"rubric\", \"criteria\": [{\"id\": \"a\", \"question\": \"q\"}]}", "/criteria/0/files"));
    }
}
