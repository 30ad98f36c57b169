package dev.ale.verifiers.ale;

import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.check;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.ContextTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** csv: label metrics (macro F1 of the positive class), value domain, exact header, order and column gates. */
class CsvLabelsAndGatesTest extends ContextTest {
    private static final String GOLD = "id,A,B,C\n1,1,0,0\n2,1,1,0\n3,0,1,0\n4,0,0,0\n";
    private static final String LABELS = "{'type': 'csv', 'file': 'pred.csv', 'expectedFile': 'gold.csv', 'key': 'id',"
            + " 'score': 'macro-f1-labels', 'labels': ['A', 'B', 'C'], 'positive': '1', 'values': ['0', '1']";

    @BeforeEach
    void reference() {
        ctx.ref("gold.csv", GOLD);
    }

    private Verdict labels(String output, String options) throws Exception {
        return ctx.out("pred.csv", output).verify(LABELS + options + "}");
    }

    @Test
    void macroF1OfThePositiveClass() throws Exception {
        // A: gold {1, 2}, predicted {1, 4}: tp 1, fp 1, fn 1 -> F1 2·1 / (2·1 + 1 + 1) = 0.5
        // B: gold {2, 3}, predicted {1, 2, 3}: tp 2, fp 1, fn 0 -> 4 / 5 = 0.8
        // C: gold {}, predicted {3}: tp 0, fp 1 -> 0 / 1 = 0
        // macro F1 = (0.5 + 0.8 + 0) / 3 = 0.4333...; normalize at 0.7: 0.4333... / 0.7 = 0.619...
        String pred = "id,A,B,C\n1,1,1,0\n2,0,1,0\n3,0,1,1\n4,1,0,0\n";
        Verdict v = labels(pred, "");
        assertScore(1.3 / 3, v);
        assertEquals(0.8, check(v, "B").score(), 1e-12);
        assertEquals(
                "precision 0.667, recall 1.000, F1 0.800 (tp 2, fp 1, fn 0)",
                check(v, "B").actual());
        assertScore(1.3 / 3 / 0.7, labels(pred, ", 'normalize': {'threshold': 0.7}"));
        // a label positive nowhere scores F1 0, as the graders' 2tp / (2tp + fp + fn) with a zero denominator
        assertScore(2.0 / 3, labels(GOLD, ""));
    }

    @Test
    void aMissingRowPredictsNoPositive() throws Exception {
        // row 2 missing: A tp 1 (1), fp 1 (4), fn 1 (2) -> 0.5; B tp 1 (3), fp 1 (1), fn 1 (2) -> 0.5; C 0
        assertScore(1.0 / 3, labels("id,A,B,C\n1,1,1,0\n3,0,1,1\n4,1,0,0\n", ""));
    }

    @Test
    void oneSetValuedColumnCanHoldAllTheLabels() throws Exception {
        ctx.ref("gold.csv", "id,codes\n1,A|B\n2,B\n3,\n");
        String config = "{'type': 'csv', 'file': 'pred.csv', 'expectedFile': 'gold.csv', 'key': 'id',"
                + " 'score': 'macro-f1-labels', 'labels': ['A', 'B', 'C'], 'labelColumn': 'codes', 'separator': '|'}";
        // A: gold {1}, predicted {1} -> F1 1; B: gold {1, 2}, predicted {2}: tp 1, fn 1 -> 2/3;
        // C: gold {}, predicted {2, 3}: fp 2 -> 0. Macro F1 = (1 + 2/3 + 0) / 3 = 0.5555...
        assertScore(
                (1 + 2.0 / 3) / 3,
                ctx.out("pred.csv", "id,codes\n1,A\n2, B | C\n3,C\n").verify(config));
        refused(config.replace(", 'separator': '|'", ""), "/separator");
        refused(config.replace("'labelColumn': 'codes', ", ""), "/separator");
        refused(config.replace("}", ", 'positive': '1'}"), "/positive");
    }

    @Test
    void theValueDomainIsAGate() throws Exception {
        assertGate("pred.csv", "B is 'yes' on line 3", labels("id,A,B,C\n1,1,0,0\n2,1,yes,0\n3,0,1,0\n4,0,0,0\n", ""));
        assertGate("pred.csv", "A is ' 1' on line 2", labels("id,A,B,C\n1, 1,0,0\n2,1,1,0\n3,0,1,0\n4,0,0,0\n", ""));
    }

