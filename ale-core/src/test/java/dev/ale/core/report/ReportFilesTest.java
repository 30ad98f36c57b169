package dev.ale.core.report;

import static dev.ale.testfixtures.Trees.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.core.EvaluationReport;
import dev.ale.core.ReportFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** writeAll writes the three reports whole, and a run with a run directory leaves them beside report.json. */
class ReportFilesTest {
    @TempDir
    Path tmp;

    @Test
    void writeAllWritesTheThreeFormatsAndNothingElse() throws IOException {
        EvaluationReport r = ReportTestSupport.mixed();
        Path dir = tmp.resolve("new/dir");
        List<Path> written = ReportFiles.writeAll(r, dir);
        assertEquals(List.of(dir.resolve("report.md"), dir.resolve("junit.xml"), dir.resolve("report.html")), written);
        assertEquals(List.of("junit.xml", "report.html", "report.md"), names(dir), "no temporary file left behind");
        assertEquals(ReportFiles.markdown(r), Files.readString(dir.resolve(ReportFiles.MARKDOWN)));
        assertEquals(ReportFiles.junitXml(r), Files.readString(dir.resolve(ReportFiles.JUNIT_XML)));
        assertEquals(ReportFiles.html(r), Files.readString(dir.resolve(ReportFiles.HTML)));
    }

    @Test
    void writeAllReplacesEarlierReports() throws IOException {
        Files.writeString(tmp.resolve("report.md"), "stale");
        ReportFiles.writeAll(ReportTestSupport.partial(), tmp);
        assertTrue(Files.readString(tmp.resolve("report.md")).startsWith("# ALE evaluation report\n"));
        assertEquals(List.of("junit.xml", "report.html", "report.md"), names(tmp));
    }

    @Test
    void aRunWithARunDirectoryWritesTheReportsBesideReportJson() throws Exception {
        Path dir = tmp.resolve("run");
        EvaluationReport r = ReportFixtures.mixed(dir);
        for (String name : List.of("report.json", "report.md", "junit.xml", "report.html")) {
            assertTrue(Files.size(dir.resolve(name)) > 0, name);
        }
        String xml = Files.readString(dir.resolve("junit.xml"));
        assertEquals(
                String.valueOf(r.attempts().size()),
                JunitXmlReportTest.parse(xml).getDocumentElement().getAttribute("tests"));
        assertTrue(Files.readString(dir.resolve("report.md")).contains("1 of 6 scored attempts"));
    }
}
