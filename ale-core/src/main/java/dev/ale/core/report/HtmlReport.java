package dev.ale.core.report;

import static dev.ale.core.report.Text.escape;

import dev.ale.api.Outcome;
import dev.ale.api.task.PackRef;
import dev.ale.core.AttemptResult;
import dev.ale.core.Breakdown;
import dev.ale.core.EvaluationReport;
import dev.ale.core.NotRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * {@code report.html}: one self-contained page (inline CSS, a little inline script, charts as
 * inline SVG, no network; a Content-Security-Policy forbids any fetch and any script but its own).
 * Every value from packs and agents is escaped. The task table works without script.
 */
final class HtmlReport {
    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "script-src 'sha256-" + sha256(JS) + "'; base-uri 'none'; form-action 'none'";

    private final EvaluationReport r;
    private final StringBuilder b = new StringBuilder(64 * 1024);

    private HtmlReport(EvaluationReport r) {
        this.r = r;
    }

    static String render(EvaluationReport r) {
        return new HtmlReport(r).build();
    }

    private String build() {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(CSP)
                .append("\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<title>")
                .append(escape("ALE report · " + Text.packs(r) + " · " + r.harness()))
                .append("</title>\n")
                .append("<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<div class=\"wrap\">\n");
        header();
        kpis();
        notices();
        charts();
        breakdowns();
        HtmlTasks.render(b, r);
        footer();
        b.append("</div>\n<script>").append(JS).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private void header() {
        b.append("<header class=\"top\"><div class=\"eyebrow\">ALE evaluation report</div>\n<h1>")
                .append(escape(Text.packs(r)))
                .append(" <span class=\"muted\">·</span> ")
                .append(escape(r.harness()))
                .append("</h1>\n<dl class=\"meta\">");
        meta("sandbox", r.sandbox());
        meta("trials", Integer.toString(r.trials()));
        meta("started", Text.instant(r.startedAt()));
        meta("duration", Text.duration(r.duration()));
        if (!r.shard().equals("0/1")) {
            meta("shard", r.shard());
        }
        for (PackRef p : r.packs()) {
            meta("pack digest", p.name() + " " + Text.shortDigest(p));
        }
        b.append("</dl></header>\n");
    }

    private void meta(String name, String value) {
        b.append("<div><dt>")
                .append(escape(name))
                .append("</dt><dd>")
                .append(escape(value))
                .append("</dd></div>");
    }

    private void kpis() {
        int passed = r.count(Outcome.PASSED);
        int failed = r.count(Outcome.FAILED);
        int errors = r.count(Outcome.ERROR);
        b.append(
                        "<section class=\"kpis\">\n<div class=\"card kpi primary\"><div class=\"kpi-label\">Full pass rate</div>")
                .append("<div class=\"kpi-value\">")
                .append(Text.percent(r.fullPassRate().value()))
                .append("</div>")
                .append("<div class=\"kpi-sub\">95% interval ")
                .append(Text.percentInterval(r.fullPassRate()))
                .append(" · ")
                .append(passed)
                .append(" of ")
                .append(passed + failed)
                .append(" scored attempts</div>");
        intervalStrip(
                r.fullPassRate().isEmpty() ? Double.NaN : r.fullPassRate().value(),
                r.fullPassRate().low(),
                r.fullPassRate().high());
        b.append("</div>\n<div class=\"card kpi\"><div class=\"kpi-label\">Mean score</div><div class=\"kpi-value\">")
                .append(Text.score(r.meanScore().value()))
                .append("</div><div class=\"kpi-sub\">95% interval ")
                .append(Text.scoreInterval(r.meanScore()))
                .append(" · partial credit, beside the pass rate</div>");
        intervalStrip(r.meanScore().value(), r.meanScore().low(), r.meanScore().high());
        b.append("</div>\n<div class=\"card kpi\"><div class=\"kpi-label\">Outcomes</div><div class=\"kpi-value\">")
                .append(r.attempts().size())
                .append(" <span class=\"kpi-sub\">attempts</span></div>");
        outcomeStrip(passed, failed, errors);
        b.append("<div class=\"legend\"><span><i class=\"dot pass\"></i>")
                .append(passed)
                .append(" passed</span>")
                .append("<span><i class=\"dot fail\"></i>")
                .append(failed)
                .append(" failed</span>")
                .append("<span><i class=\"dot error\"></i>")
                .append(Text.count(errors, "error"))
                .append("</span></div></div>\n");
        if (r.trials() > 1) {
            b.append("<div class=\"card kpi\"><div class=\"kpi-label\">Across ")
                    .append(r.trials())
                    .append(" trials</div><table class=\"mini\"><tr><th>k</th>");
            for (int k = 1; k <= r.trials(); k++) {
                b.append("<th>").append(k).append("</th>");
            }
            b.append("</tr><tr><td>pass@k</td>");
            for (int k = 1; k <= r.trials(); k++) {
                b.append("<td>").append(Text.percent(r.passAtK(k))).append("</td>");
            }
            b.append("</tr><tr><td>pass^k</td>");
            for (int k = 1; k <= r.trials(); k++) {
                b.append("<td>").append(Text.percent(r.passHatK(k))).append("</td>");
            }
            b.append("</tr></table><div class=\"kpi-sub\">flip share ")
                    .append(Text.percent(r.flipShare()))
                    .append(" of tasks ended differently across trials</div></div>\n");
        }
        b.append("</section>\n");
    }

    /** A thin strip: the value as a filled bar, the 95% interval as a band across it. */
    private void intervalStrip(double value, double low, double high) {
        if (Double.isNaN(value)) {
            return;
        }
        b.append("<svg class=\"strip\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" aria-hidden=\"true\">")
                .append("<rect class=\"empty\" width=\"100\" height=\"6\"/><rect class=\"strip-value\" width=\"")
                .append(num(100 * value))
                .append("\" height=\"6\"/><rect class=\"strip-ci\" x=\"")
                .append(num(100 * low))
                .append("\" width=\"")
                .append(num(Math.max(0.6, 100 * (high - low))))
                .append("\" y=\"2\" height=\"2\"/></svg>");
    }

    private void outcomeStrip(int passed, int failed, int errors) {
        int total = passed + failed + errors;
        b.append("<svg class=\"strip\" viewBox=\"0 0 100 4\" preserveAspectRatio=\"none\" aria-hidden=\"true\">");
        if (total == 0) {
            b.append("<rect class=\"empty\" width=\"100\" height=\"4\"/>");
        } else {
            double x = 0;
            int[] counts = {passed, failed, errors};
            String[] classes = {"pass", "fail", "error"};
            for (int i = 0; i < 3; i++) {
                double w = 100.0 * counts[i] / total;
                b.append("<rect class=\"")
                        .append(classes[i])
                        .append("\" x=\"")
                        .append(num(x))
                        .append("\" width=\"")
                        .append(num(w))
                        .append("\" height=\"4\"/>");
                x += w;
            }
        }
        b.append("</svg>");
    }

    private void notices() {
        if (r.partial()) {
            b.append("<section class=\"notice\"><h2>Partial run: ")
                    .append(r.notRun().size())
                    .append(
                            " planned attempts did not run</h2><p>Running the same run directory again runs them.</p><ul>");
            for (NotRun n : r.notRun()) {
                trialItem(n.taskId(), n.trial(), "", n.reason());
            }
            b.append("</ul></section>\n");
        }
        List<AttemptResult> errors = r.errors();
        if (!errors.isEmpty()) {
            b.append("<section class=\"notice errors\"><h2>")
                    .append(Text.infrastructureErrors(errors.size()))
                    .append("</h2>")
                    .append("<p>They are left out of the rates (not counted as zeros).</p><ul>");
            for (AttemptResult a : errors) {
                trialItem(a.taskId(), a.trial(), " · " + a.cause(), Text.message(a));
            }
            b.append("</ul></section>\n");
        }
        if (!r.warnings().isEmpty() || !r.superseded().isEmpty()) {
            b.append("<section class=\"notice\"><h2>Warnings</h2><ul>");
            r.warnings().forEach(w -> b.append("<li>").append(escape(w)).append("</li>"));
            if (!r.superseded().isEmpty()) {
                b.append("<li>")
                        .append(r.superseded().size())
                        .append(
                                " earlier results of tasks whose content changed are kept apart (superseded), not counted.</li>");
            }
            b.append("</ul></section>\n");
        }
    }

    private void charts() {
        b.append("<section class=\"charts")
                .append(r.byCluster().size() > r.byTier().size() + 3 ? " tall" : "")
                .append("\">\n");
        String bars = "Bars: full pass rate; whiskers: 95% Wilson interval; n: scored attempts.";
        chart(
                "cluster",
                "Full pass rate by industry cluster",
                SvgCharts.rateBars("Full pass rate by industry cluster", r.byCluster()),
                bars);
        chart("tier", "Full pass rate by tier", SvgCharts.rateBars("Full pass rate by tier", r.byTier()), bars);
        chart(
                "hist",
                "Score distribution",
                SvgCharts.scoreHistogram(r.attempts()),
                "Green: passed, red: failed; attempts that ended in ERROR are not scored.");
        b.append("</section>\n");
    }

    private void chart(String area, String title, String svg, String caption) {
        b.append("<figure class=\"card c-")
                .append(area)
                .append("\"><h2>")
                .append(escape(title))
                .append("</h2>")
                .append(svg)
                .append("<figcaption>")
                .append(escape(caption))
                .append("</figcaption></figure>\n");
    }

    private void breakdowns() {
        b.append("<section class=\"breakdowns\">\n");
        table("By tier", "Tier", r.byTier(), k -> "");
        table("By industry cluster", "Cluster", r.byCluster(), k -> "");
        table("By subfield", "Subfield", r.bySubfield(), Labels::subfield);
        table("By SOC major group", "SOC group", r.bySocMajorGroup(), Labels::socMajorGroup);
        b.append("</section>\n");
    }

    private void table(String title, String key, List<Breakdown> rows, Function<String, String> titleOf) {
        b.append("<div class=\"card\"><h2>")
                .append(title)
                .append("</h2><table class=\"data\"><thead><tr><th>")
                .append(key)
                .append("</th><th class=\"num\">Scored</th><th class=\"num\">Passed</th>")
                .append("<th class=\"num\">Errors</th><th class=\"num\">Full pass</th>")
                .append("<th class=\"num\">Mean score</th></tr></thead><tbody>");
        for (Breakdown row : rows) {
            String sub = titleOf.apply(row.key());
            b.append("<tr><td class=\"key\">").append(escape(row.key().isEmpty() ? "(none)" : row.key()));
            if (!sub.isEmpty()) {
                b.append("<div class=\"sub\">").append(escape(sub)).append("</div>");
            }
            b.append("</td><td class=\"num\">")
                    .append(row.n())
                    .append("</td><td class=\"num\">")
                    .append(row.passed())
                    .append("</td><td class=\"num\">")
                    .append(row.errors())
                    .append("</td><td class=\"num\"><strong>")
                    .append(Text.percent(row.fullPassRate().value()))
                    .append("</strong><div class=\"sub\">")
                    .append(Text.percentInterval(row.fullPassRate()))
                    .append("</div></td><td class=\"num\">")
                    .append(Text.score(row.meanScore().value()))
                    .append("</td></tr>");
        }
        b.append("</tbody></table></div>\n");
    }

    private void footer() {
        b.append("<footer>");
        for (PackRef p : r.packs()) {
            b.append("<p>Pack ")
                    .append(escape(p.name() + "@" + p.version()))
                    .append(" digest <code>")
                    .append(escape(p.digest()))
                    .append("</code></p>");
        }
        b.append("<p>Full pass rate: passed / scored attempts with a Wilson 95% interval. Mean score: mean over tasks ")
                .append("of each task's mean score, percentile bootstrap 95% interval (2,000 resamples of tasks, seed ")
                .append(r.seed())
                .append(").</p></footer>\n");
    }

    /** A list item about one trial of a task: {@code <li><code>task</code> trial n<detail>: text</li>}. */
    private void trialItem(String taskId, int trial, String detail, String text) {
        b.append("<li><code>")
                .append(escape(taskId))
                .append("</code> trial ")
                .append(trial)
                .append(detail)
                .append(": ")
                .append(escape(text))
                .append("</li>");
    }

    static String num(double v) {
        return Text.fixed(v, 2);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "resource dev/ale/core/report/" + name + " is missing from the ale-core jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
