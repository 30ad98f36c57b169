package dev.ale.core.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.core.EvaluationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The human-readable reports of a run, written beside {@code report.json}: {@code report.md}
 * (headline, breakdowns, every attempt), {@code junit.xml} (one test case per attempt, so CI
 * systems show results natively) and {@code report.html} (one self-contained page with charts and
 * the tree of checks of every verdict, no network). Text from packs and agents is escaped in each.
 */
@API(status = EXPERIMENTAL)
public final class ReportFiles {
    /** The file name of the Markdown report. */
    public static final String MARKDOWN = "report.md";
    /** The file name of the JUnit XML report. */
    public static final String JUNIT_XML = "junit.xml";
    /** The file name of the HTML report. */
    public static final String HTML = "report.html";

    private ReportFiles() {}

    /**
     * Writes {@code report.md}, {@code junit.xml} and {@code report.html} into {@code directory}
     * (created if needed), each to a temporary file first and then moved into place, so a reader
     * never sees a half-written report.
     *
     * @return the three files, in that order
     */
    public static List<Path> writeAll(EvaluationReport report, Path directory) throws IOException {
        Objects.requireNonNull(report, "report");
        Files.createDirectories(directory);
        String md = markdown(report);
        String xml = junitXml(report);
        String html = html(report);
        return List.of(write(directory, MARKDOWN, md), write(directory, JUNIT_XML, xml), write(directory, HTML, html));
    }

    /** The text of {@code report.md}: GitHub-flavoured Markdown, table cells escaped. */
    public static String markdown(EvaluationReport report) {
        return MarkdownReport.render(Objects.requireNonNull(report, "report"));
    }

    /** The text of {@code junit.xml}: one {@code <testsuite>}, one {@code <testcase>} per attempt, XML 1.0. */
    public static String junitXml(EvaluationReport report) {
        return JunitXmlReport.render(Objects.requireNonNull(report, "report"));
    }

    /** The text of {@code report.html}: one self-contained HTML page. */
    public static String html(EvaluationReport report) {
        return HtmlReport.render(Objects.requireNonNull(report, "report"));
    }

    private static Path write(Path directory, String name, String text) throws IOException {
        Path target = directory.resolve(name);
        Path tmp = Files.createTempFile(directory, "." + name + "-", ".tmp");
        try {
            // getBytes, not writeString: a lone surrogate that reached the text without Text.clean
            // becomes '?' here, where writeString refused it and the run's end lost every report
            Files.write(tmp, text.getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