    @Test
    void exactHeaderAndOrderGates() throws Exception {
        String gates = ", 'header': 'exact', 'order': 'gate', 'keyOptions': {'trim': false}";
        assertScore(2.0 / 3, labels(GOLD, gates));
        assertGate("pred.csv", "header id,B,A,C", labels("id,B,A,C\n1,0,1,0\n2,1,1,0\n3,1,0,0\n4,0,0,0\n", gates));
        assertGate(
                "pred.csv",
                "header id,A,B,C,D",
                labels("id,A,B,C,D\n1,1,0,0,0\n2,1,1,0,0\n3,0,1,0,0\n4,0,0,0,0\n", gates));
        // names are trimmed by 'exact' and compared as written by 'exact-untrimmed'
        String spaced = "id, A,B,C\n1,1,0,0\n2,1,1,0\n3,0,1,0\n4,0,0,0\n";
        assertScore(2.0 / 3, labels(spaced, gates));
        assertGate("pred.csv", "header id, A,B,C", labels(spaced, gates.replace("'exact'", "'exact-untrimmed'")));
        assertGate(
                "pred.csv",
                "key '2' on line 2 where key '1' belongs",
                labels("id,A,B,C\n2,1,1,0\n1,1,0,0\n3,0,1,0\n4,0,0,0\n", gates));
        assertGate("pred.csv", "no row for key '4'", labels("id,A,B,C\n1,1,0,0\n2,1,1,0\n3,0,1,0\n", gates));
        assertGate("pred.csv", "key '4' on line 6 after the last one", labels(GOLD + "4,0,0,0\n", gates));
        assertGate("pred.csv", "key ' 2' on line 3", labels("id,A,B,C\n1,1,0,0\n 2,1,1,0\n3,0,1,0\n4,0,0,0\n", gates));
    }

    @Test
    void requiredColumnsEmptyValuesAndStrictFloatColumns() throws Exception {
        ctx.ref("s.csv", "id,score,band,note\n1,17,A,x\n2,incomplete,,y\n3,2.0,B,z\n");
        String config =
                "{'type': 'csv', 'file': 's.csv', 'expectedFile': 's.csv', 'key': 'id', 'compare': ['score', 'band'],"
                        + " 'requiredColumns': ['id', 'score', 'band', 'note'], 'score': 'recall-cells', 'columns': {"
                        + " 'score': {'abs': 1, 'float': true, 'empty': ['', 'incomplete'],"
                        + "   'numbers': {'thousands': 'none', 'currency': 'none', 'percent': false, 'parentheses': false}},"
                        + " 'band': {'trim': true, 'ignoreCase': true, 'empty': ['', 'incomplete']}}}";
        // row 1: 18 within 1 of 17, band 'a' = 'A'; row 2: '' = 'incomplete', ' incomplete ' = ''; row 3: '$3' is not
        // a number here (no currency) and band 'C' differs: 4 of 6 cells
        Verdict v = ctx.out("s.csv", "note,band,score,id\n-, a ,18,1\n-, incomplete ,,2\n-,C,$3,3\n")
                .verify(config);
        assertScore(4.0 / 6, v);
        assertGate(
                "s.csv",
                "missing column note",
                ctx.out("s.csv", "id,score,band\n1,17,A\n").verify(config));
        // strict and binary: |2.0 - 3.0| = 1 is not < 1
        String strict = config.replace("'abs': 1, 'float': true", "'abs': 1, 'float': true, 'strict': true");
        assertScore(
                5.0 / 6,
                ctx.out("s.csv", "id,score,band,note\n1,17.5,A,x\n2,,,y\n3,3.0,B,z\n")
                        .verify(strict));
    }

    @Test
    void configErrorsNameTheirPointer() {
        refused("{'type': 'csv', 'file': 'p.csv', 'expectedFile': 'g.csv', 'labels': ['A']}", "/labels");
        refused(LABELS.replace("'positive': '1'", "'positive': 'y'") + "}", "/positive");
        refused(LABELS + ", 'compare': ['A']}", "/compare");
        refused(LABELS.replace("'key': 'id',", "") + ", 'order': 'gate'}", "/order");
        refused(LABELS + ", 'header': 'strict'}", "/header");
        refused(LABELS.replace("'macro-f1-labels'", "'macro-f1'") + "}", "/score");
        refused(
                "{'type': 'csv', 'file': 'p.csv', 'expectedFile': 'g.csv', 'columns': {'v': {'strict': true}}}",
                "/columns/v/strict");
        refused(
                "{'type': 'csv', 'file': 'p.csv', 'expectedFile': 'g.csv', 'columns': {'v': {'trim': true, 'numbers': {}}}}",
                "/columns/v/trim");
    }
}
