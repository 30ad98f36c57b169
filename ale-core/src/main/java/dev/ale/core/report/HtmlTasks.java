package dev.ale.core.report;

import static dev.ale.core.report.Text.escape;

import dev.ale.api.Outcome;
import dev.ale.api.spi.Check;
import dev.ale.core.AttemptResult;
import dev.ale.core.EvaluationReport;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The task table of {@code report.html}: one {@code <details>} row per task (its trials as badges,
 * its mean score, what went wrong) that opens, without script, to each trial's verdict and tree of
 * checks (name, score, weight, gate, passed, expected, actual).
 */
final class HtmlTasks {
    private final StringBuilder b;

    private HtmlTasks(StringBuilder b) {
        this.b = b;
    }

    static void render(StringBuilder b, EvaluationReport r) {
        new HtmlTasks(b).tasks(r);
    }

    private void tasks(EvaluationReport r) {
        Map<String, List<AttemptResult>> byTask = Text.byTask(r.attempts());
        b.append(
                        "<section id=\"tasks\" class=\"card\">\n<div class=\"tasks-head\"><h2>Tasks <span class=\"muted\" id=\"shown\">")
                .append(Text.count(byTask.size(), "task"))
                .append(" · ")
                .append(Text.count(r.attempts().size(), "attempt"))
                .append("</span></h2>")
                .append("<div class=\"controls\" id=\"controls\" hidden>")
                .append(
                        "<input type=\"search\" id=\"filter\" placeholder=\"Filter by task, cluster, cause…\" aria-label=\"Filter tasks\">")
                .append("<select id=\"outcome\" aria-label=\"Outcome\"><option value=\"\">All outcomes</option>")
                .append("<option value=\"PASSED\">Has a pass</option><option value=\"FAILED\">Has a failure</option>")
                .append("<option value=\"ERROR\">Has an error</option></select>")
                .append("<button type=\"button\" id=\"expand\">Expand all</button>")
                .append("<button type=\"button\" id=\"collapse\">Collapse all</button></div></div>\n")
                .append(
                        "<div class=\"task-row head\"><span></span><span>Task</span><span>Tier</span><span>Cluster</span>")
                .append("<span>Trials</span><span>Score</span><span>What happened</span></div>\n");
        int shown = 0;
        for (Map.Entry<String, List<AttemptResult>> e : byTask.entrySet()) {
            if (shown >= Text.DETAIL_LIMIT) {
                b.append("<p class=\"muted\">")
                        .append(byTask.size())
                        .append(" tasks in all: the others are in report.json")
                        .append(" and junit.xml.</p>\n");
                break;
            }
            task(e.getKey(), e.getValue());
            shown += e.getValue().size();
        }
        b.append("</section>\n");
    }

    private void task(String taskId, List<AttemptResult> trials) {
        AttemptResult first = trials.get(0);
        Set<String> outcomes = new LinkedHashSet<>();
        trials.forEach(a -> outcomes.add(a.outcome().name()));
        String search = String.join(
                        " ",
                        taskId,
                        first.cluster(),
                        first.subfield(),
                        first.tier().id(),
                        String.join(" ", first.soc()),
                        String.join(
                                " ",
                                trials.stream()
                                        .map(a -> a.cause().name() + " " + Text.message(a))
                                        .toList()))
                .toLowerCase(Locale.ROOT);
        b.append("<details class=\"task\" data-outcomes=\"")
                .append(String.join(" ", outcomes))
                .append("\" data-search=\"")
                .append(escape(search))
                .append("\">\n<summary class=\"task-row\"><span class=\"task-id\" title=\"")
                .append(escape(taskId))
                .append("\">")
                .append(escape(taskId))
                .append("</span><span>")
                .append(escape(first.tier().id()))
                .append("</span><span title=\"")
                .append(escape(first.cluster()))
                .append("\">")
                .append(escape(first.cluster()))
                .append("</span><span class=\"badges\">");
        for (AttemptResult a : trials) {
            b.append("<span class=\"badge ")
                    .append(css(a.outcome()))
                    .append("\" title=\"trial ")
                    .append(a.trial())
                    .append(": ")
                    .append(a.outcome())
                    .append("\">")
                    .append(symbol(a.outcome()))
                    .append("</span>");
        }
        double mean = Text.meanScore(trials);
        b.append("</span><span class=\"scorecell\">").append(Text.score(mean));
        if (!Double.isNaN(mean)) {
            b.append(
                            "<svg viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"empty\" width=\"100\" height=\"8\"/>")
                    .append("<rect class=\"")
                    .append(mean >= 1 ? "pass" : "partial")
                    .append("\" width=\"")
                    .append(HtmlReport.num(100 * mean))
                    .append("\" height=\"8\"/></svg>");
        }
        String note = trials.stream()
                .filter(a -> a.outcome() != Outcome.PASSED)
                .map(a -> (Text.cause(a).isEmpty() ? "" : Text.cause(a) + ": ") + Text.oneLine(Text.message(a)))
                .findFirst()
                .orElse(Text.oneLine(Text.message(first)));
        b.append("</span><span class=\"note\" title=\"")
                .append(escape(note))
                .append("\">")
                .append(escape(note))
                .append("</span></summary>\n<div class=\"task-body\">");
        trials.forEach(this::trial);
        b.append("</div>\n</details>\n");
    }

