package dev.ale.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.core.ReportFixtures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** report.html: self-contained, untrusted text escaped, charts and a task table that opens to the checks. */
class HtmlReportTest {
    private static final String HTML = ReportFiles.html(ReportTestSupport.mixed());

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    @Test
    void untrustedTextIsEscapedEverywhere() {
        assertFalse(HTML.contains("<script>alert"), "a task message must not become a script");
        assertFalse(HTML.contains("<img"), "an agent's output must not become an element");
        assertFalse(HTML.contains("<b>"), "harness names and subfields must not become markup");
        assertTrue(
                HTML.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;"),
                "message shown as text");
        assertTrue(HTML.contains("&lt;/td&gt;&lt;img src=x onerror=alert(1)&gt;"), "check actual shown as text");
        assertTrue(HTML.contains("drafting | &lt;b&gt;bold&lt;/b&gt;"), "subfield shown as text");
        assertTrue(
                HTML.contains("<title>ALE report · test-pack@1.0.0 · fixture-agent &lt;b&gt;&amp;&lt;/b&gt;</title>"));
        assertFalse(HTML.contains("\u0007"), "characters illegal in XML 1.0 are dropped");
    }

    @Test
    void selfContainedWithOneInlineScriptThatThePolicyAllowsByHash() throws Exception {
        assertEquals(1, count(HTML, "<script"), "only the page's own script");
        assertEquals(1, count(HTML, "<style>"));
        assertFalse(
                Pattern.compile("<[a-zA-Z][^>]*\\s(?:src|href|action|poster|srcset)\\s*=")
                        .matcher(HTML)
                        .find(),
                "no element refers to a resource");
        for (String external : new String[] {"@import", "url(", "https://", "<link", "<iframe", "<object"}) {
            assertFalse(HTML.contains(external), "no external resource: " + external);
        }
        assertEquals(
                count(HTML, "http://"),
                count(HTML, "xmlns=\"http://www.w3.org/2000/svg\""),
                "the only URLs are SVG namespace names, which are never fetched");
        Matcher m = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(HTML);
        assertTrue(m.find());
        String hash = Base64.getEncoder()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8)));
        assertTrue(HTML.contains("default-src 'none'"), "nothing may be fetched");
        assertTrue(HTML.contains("script-src 'sha256-" + hash + "'"), "only this exact script may run");
    }

    @Test
    void headlineFiguresAreShown() {
        assertTrue(HTML.contains("<div class=\"kpi-value\">16.7%</div>"));
        assertTrue(HTML.contains("95% interval 3.0%–56.4% · 1 of 6 scored attempts"));
        assertTrue(HTML.contains("<div class=\"kpi-value\">0.283</div>"));
        assertTrue(HTML.contains("<td>pass@k</td><td>16.7%</td><td>33.3%</td>"));
        assertTrue(HTML.contains("2 attempts ended in an infrastructure error"));
        assertTrue(
                ReportFiles.html(ReportTestSupport.partial()).contains("Partial run: 2 planned attempts did not run"));
        assertFalse(HTML.contains("Partial run"));
    }

    @Test
    void chartsAreInlineSvgWithIntervalWhiskers() {
        assertEquals(3, count(HTML, "<svg class=\"chart\""), "tier bars, cluster bars, score histogram");
        assertTrue(HTML.contains("aria-label=\"Full pass rate by tier\""));
        assertTrue(HTML.contains("aria-label=\"Full pass rate by industry cluster\""));
        assertTrue(HTML.contains("aria-label=\"Distribution of attempt scores\""));
        int rows = ReportTestSupport.mixed().byTier().size()
                + ReportTestSupport.mixed().byCluster().size();
        assertEquals(rows, count(HTML, "class=\"whisker\""), "one interval whisker per tier and cluster row");
    }

    @Test
    void eachTaskIsARowThatOpensToTheTreeOfChecks() {
        assertEquals(4, count(HTML, "<details class=\"task\""), "one row per task");
        assertEquals(count(HTML, "<details"), count(HTML, "</details>"));
        assertEquals(4, count(HTML, "<summary class=\"task-row\">"));
        int ledger = HTML.indexOf("<details class=\"task\" data-outcomes=\"PASSED FAILED\"");
        assertTrue(ledger >= 0, "ledger-close passed once and failed once");
        String row = HTML.substring(ledger, HTML.indexOf("</details>", ledger));
        assertTrue(
                row.contains(
                        "<th>Check</th><th>Score</th><th>Weight</th><th>Gate</th><th>Passed</th><th>Expected</th><th>Actual</th>"));
        assertEquals(2, count(row, "<table class=\"checks\">"), "one tree per trial");
        assertTrue(
                row.contains("<td class=\"name\" style=\"--d:0\">delivered</td><td>1.000</td><td>1</td><td>gate</td>"),
                row);
        assertTrue(
                row.contains(
                        "<td class=\"name\" style=\"--d:1\"><span class=\"branch\">└</span>/currency</td><td>0.000</td>"),
                row);
        assertTrue(row.contains("<td class=\"name\" style=\"--d:0\">totals</td><td>0.500</td><td>3</td>"), row);
    }

    @Test
    void theTaskTableWorksWithoutScript() {
        assertTrue(
                HTML.contains("<div class=\"controls\" id=\"controls\" hidden>"),
                "filter controls are shown by the script only, since they do nothing without it");
        assertFalse(HTML.contains(" onclick="), "no inline handlers");
    }

    @Test
    void darkModeAndPrintAreStyled() {
        assertTrue(HTML.contains("@media (prefers-color-scheme: dark)"));
        assertTrue(HTML.contains("@media print"));
    }

    @Test
    void hostileFixtureReallyIsHostile() {
        assertTrue(ReportFixtures.HOSTILE.contains("<script>") && ReportFixtures.HOSTILE.contains("\""));
    }
}
