package dev.ale.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that make the csv group fail rather than report a figure of gradings that disagree. */
class CsvLabelsTest {
    private static ChildJvm.Outcome child(double score, String option) {
        return new ChildJvm.Outcome(JsonNodeFactory.instance.objectNode().put("score", score), 1.0, List.of(option));
    }

    private static Peers.Run peer(String score) {
        return new Peers.Run(
                4.5, 700_000, 4.4, "{\"score\": " + score + ", \"per_label_f1\": {}}\n\nALE-PEER wall_s=4.5");
    }

    @Test
    void everyChildOfAGradingGivesOneScore() {
        CsvLabels.Grading g = new CsvLabels.Grading(
                CsvChild.CONFIG, List.of(child(0.85, "-Xint"), child(0.85, "-Xint")), List.of(child(0.85, "-Xshare")));
        assertEquals(0.85, g.score());
        CsvLabels.Grading archivedDiffers = new CsvLabels.Grading(
                CsvChild.CONFIG, List.of(child(0.85, "-Xint")), List.of(child(0.8500001, "-Xshare:on")));
        IllegalStateException e = assertThrows(IllegalStateException.class, archivedDiffers::score);
        assertTrue(
                e.getMessage().contains("0.85 in one child and 0.8500001 in another ([-Xshare:on])"), e.getMessage());
        CsvLabels.Grading roundDiffers = new CsvLabels.Grading(
                CsvChild.CONFIG, List.of(child(0.85, "a"), child(0.85, "a"), child(0.7, "b")), List.of());
        assertThrows(IllegalStateException.class, roundDiffers::score, "a later round of the plain child");
    }

    @Test
    void theGradingAsThePeerGradesGivesThePeersScoreInEveryRound() {
        assertDoesNotThrow(() -> CsvLabels.samePeerScore(0.7208720376042475, List.of(peer("0.7208720376042475"))));
        assertDoesNotThrow(
                () -> CsvLabels.samePeerScore(0.72087203760424, List.of(peer("0.7208720376042475"))), "within 1e-12");
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> CsvLabels.samePeerScore(
                        0.7208720376042475, List.of(peer("0.7208720376042475"), peer("0.7184503103943713"))));
        assertTrue(e.getMessage().contains("where the Python peer gave 0.7184503103943713"), e.getMessage());
        assertThrows(
                IllegalStateException.class,
                () -> CsvLabels.samePeerScore(Double.NaN, List.of(peer("0.5"))),
                "a NaN is no agreement");
    }
}
