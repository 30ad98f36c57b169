package dev.ale.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** report.md: headline, notices, breakdowns, the attempt table, and table cells that text cannot break. */
class MarkdownReportTest {
    private static final String MD = ReportFiles.markdown(ReportTestSupport.mixed());

    /** The cells of a Markdown table row: split at pipes that are not escaped. */
    private static List<String> cells(String row) {
        String inner = row.substring(1, row.length() - 1);
        return List.of(inner.split("(?<!\\\\)\\|", -1));
    }

    private static List<String> tableRows(String md, String heading) {
        String section = md.substring(md.indexOf("## " + heading + "\n"));
        int next = section.indexOf("\n## ", 3);
        section = next < 0 ? section : section.substring(0, next);
        return section.lines().filter(l -> l.startsWith("|")).toList();
    }

    @Test
    void headlineGivesTheFullPassRateWithItsIntervalAndTheMeanScoreBesideIt() {
        assertTrue(MD.contains("**Full pass rate: 16.7%** (95% interval 3.0%–56.4%), 1 of 6 scored attempts"), MD);
        assertTrue(MD.contains("Mean score: 0.283 (95% interval "), MD);
        assertTrue(MD.contains("Outcomes: 1 passed, 5 failed, 2 errors (8 attempts)"), MD);
    }

    @Test
    void passAtKAndPassHatKAppearOnlyWithSeveralTrials() {
        assertTrue(MD.contains("| pass@k | 16.7% | 33.3% |"), MD);
        assertTrue(MD.contains("| pass^k | 16.7% | 0.0% |"), MD);
        assertTrue(MD.contains("Flip share"), MD);
        String single = ReportFiles.markdown(ReportTestSupport.partial());
        assertFalse(single.contains("pass@k"), single);
    }

    @Test
    void errorsAreListedOnTheirOwn() {
        List<String> rows = tableRows(MD, "Errors");
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.get(2).startsWith("| broken-ref | 1 | PACK | "), rows.get(2));
    }

    @Test
    void aPartialRunSaysSoAndListsWhatDidNotRun() {
        String md = ReportFiles.markdown(ReportTestSupport.partial());
        assertTrue(md.contains("**Partial run:** 2 planned attempts did not run"), md);
        assertTrue(md.contains("| contract-memo | 1 | the run's cost cap of 0.50 USD was reached |"), md);
        assertFalse(MD.contains("Partial run"));
    }

    @Test
    void breakdownsByTierClusterSubfieldAndSocMajorGroup() {
        assertEquals(
                List.of("| near-term | 2 | 1 | 2 | 50.0% | 9.5%–90.5% | 0.850 |"),
                tableRows(MD, "By tier").stream()
                        .filter(l -> l.startsWith("| near-term"))
                        .toList());
        assertEquals(5, tableRows(MD, "By industry cluster").size());
        assertTrue(MD.contains("| accounting (Accounting \\& Finance) | 2 |"), MD);
        assertTrue(MD.contains("| 13 (Business and Financial Operations) | 2 |"), MD);
    }

    @Test
    void everyAttemptHasARowWithSevenCellsWhateverItsMessageHolds() {
        List<String> rows = tableRows(MD, "Attempts");
        assertEquals(2 + 8, rows.size(), rows.toString());
        for (String row : rows) {
            assertEquals(7, cells(row).size(), row);
        }
        String memo = rows.get(4);
        assertTrue(memo.startsWith("| contract-memo | 1 | FAILED | GAVE_UP | 0.000 |"), memo);
        assertTrue(memo.contains("\\<script\\>alert(\"x\")\\</script\\> \\& 'quoted' \\| pipe second line bell"), memo);
        assertTrue(rows.get(8).contains("| ERROR | PACK | – |"), rows.get(8));
    }

    @Test
    void breakdownKeysAreEscapedToo() {
        assertTrue(MD.contains("| drafting \\| \\<b\\>bold\\</b\\> | 2 |"), MD);
        for (String row : tableRows(MD, "By subfield")) {
            assertEquals(7, cells(row).size(), row);
        }
    }

    @Test
    void aCellKeepsItsTextOnOneLineAndEscapesMarkup() {
        assertEquals("a \\| b c", MarkdownReport.cell("a | b\r\nc"));
        assertEquals(
                "\\<i\\>x\\</i\\> \\`code\\` \\*bold\\* \\[link\\](u) \\\\",
                MarkdownReport.cell("<i>x</i> `code` *bold* [link](u) \\"));
        assertEquals("business_finance \\_lead trail\\_", MarkdownReport.cell("business_finance _lead trail_"));
        assertEquals("\\&amp; \\~\\~strike\\~\\~", MarkdownReport.cell("&amp; ~~strike~~"));
    }

    @Test
    void aboutTableNamesPackHarnessAndSeed() {
        assertTrue(MD.contains("| pack | test-pack@1.0.0 (digest `000000000000`) |"), MD);
        assertTrue(MD.contains("| harness | fixture-agent \\<b\\>\\&\\</b\\> |"), MD);
        assertTrue(MD.contains("| bootstrap seed | 11 |"), MD);
        assertFalse(MD.contains("| shard |"), "a whole run has no shard line");
    }
}
