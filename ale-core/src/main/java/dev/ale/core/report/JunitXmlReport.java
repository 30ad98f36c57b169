package dev.ale.core.report;

import dev.ale.api.Outcome;
import dev.ale.api.spi.Check;
import dev.ale.api.task.PackRef;
import dev.ale.core.AttemptResult;
import dev.ale.core.EvaluationReport;
import dev.ale.core.NotRun;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code junit.xml}: one {@code <testsuite>} for the run and one {@code <testcase>} per attempt
 * (classname {@code <pack>.<cluster>}, name {@code <task-id> [trial n]}), so CI systems show the
 * results natively. A FAILED attempt carries a {@code <failure>} (type = its cause) and an ERROR
 * attempt an {@code <error>}, each with the verdict's check tree as text; planned attempts that did
 * not run are {@code <skipped>}.
 */
final class JunitXmlReport {
    private final StringBuilder b = new StringBuilder();

    private JunitXmlReport() {}

    static String render(EvaluationReport r) {
        return new JunitXmlReport().build(r);
    }

    private String build(EvaluationReport r) {
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuite name=\"")
                .append(attr(Text.packs(r).replace(" + ", "+")))
                .append('"')
                .append(" tests=\"")
                .append(r.attempts().size() + r.notRun().size())
                .append('"')
                .append(" failures=\"")
                .append(r.count(Outcome.FAILED))
                .append('"')
                .append(" errors=\"")
                .append(r.count(Outcome.ERROR))
                .append('"')
                .append(" skipped=\"")
                .append(r.notRun().size())
                .append('"')
                .append(" time=\"")
                .append(Text.seconds(r.duration()))
                .append('"')
                .append(" timestamp=\"")
                .append(r.startedAt().truncatedTo(ChronoUnit.SECONDS))
                .append("\">\n");
        properties(r);
        Map<String, String> classnames = new HashMap<>();
        for (AttemptResult a : r.attempts()) {
            String classname =
                    a.pack().name() + "." + (a.cluster() == null || a.cluster().isEmpty() ? "tasks" : a.cluster());
            classnames.putIfAbsent(a.taskId(), classname);
            testcase(a, classname);
        }
        String fallback = r.packs().size() == 1 ? r.packs().get(0).name() + ".tasks" : "ale.tasks";
        for (NotRun n : r.notRun()) {
            open(classnames.getOrDefault(n.taskId(), fallback), n.taskId(), n.trial(), Duration.ZERO);
            b.append("    <skipped message=\"").append(attr(n.reason())).append("\"/>\n  </testcase>\n");
        }
        b.append("</testsuite>\n");
        return b.toString();
    }

    private void properties(EvaluationReport r) {
        b.append("  <properties>\n");
        property("harness", r.harness());
        property("sandbox", r.sandbox());
        property("trials", Integer.toString(r.trials()));
        property("shard", r.shard());
        property("seed", Long.toString(r.seed()));
        for (PackRef p : r.packs()) {
            property("pack", p.name() + "@" + p.version() + " " + p.digest());
        }
        property(
                "fullPassRate",
                Text.percent(r.fullPassRate().value()) + " [" + Text.percentInterval(r.fullPassRate()) + "]");
        property("meanScore", Text.score(r.meanScore().value()) + " [" + Text.scoreInterval(r.meanScore()) + "]");
        property("partial", Boolean.toString(r.partial()));
        b.append("  </properties>\n");
    }

    private void property(String name, String value) {
        b.append("    <property name=\"")
                .append(attr(name))
                .append("\" value=\"")
                .append(attr(value))
                .append("\"/>\n");
    }

    private void testcase(AttemptResult a, String classname) {
        open(classname, a.taskId(), a.trial(), a.duration());
        if (a.outcome() == Outcome.PASSED) {
            b.append("    <system-out>")
                    .append(Text.escape("score " + Text.score(a.score()) + "\n"
                            + Text.checkTree(a.verdict().checks())))
                    .append("</system-out>\n");
        } else {
            String element = a.outcome() == Outcome.ERROR ? "error" : "failure";
            b.append("    <")
                    .append(element)
                    .append(" message=\"")
                    .append(attr(Text.message(a)))
                    .append("\" type=\"")
                    .append(a.cause())
                    .append("\">")
                    .append(Text.escape(body(a)))
                    .append("</")
                    .append(element)
                    .append(">\n");
        }
        b.append("  </testcase>\n");
    }

    private void open(String classname, String taskId, int trial, Duration time) {
        b.append("  <testcase classname=\"")
                .append(attr(classname))
                .append("\" name=\"")
                .append(attr(taskId + " [trial " + trial + "]"))
                .append("\" time=\"")
                .append(Text.seconds(time))
                .append("\">\n");
    }

    private static String body(AttemptResult a) {
        StringBuilder s = new StringBuilder();
        s.append(a.outcome()).append(", cause ").append(a.cause());
        if (a.outcome() != Outcome.ERROR) {
            s.append(", score ").append(Text.score(a.score()));
        }
        s.append('\n');
        if (!a.message().isBlank()) {
            s.append("message: ").append(a.message().strip()).append('\n');
        }
        s.append("verdict: ").append(a.verdict().summary());
        if (a.verdict().gateFailed()) {
            s.append(" (a gate failed)");
        }
        s.append('\n');
        List<Check> checks = a.verdict().checks();
        if (!checks.isEmpty()) {
            s.append("checks:\n").append(Text.checkTree(checks));
        }
        return s.toString();
    }

    /** Escaped for an XML attribute value: markup characters, and line breaks as references so they survive. */
    static String attr(String s) {
        return Text.escape(s).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }
}
