package dev.ale.verifiers.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.TestContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Minimal reproductions of what the fuzz tests found in the verifiers: an agent's output must give a
 * failed gate, never make the verifier throw (which would make the attempt an ERROR). A disabled one
 * runs again once its defect is fixed (remove {@code @Disabled} and its entry in {@link KnownDefects} then).
 */
class KnownOutputDefectsTest {
    @TempDir
    Path tmp;

    /** Found by the fuzz test (fixed since): Jackson sniffs these bytes as UTF-32 and throws a CharConversionException. */
    @Test
    void aJsonOutputThatLooksLikeUtf32IsAFailedGateNotAnError() throws Exception {
        TestContext ctx =
                TestContext.in(tmp).out("out.json", new byte[] {0x22, 0, 0, 0, 0, 0, 0, 0, 0, 0x6e, 0x67, 0x22});
        Verdict v = ctx.verify("{'type': 'json', 'file': 'out.json', 'expected': {'total': 42}}");
        assertTrue(v.gateFailed(), v.toString());
    }

    @Test
    void aJsonNumberWithAHugeExponentIsAFailedGateNotAnError() throws Exception {
        TestContext ctx = TestContext.in(tmp).out("out.json", "{\"total\": 1e10000001234}");
        Verdict v = ctx.verify("{'type': 'json', 'file': 'out.json', 'expected': {'total': 42}}");
        assertTrue(v.gateFailed(), v.toString());
    }
}
