package dev.ale.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.VerifierFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's example, compiled and run; and a check that the README shows exactly this code. */
class ReadmeExampleTest {
    // readme-example:begin
    static class DoubleEntryContractTest extends VerifierContract {
        @Override
        protected VerifierFactory factory() {
            return new DoubleEntryVerifierFactory(); // your plugin's factory
        }

        @Override
        protected List<Sample> samples() {
            return List.of(Sample.of("balanced ledger", "{\"type\": \"acme.double-entry\", \"file\": \"ledger.csv\"}")
                    .output("ledger.csv", "account,debit,credit\n1000,50.00,\n4000,,50\n"));
        }

        @Override
        protected List<InvalidConfig> invalidConfigs() {
            return List.of(
                    InvalidConfig.of("{\"type\": \"acme.double-entry\"}", "/file"),
                    InvalidConfig.of("{\"type\": \"acme.double-entry\", \"file\": \"../ledger.csv\"}", "/file"));
        }
    }
    // readme-example:end

    @Test
    void theExampleKeepsTheContract() throws Exception {
        DoubleEntryContractTest c = new DoubleEntryContractTest();
        c.scoresStayInTheUnitIntervalOnTheSamples();
        c.scoresStayInTheUnitIntervalOnFuzzedOutputs();
        c.scoringIsDeterministic();
        c.neverReadsOutsideItsRoots();
        c.configErrorsAreVerifierConfigExceptionsWithAPointer();
    }

    @Test
    void theReadmeShowsThisCode() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/ale/testkit/ReadmeExampleTest.java"));
        String example = source.substring(
                        source.indexOf("// readme-example:begin") + 24, source.indexOf("    // readme-example:end"))
                .replaceAll("(?m)^    ", "")
                .replace("static class", "class");
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("```java\n" + example + "```"), "README.md must show:\n" + example);
    }
}
