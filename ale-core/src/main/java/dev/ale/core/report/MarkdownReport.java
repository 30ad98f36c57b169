package dev.ale.core.report;

import dev.ale.api.Outcome;
import dev.ale.api.task.PackRef;
import dev.ale.core.AttemptResult;
import dev.ale.core.Breakdown;
import dev.ale.core.EvaluationReport;
import dev.ale.core.NotRun;
import java.util.List;
import java.util.function.Function;

/** {@code report.md}: the headline, the breakdowns and every attempt, as GitHub-flavoured Markdown. */
final class MarkdownReport {
    private final EvaluationReport r;
    private final StringBuilder b = new StringBuilder();

    private MarkdownReport(EvaluationReport r) {
        this.r = r;
    }

    static String render(EvaluationReport r) {
        return new MarkdownReport(r).build();
    }

    private String build() {
        b.append("# ALE evaluation report\n\n");
        about();
        headline();
        notices();
        breakdown("By tier", "tier", r.byTier(), k -> "");
        breakdown("By industry cluster", "cluster", r.byCluster(), k -> "");
        breakdown("By subfield", "subfield", r.bySubfield(), Labels::subfield);
        breakdown("By SOC major group", "SOC major group", r.bySocMajorGroup(), Labels::socMajorGroup);
        attempts();
        return b.toString();
    }

    private void about() {
        row("| | |", "|---|---|");
        for (PackRef p : r.packs()) {
            row("| pack | " + cell(p.name() + "@" + p.version()) + " (digest `" + cell(Text.shortDigest(p)) + "`) |");
        }
        row("| harness | " + cell(r.harness()) + " |", "| sandbox | " + cell(r.sandbox()) + " |");
        row(
                "| trials | " + r.trials() + " |",
                "| started | " + Text.instant(r.startedAt()) + " |",
                "| duration | " + Text.duration(r.duration()) + " |");
        if (!r.shard().equals("0/1")) {
            row("| shard | " + r.shard() + " |");
        }
        row("| bootstrap seed | " + r.seed() + " |");
        b.append('\n');
    }

    private void headline() {
        b.append("## Headline\n\n");
        int scored = r.count(Outcome.PASSED) + r.count(Outcome.FAILED);
        b.append("- **Full pass rate: ")
                .append(Text.percent(r.fullPassRate().value()))
                .append("** (95% interval ")
                .append(Text.percentInterval(r.fullPassRate()))
                .append("), ")
                .append(r.count(Outcome.PASSED))
                .append(" of ")
                .append(scored)
                .append(" scored attempts\n");
        b.append("- Mean score: ")
                .append(Text.score(r.meanScore().value()))
                .append(" (95% interval ")
                .append(Text.scoreInterval(r.meanScore()))
                .append("), beside the full pass rate, never instead of it\n");
        b.append("- Outcomes: ")
                .append(r.count(Outcome.PASSED))
                .append(" passed, ")
                .append(r.count(Outcome.FAILED))
                .append(" failed, ")
                .append(Text.count(r.count(Outcome.ERROR), "error"))
                .append(" (")
                .append(Text.count(r.attempts().size(), "attempt"))
                .append(")\n\n");
        if (r.trials() > 1) {
            StringBuilder head = new StringBuilder("| k |");
            StringBuilder rule = new StringBuilder("|---|");
            StringBuilder at = new StringBuilder("| pass@k |");
            StringBuilder hat = new StringBuilder("| pass^k |");
            for (int k = 1; k <= r.trials(); k++) {
                head.append(' ').append(k).append(" |");
                rule.append("---:|");
                at.append(' ').append(Text.percent(r.passAtK(k))).append(" |");
                hat.append(' ').append(Text.percent(r.passHatK(k))).append(" |");
            }
            row(head.toString(), rule.toString(), at.toString(), hat.toString());
            b.append("\nFlip share (tasks whose trials did not all end alike): ")
                    .append(Text.percent(r.flipShare()))
                    .append("\n\n");
        }
    }

