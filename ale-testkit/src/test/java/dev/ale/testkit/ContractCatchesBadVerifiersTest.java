package dev.ale.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/** Each deliberately bad verifier fails the contract test for the rule it breaks, and passes the others it keeps. */
class ContractCatchesBadVerifiersTest {
    static BadVerifiers.Over over(String name, Verifier v) {
        return new BadVerifiers.Over(BadVerifiers.factory(name, v));
    }

    static void fails(Executable contractTest, String... expected) {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, contractTest);
        for (String s : expected) {
            assertTrue(e.getMessage().contains(s), "'" + s + "' not in: " + e.getMessage());
        }
    }

    @Test
    void catchesAScoreAboveOne() throws Exception {
        BadVerifiers.Over c = over("over-one", BadVerifiers.OVER_ONE);
        fails(c::scoresStayInTheUnitIntervalOnTheSamples, "sample 'memo', as given", "got 1.5");
        c.neverReadsOutsideItsRoots();
        c.configErrorsAreVerifierConfigExceptionsWithAPointer();
    }

    @Test
    void catchesAReadThroughALinkOutOfTheOutput() throws Exception {
        BadVerifiers.Over c = over("follows-links", BadVerifiers.FOLLOWS_LINKS);
        c.scoresStayInTheUnitIntervalOnTheSamples();
        fails(
                c::neverReadsOutsideItsRoots,
                "every file an absolute link out of the output: read outside its roots: OPEN "
                        + "/ale/output/memo.txt (reaching /canary/secret.txt)",
                "relative '..' link",
                "repeats the canary");
    }

    @Test
    void catchesAReadThroughALinkedDirectory() throws Exception {
        BadVerifiers.Over c = over("follows-dirs", BadVerifiers.FOLLOWS_LINKED_DIRECTORIES);
        c.scoresStayInTheUnitIntervalOnTheSamples();
        fails(
                c::neverReadsOutsideItsRoots,
                "every directory a link out of the output: read outside its roots: ",
                "(reaching /canary/mirror/detail.txt)");
    }

    @Test
    void catchesAReadBesideTheRootsWithoutAnyBait() {
        fails(
                over("looks-around", BadVerifiers.LOOKS_AROUND)::neverReadsOutsideItsRoots,
                "sample 'memo', as given: read outside its roots: LIST /ale");
    }

    @Test
    void catchesANondeterministicVerifier() throws Exception {
        BadVerifiers.Over c = over("drifting", BadVerifiers.drifting());
        c.scoresStayInTheUnitIntervalOnTheSamples();
        fails(c::scoringIsDeterministic, "verdicts differ");
    }

    @Test
    void catchesAVerifierThatThrowsOnABadOutput() throws Exception {
        BadVerifiers.Over c = over("throws-on-empty", BadVerifiers.THROWS_ON_EMPTY);
        c.scoresStayInTheUnitIntervalOnTheSamples();
        fails(
                c::scoresStayInTheUnitIntervalOnFuzzedOutputs,
                "empty workspace: verify threw java.nio.file.NoSuchFileException");
    }

    @Test
    void catchesConfigErrorsThatAreNotVerifierConfigExceptions() {
        fails(
                new BadVerifiers.Over(BadVerifiers.SLOPPY)::configErrorsAreVerifierConfigExceptionsWithAPointer,
                "unknown option 'zz-unknown-option': expected a VerifierConfigException at '/zz-unknown-option', got acceptance",
                "/file removed: create threw java.lang.NullPointerException",
                "/file := [] : create threw java.lang.NullPointerException".replace("[] :", "[]:"));
    }

    @Test
    void checksTheGivenInvalidConfigsAtTheirField() {
        BadVerifiers.Over c = new BadVerifiers.Over(BadVerifiers.factory("strict", BadVerifiers.OVER_ONE)) {
            @Override
            protected List<InvalidConfig> invalidConfigs() {
                return List.of(
                        InvalidConfig.of("{\"type\": \"acme.strict\", \"file\": 3}", "/wrong"),
                        InvalidConfig.of("{\"type\": \"acme.strict\", \"file\": \"ok\"}", "/file"));
            }
        };
        fails(
                c::configErrorsAreVerifierConfigExceptionsWithAPointer,
                "expected a VerifierConfigException at '/wrong', got VerifierConfigException at /file",
                "was accepted; expected a VerifierConfigException at '/file'");
    }
}
