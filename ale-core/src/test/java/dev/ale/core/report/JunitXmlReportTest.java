package dev.ale.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.core.ReportFixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** junit.xml parses with the JDK's parser and its counts, names and failure details match the report. */
class JunitXmlReportTest {
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element testcase(Document d, String name) {
        NodeList cases = d.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + name);
    }

    private static Element only(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        assertEquals(1, list.getLength(), tag + " in " + parent.getAttribute("name"));
        return (Element) list.item(0);
    }

    @Test
    void oneSuiteWithTheCountsOfTheReport() throws Exception {
        Document d = parse(ReportFiles.junitXml(ReportTestSupport.mixed()));
        Element suite = d.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("test-pack@1.0.0", suite.getAttribute("name"));
        assertEquals("8", suite.getAttribute("tests"));
        assertEquals("5", suite.getAttribute("failures"));
        assertEquals("2", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));
        assertTrue(suite.getAttribute("time").matches("\\d+\\.\\d{3}"), suite.getAttribute("time"));
        assertEquals(8, d.getElementsByTagName("testcase").getLength());
        assertEquals(5, d.getElementsByTagName("failure").getLength());
        assertEquals(2, d.getElementsByTagName("error").getLength());
    }

    @Test
    void eachAttemptIsATestCaseNamedByTaskAndTrialInItsPackAndCluster() throws Exception {
        Document d = parse(ReportFiles.junitXml(ReportTestSupport.mixed()));
        Element pass = testcase(d, "ledger-close [trial 1]");
        assertEquals("test-pack.business_finance", pass.getAttribute("classname"));
        assertEquals(0, pass.getElementsByTagName("failure").getLength());
        assertEquals(
                "test-pack.transport_safety",
                testcase(d, "freight-plan [trial 2]").getAttribute("classname"));
    }

    @Test
    void aFailureCarriesItsCauseMessageAndCheckTree() throws Exception {
        Document d = parse(ReportFiles.junitXml(ReportTestSupport.mixed()));
        Element gate = only(testcase(d, "freight-plan [trial 1]"), "failure");
        assertEquals("GATE", gate.getAttribute("type"));
        assertEquals("gate 'delivered' failed: 0 of 1 paths present", gate.getAttribute("message"));
        assertTrue(
                gate.getTextContent().contains("[FAIL] delivered  score 0.000  weight 1  gate"), gate.getTextContent());
        assertTrue(gate.getTextContent().contains("\n  [FAIL] totals.json"), "children are indented");
        Element partial = only(testcase(d, "ledger-close [trial 2]"), "failure");
        assertTrue(
                partial.getTextContent().contains("actual: \"" + ReportFixtures.HOSTILE_OUTPUT + "\""),
                partial.getTextContent());
    }

    @Test
    void hostileTextSurvivesAsTextWithIllegalCharactersRemoved() throws Exception {
        Document d = parse(ReportFiles.junitXml(ReportTestSupport.mixed()));
        Element gaveUp = only(testcase(d, "contract-memo [trial 1]"), "failure");
        assertEquals("GAVE_UP", gaveUp.getAttribute("type"));
        String expected = "gave up in session 1: "
                + ReportFixtures.HOSTILE
                        .replace("\u0007", "")
                        .replace("\uFFFF", "")
                        .strip();
        assertEquals(expected, gaveUp.getAttribute("message"), "line break kept as &#10;, bell and U+FFFF dropped");
        Element harness = (Element) d.getElementsByTagName("property").item(0);
        assertEquals(ReportFixtures.HOSTILE_HARNESS, harness.getAttribute("value"));
    }

    @Test
    void errorsAreErrorsNotFailures() throws Exception {
        Document d = parse(ReportFiles.junitXml(ReportTestSupport.mixed()));
        Element error = only(testcase(d, "broken-ref [trial 2]"), "error");
        assertEquals("PACK", error.getAttribute("type"));
        assertTrue(error.getAttribute("message").contains("digest mismatch"), error.getAttribute("message"));
    }

    @Test
    void plannedAttemptsThatDidNotRunAreSkipped() throws Exception {
        Document d = parse(ReportFiles.junitXml(ReportTestSupport.partial()));
        Element suite = d.getDocumentElement();
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("skipped"));
        assertEquals("1", suite.getAttribute("failures"));
        Element skipped = only(testcase(d, "contract-memo [trial 1]"), "skipped");
        assertEquals("the run's cost cap of 0.50 USD was reached", skipped.getAttribute("message"));
        assertEquals("test-pack.tasks", testcase(d, "contract-memo [trial 1]").getAttribute("classname"));
    }

    @Test
    void attributeEscapingKeepsLineBreaksAndQuotes() {
        assertEquals("a&#10;b &quot;q&quot; &#39;s&#39; &lt;&amp;&gt;", JunitXmlReport.attr("a\nb \"q\" 's' <&>"));
    }
}
