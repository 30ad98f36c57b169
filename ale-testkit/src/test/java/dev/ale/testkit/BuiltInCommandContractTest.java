package dev.ale.testkit;

import dev.ale.api.spi.VerifierPolicy;
import java.util.List;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The contract applied to the built-in {@code command} verifier running a small {@code sh} grader.
 * Runs when the ale-verifiers on the class path has the command verifier (the reactor build's
 * does; an older installed jar may not).
 */
@DisabledOnOs(OS.WINDOWS)
class BuiltInCommandContractTest extends BuiltInContract {
    static final String GRADER =
            """
            if grep -q approved "$1/memo.txt" 2>/dev/null; then s=1; else s=0; fi
            if [ -f "$1/out/total.txt" ] && [ "$(cat "$1/out/total.txt")" = "$(cat "$2/total.txt")" ]; then t=1; else t=0; fi
            echo "{\\"score\\": $(( (s + t) * 5 ))e-1, \\"checks\\": [{\\"name\\": \\"memo\\", \\"score\\": $s}, {\\"name\\": \\"total\\", \\"score\\": $t}]}"
            """;

    BuiltInCommandContractTest() {
        super("command", true);
    }

    @Override
    protected VerifierPolicy policy() {
        return new VerifierPolicy(true);
    }

    @Override
    protected long hugeFileBytes() {
        return 8L << 20;
    }

    @Override
    protected List<Sample> samples() {
        return List.of(Sample.of(
                        "sh grader",
                        "{\"type\": \"command\", \"command\": [\"sh\", \"{reference}/grade.sh\"],"
                                + " \"timeout\": \"1m\"}")
                .output("memo.txt", "approved")
                .output("out/total.txt", "1250.00")
                .reference("grade.sh", GRADER)
                .reference("total.txt", "1250.00"));
    }

    @Override
    protected List<InvalidConfig> invalidConfigs() {
        return List.of(
                InvalidConfig.of("{\"type\": \"command\", \"command\": [\"sh\", 1]}", "/command/1"),
                InvalidConfig.of("{\"type\": \"command\", \"command\": [\"sh\"], \"timeout\": -1}", "/timeout"));
    }
}