    private void notices() {
        if (r.partial()) {
            b.append("> **Partial run:** ")
                    .append(r.notRun().size())
                    .append(" planned attempts did not run; running the same run directory again runs them.\n\n");
            row("| task | trial | reason |", "|---|---:|---|");
            for (NotRun n : r.notRun()) {
                row("| " + cell(n.taskId()) + " | " + n.trial() + " | " + cell(n.reason()) + " |");
            }
            b.append('\n');
        }
        List<AttemptResult> errors = r.errors();
        if (!errors.isEmpty()) {
            b.append("## Errors\n\n")
                    .append(Text.infrastructureErrors(errors.size()))
                    .append("; ")
                    .append(errors.size() == 1 ? "it is" : "they are")
                    .append(" left out of the rates.\n\n");
            row("| task | trial | cause | message |", "|---|---:|---|---|");
            for (AttemptResult a : errors) {
                row("| " + cell(a.taskId()) + " | " + a.trial() + " | " + a.cause() + " | " + cell(Text.message(a))
                        + " |");
            }
            b.append('\n');
        }
        if (!r.superseded().isEmpty()) {
            b.append("> ")
                    .append(r.superseded().size())
                    .append(
                            " earlier results of tasks whose content has changed are kept apart (superseded), not counted.\n\n");
        }
        if (!r.warnings().isEmpty()) {
            b.append("## Warnings\n\n");
            r.warnings().forEach(w -> b.append("- ").append(cell(w)).append('\n'));
            b.append('\n');
        }
    }

    private void breakdown(String title, String keyName, List<Breakdown> rows, Function<String, String> titleOf) {
        if (rows.isEmpty()) {
            return;
        }
        b.append("## ").append(title).append("\n\n");
        row(
                "| " + keyName + " | scored | passed | errors | full pass rate | 95% interval | mean score |",
                "|---|---:|---:|---:|---:|---|---:|");
        for (Breakdown row : rows) {
            String label = row.key().isEmpty() ? "(none)" : row.key();
            String sub = titleOf.apply(row.key());
            row("| " + cell(sub.isEmpty() ? label : label + " (" + sub + ")") + " | " + row.n() + " | " + row.passed()
                    + " | "
                    + row.errors() + " | " + Text.percent(row.fullPassRate().value()) + " | "
                    + Text.percentInterval(row.fullPassRate()) + " | "
                    + Text.score(row.meanScore().value()) + " |");
        }
        b.append('\n');
    }

    private void attempts() {
        b.append("## Attempts\n\n");
        row("| task | trial | outcome | cause | score | duration | message |", "|---|---:|---|---|---:|---:|---|");
        int shown = 0;
        for (AttemptResult a : r.attempts()) {
            if (shown++ == Text.DETAIL_LIMIT) {
                b.append("\n")
                        .append(r.attempts().size() - Text.DETAIL_LIMIT)
                        .append(" more attempts are in report.json and junit.xml.\n");
                break;
            }
            String score = a.outcome() == Outcome.ERROR ? "–" : Text.score(a.score());
            row("| " + cell(a.taskId()) + " | " + a.trial() + " | " + a.outcome() + " | " + Text.cause(a) + " | "
                    + score + " | " + Text.duration(a.duration()) + " | " + cell(Text.message(a)) + " |");
        }
    }

    private void row(String... lines) {
        for (String line : lines) {
            b.append(line).append('\n');
        }
    }

    /**
     * A value made safe for one Markdown table cell: line breaks become spaces, a pipe cannot end
     * the cell, and characters that would start markup (HTML, code, emphasis, links) are escaped
     * with a backslash, so text from packs and agents always shows as written.
     */
    static String cell(String s) {
        String text = Text.oneLine(s);
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '|', '`', '*', '<', '>', '[', ']', '~', '&' -> out.append('\\')
                        .append(c);
                case '_' -> {
                    boolean intraword = i > 0
                            && i + 1 < text.length()
                            && Character.isLetterOrDigit(text.charAt(i - 1))
                            && Character.isLetterOrDigit(text.charAt(i + 1));
                    out.append(intraword ? "_" : "\\_");
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
