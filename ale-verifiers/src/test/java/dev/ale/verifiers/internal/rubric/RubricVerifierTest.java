package dev.ale.verifiers.internal.rubric;

import static dev.ale.verifiers.Fixture.assertContains;
import static dev.ale.verifiers.Fixture.assertContainsAll;
import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.AleException;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Judge;
import dev.ale.api.spi.JudgeAnswer;
import dev.ale.api.spi.JudgeRequest;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.verifiers.Fixture;
import dev.ale.verifiers.TestContext;
import dev.ale.verifiers.internal.support.ExtendedContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RubricVerifierTest {
    /** Configurations that are refused, each with the JSON Pointer its error names. */
    private static final String REFUSED =
            """
            {'type': 'rubric'} -> /criteria
            {'type': 'rubric', 'criteria': []} -> /criteria
            {'type': 'rubric', 'criteria': [3]} -> /criteria/0
            {'type': 'rubric', 'criteria': [{'question': 'q', 'files': ['a']}]} -> /criteria/0/id
            {'type': 'rubric', 'criteria': [{'id': 'a b', 'question': 'q', 'files': ['a']}]} -> /criteria/0/id
            {'type': 'rubric', 'criteria': [{'id': 'a', 'files': ['a']}]} -> /criteria/0/question
            {'type': 'rubric', 'criteria': [{'id': 'a', 'question': 'q'}]} -> /criteria/0/files
            {'type': 'rubric', 'criteria': [{'id': 'a', 'question': 'q', 'files': ['../a']}]} -> /criteria/0/files/0
            {'type': 'rubric', 'criteria': [{'id': 'a', 'question': 'q', 'files': ['a'], 'weight': 0}]} -> /criteria/0/weight
            {'type': 'rubric', 'criteria': [{'id': 'a', 'question': 'q', 'files': ['a'], 'type': 'x'}]} -> /criteria/0/type
            {'type': 'rubric', 'criteria': [{'id': 'a', 'question': 'q', 'files': ['a'], 'wieght': 2}]} -> /criteria/0/wieght
            {'type': 'rubric', 'criteria': [{'id': 'a', 'question': 'q', 'files': ['a']}, {'id': 'a', 'question': 'q', 'files': ['a']}]} -> /criteria/1/id
            {'type': 'rubric', 'maxChars': 0, 'criteria': [{'id': 'a', 'question': 'q', 'files': ['a']}]} -> /maxChars
            """;

    static final String RUBRIC = "{'type': 'rubric', 'criteria': ["
            + "{'id': 'tone', 'question': 'Is the memo courteous?', 'weight': 3, 'files': ['memo.md']},"
            + "{'id': 'facts', 'question': 'Does it match the ledger?', 'files': ['memo.md', 'notes.txt'],"
            + " 'referenceFiles': ['ledger.txt']}]}";

    @TempDir
    Path dir;

    TestContext files;
    final List<JudgeRequest> asked = Collections.synchronizedList(new ArrayList<>());
    /** Scores 'tone' 1 and 'facts' 0.5, recording every request. */
    final Judge judge = r -> {
        asked.add(r);
        return new JudgeAnswer(r.criterion().equals("tone") ? 1 : 0.5, "because " + r.criterion());
    };

    @BeforeEach
    void setUp() {
        files = TestContext.in(dir)
                .out("memo.md", "Dear team, all reconciled.")
                .out("notes.txt", "n")
                .ref("ledger.txt", "balance 100");
    }

    Verdict verify(String config, ExtendedContext ctx) throws Exception {
        return Fixture.create(config).verify(ctx);
    }

    ExtendedContext judged() {
        return ExtendedContext.of(files).withJudge(judge);
    }

    @Test
    void scoresTheWeightedMeanOfTheJudgedCriteria() throws Exception {
        Verdict v = verify(RUBRIC, judged());
        assertEquals((3 * 1 + 0.5) / 4, v.score(), 1e-12);
        Check tone = Fixture.check(v, "tone");
        assertEquals(3, tone.weight());
        assertTrue(tone.passed());
        assertEquals("Is the memo courteous?", tone.expected());
        assertTrue(tone.actual().matches("because tone \\[sha256:[0-9a-f]{64}\\]"), tone.actual());
        assertEquals(0.5, Fixture.check(v, "facts").score());
        JudgeRequest facts = asked.get(1);
        assertEquals("test-task", facts.taskId());
        assertEquals("facts", facts.criterion());
        assertEquals("Does it match the ledger?", facts.question());
        assertEquals(Map.of("memo.md", "Dear team, all reconciled.", "notes.txt", "n"), facts.output());
        assertEquals(Map.of("ledger.txt", "balance 100"), facts.reference());
        assertEquals(
                Map.of("memo.md", "Dear team, all reconciled."), asked.get(0).output());
        assertEquals(Map.of(), asked.get(0).reference());
    }

    @Test
    void recordsTheFingerprintOfWhatWasJudged() throws Exception {
        Check tone = Fixture.check(verify(RUBRIC, judged()), "tone");
        String fingerprint = JudgeRecord.fingerprint(asked.get(0));
        assertTrue(tone.actual().endsWith("[sha256:" + fingerprint + "]"), tone.actual());
        JudgeRequest r = asked.get(1);
        assertEquals(
                fingerprint(r),
                fingerprint(new JudgeRequest(
                        r.taskId(),
                        r.criterion(),
                        r.question(),
                        Map.of("notes.txt", "n", "memo.md", "Dear team, all reconciled."),
                        r.reference())),
                "file order does not matter");
        for (JudgeRequest other : List.of(
                new JudgeRequest("other-task", r.criterion(), r.question(), r.output(), r.reference()),
                new JudgeRequest(r.taskId(), "other", r.question(), r.output(), r.reference()),
                new JudgeRequest(r.taskId(), r.criterion(), "Other?", r.output(), r.reference()),
                new JudgeRequest(r.taskId(), r.criterion(), r.question(), Map.of("memo.md", "changed"), r.reference()),
                new JudgeRequest(r.taskId(), r.criterion(), r.question(), r.output(), Map.of()),
                new JudgeRequest(r.taskId(), r.criterion(), r.question(), r.reference(), r.output()))) {
            assertNotEquals(fingerprint(r), fingerprint(other), other.toString());
        }
    }

    @Test
    void replaysRecordedAnswersWithoutCallingTheJudge() throws Exception {
        Verdict first = verify(RUBRIC, judged());
        Judge refusing = r -> {
            throw new AssertionError("the judge must not be called for " + r.criterion());
        };
        assertEquals(
                first,
                verify(RUBRIC, ExtendedContext.of(files).withJudge(refusing).withPrevious(first)));
        assertEquals(first, verify(RUBRIC, ExtendedContext.of(files).withPrevious(first)), "no judge needed to replay");
        String nested = "{'type': 'weighted', 'checks': [{'type': 'text', 'file': 'memo.md', 'contains': 'Dear'}, "
                + RUBRIC + "]}";
        Verdict wrapped = verify(nested, judged());
        assertEquals(
                wrapped,
                verify(nested, ExtendedContext.of(files).withJudge(refusing).withPrevious(wrapped)));
    }

    @Test
    void asksAgainWhatChanged() throws Exception {
        Verdict first = verify(RUBRIC, judged());
        files.out("notes.txt", "new notes");
        asked.clear();
        Verdict second = verify(RUBRIC, judged().withPrevious(first));
        assertEquals(
                List.of("facts"), asked.stream().map(JudgeRequest::criterion).toList(), "tone's files did not change");
        assertEquals(Fixture.check(first, "tone"), Fixture.check(second, "tone"));
        assertNotEquals(
                Fixture.check(first, "facts").actual(),
                Fixture.check(second, "facts").actual());
    }

    @Test
    void withoutAJudgeVerifyThrows() {
        AleException e = assertThrows(AleException.class, () -> verify(RUBRIC, ExtendedContext.of(files)));
        assertContainsAll(e.getMessage(), "needs a judge", "'tone'");
    }

    @Test
    void aJudgeThatFailsMakesVerifyThrow() {
        IllegalStateException boom = new IllegalStateException("rate limited");
        AleException e = assertThrows(
                AleException.class,
                () -> verify(RUBRIC, ExtendedContext.of(files).withJudge(r -> {
                    throw boom;
                })));
        assertSame(boom, e.getCause());
        assertContainsAll(e.getMessage(), "rate limited", "'tone'");
        AleException none = assertThrows(
                AleException.class,
                () -> verify(RUBRIC, ExtendedContext.of(files).withJudge(r -> null)));
        assertContains("no answer", none.getMessage());
    }

    @Test
    void aMissingOutputFileFailsTheGateWithoutAskingTheJudge() throws Exception {
        Verdict v = verify(
                "{'type': 'rubric', 'criteria': [{'id': 'a', 'question': 'q', 'files': ['absent.md']}]}", judged());
        assertGate("absent.md", "missing", v);
        assertEquals(List.of(), asked);
    }

    @Test
    void aMissingReferenceFileIsATaskError() {
        String config = "{'type': 'rubric', 'criteria': [{'id': 'a', 'question': 'q', 'files': ['memo.md'], "
                + "'referenceFiles': ['absent.txt']}]}";
        AleException e = assertThrows(AleException.class, () -> verify(config, judged()));
        assertContains("reference/absent.txt", e.getMessage());
    }

    @Test
    void showsTheJudgeAtMostMaxCharsOfAFile() throws Exception {
        verify(
                "{'type': 'rubric', 'maxChars': 4, 'criteria': [{'id': 'a', 'question': 'q', 'files': ['memo.md']}]}",
                judged());
        assertEquals(
                "Dear\n[... 22 more characters not shown]",
                asked.get(0).output().get("memo.md"));
        files.out("emoji.md", "abc\uD83D\uDE00d");
        asked.clear();
        verify(
                "{'type': 'rubric', 'maxChars': 4, 'criteria': [{'id': 'a', 'question': 'q', 'files': ['emoji.md']}]}",
                judged());
        assertEquals(
                "abc\n[... 3 more characters not shown]",
                asked.get(0).output().get("emoji.md"),
                "no half surrogate pair");
    }

    @Test
    void refusesBadConfigurations() {
        Verifier ok =
                Fixture.create("{'type': 'rubric', 'criteria': [{'id': 'a.b_c-1', 'question': 'q', 'files': 'a'}]}");
        assertTrue(ok instanceof RubricVerifierFactory.Rubric);
    }

    private static String fingerprint(JudgeRequest r) {
        return JudgeRecord.fingerprint(r);
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = REFUSED)
    void refusesEachConfigOfTheTableAtItsPointer(String config, String field) {
        refused(config, field);
    }
}