    private void trial(AttemptResult a) {
        b.append("<div class=\"trial\"><div class=\"trial-head\"><strong>Trial ")
                .append(a.trial())
                .append("</strong>")
                .append("<span class=\"badge ")
                .append(css(a.outcome()))
                .append("\">")
                .append(a.outcome())
                .append("</span>");
        if (!Text.cause(a).isEmpty()) {
            b.append("<span>cause <code>").append(a.cause()).append("</code></span>");
        }
        if (a.scored()) {
            b.append("<span>score <strong>").append(Text.score(a.score())).append("</strong></span>");
        }
        b.append("<span class=\"muted\">")
                .append(Text.duration(a.duration()))
                .append(" · ")
                .append(a.sessionsRun())
                .append(a.sessionsRun() == 1 ? " session" : " sessions")
                .append(" · ")
                .append(a.steps())
                .append(a.steps() == 1 ? " step" : " steps");
        if (a.usage().inputTokens() + a.usage().outputTokens() > 0) {
            b.append(" · ")
                    .append(String.format(
                            Locale.ROOT,
                            "%,d",
                            a.usage().inputTokens() + a.usage().outputTokens()))
                    .append(" tokens");
        }
        if (a.usage().costUsd() > 0) {
            b.append(" · $").append(Text.fixed(a.usage().costUsd(), 4));
        }
        b.append("</span><span class=\"muted\">")
                .append(escape(a.subfield()))
                .append(" · SOC ")
                .append(escape(String.join(", ", a.soc())))
                .append("</span></div>");
        if (!a.message().isBlank()) {
            b.append("<p class=\"msg\">").append(escape(a.message().strip())).append("</p>");
        }
        b.append("<p>Verdict: ")
                .append(escape(
                        a.verdict().summary().isBlank()
                                ? "(no summary)"
                                : a.verdict().summary()));
        if (a.verdict().gateFailed()) {
            b.append(" <span class=\"badge fail\">gate failed</span>");
        }
        b.append("</p>");
        List<Check> checks = a.verdict().checks();
        if (!checks.isEmpty()) {
            b.append(
                            "<table class=\"checks\"><colgroup><col class=\"c-name\"><col class=\"c-num\"><col class=\"c-num\">")
                    .append(
                            "<col class=\"c-flag\"><col class=\"c-flag\"><col><col></colgroup><thead><tr><th>Check</th>")
                    .append(
                            "<th>Score</th><th>Weight</th><th>Gate</th><th>Passed</th><th>Expected</th><th>Actual</th></tr></thead><tbody>");
            checks.forEach(c -> check(c, 0));
            b.append("</tbody></table>");
        }
        b.append("</div>\n");
    }

    private void check(Check c, int depth) {
        b.append("<tr class=\"")
                .append(c.passed() ? "passed" : "failed")
                .append("\"><td class=\"name\" style=\"--d:")
                .append(depth)
                .append("\">");
        if (depth > 0) {
            b.append("<span class=\"branch\">└</span>");
        }
        b.append(escape(c.name()))
                .append("</td><td>")
                .append(Text.score(c.score()))
                .append("</td><td>")
                .append(Text.weight(c.weight()))
                .append("</td><td>")
                .append(c.gate() ? "gate" : "")
                .append("</td><td>")
                .append(c.passed() ? "<span class=\"yes\">✓</span>" : "<span class=\"no\">✗</span>")
                .append("</td><td class=\"exp\">")
                .append(escape(c.expected()))
                .append("</td><td class=\"act\">")
                .append(escape(c.actual()))
                .append("</td></tr>");
        c.children().forEach(child -> check(child, depth + 1));
    }

    private static String css(Outcome o) {
        return switch (o) {
            case PASSED -> "pass";
            case FAILED -> "fail";
            case ERROR -> "error";
        };
    }

    private static String symbol(Outcome o) {
        return switch (o) {
            case PASSED -> "✓";
            case FAILED -> "✗";
            case ERROR -> "!";
        };
    }
}
