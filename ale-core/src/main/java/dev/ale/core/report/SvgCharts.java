package dev.ale.core.report;

import dev.ale.api.Outcome;
import dev.ale.core.AttemptResult;
import dev.ale.core.Breakdown;
import java.util.List;
import java.util.Locale;

/**
 * The charts of {@code report.html}, drawn as inline SVG (no script, no network): horizontal bars
 * of the full pass rate with 95% interval whiskers, and a histogram of attempt scores. Colours come
 * from CSS classes, so the page's light and dark themes apply.
 */
final class SvgCharts {
    static final int WIDTH = 540;
    private static final int LABEL_RIGHT = 150;
    private static final int PLOT_LEFT = 160;
    private static final int PLOT_WIDTH = 270;
    private static final int ROW = 28;
    private static final int TOP = 22;
    private static final int LABEL_CHARS = 22;

    private SvgCharts() {}

    /** Full pass rate per row as a bar, its Wilson interval as a whisker, the rate and n on the right. */
    static String rateBars(String title, List<Breakdown> rows) {
        int height = TOP + rows.size() * ROW + 6;
        StringBuilder s = open(title, height);
        for (int t = 0; t <= 4; t++) {
            double x = PLOT_LEFT + PLOT_WIDTH * t / 4.0;
            s.append("<line class=\"grid\" x1=\"")
                    .append(n(x))
                    .append("\" y1=\"")
                    .append(TOP - 4)
                    .append("\" x2=\"")
                    .append(n(x))
                    .append("\" y2=\"")
                    .append(height - 4)
                    .append("\"/>");
            s.append("<text class=\"tick\" x=\"")
                    .append(n(x))
                    .append("\" y=\"")
                    .append(TOP - 8)
                    .append("\" text-anchor=\"middle\">")
                    .append(25 * t)
                    .append("%</text>");
        }
        for (int i = 0; i < rows.size(); i++) {
            Breakdown row = rows.get(i);
            int y = TOP + i * ROW;
            double mid = y + ROW / 2.0;
            String key = row.key().isEmpty() ? "(none)" : row.key();
            s.append("<g><title>")
                    .append(Text.escape(key + ": full pass rate "
                            + Text.percent(row.fullPassRate().value())
                            + ", 95% interval " + Text.percentInterval(row.fullPassRate()) + "; " + row.passed()
                            + " of " + row.n()
                            + " scored attempts passed, " + Text.count(row.errors(), "error")))
                    .append("</title>");
            s.append("<text class=\"label\" x=\"")
                    .append(LABEL_RIGHT)
                    .append("\" y=\"")
                    .append(n(mid + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(Text.escape(shorten(key)))
                    .append("</text>");
            s.append("<rect class=\"track\" x=\"")
                    .append(PLOT_LEFT)
                    .append("\" y=\"")
                    .append(n(mid - 7))
                    .append("\" width=\"")
                    .append(PLOT_WIDTH)
                    .append("\" height=\"14\" rx=\"3\"/>");
            if (!row.fullPassRate().isEmpty()) {
                double v = row.fullPassRate().value();
                double lo = PLOT_LEFT + PLOT_WIDTH * row.fullPassRate().low();
                double hi = PLOT_LEFT + PLOT_WIDTH * row.fullPassRate().high();
                s.append("<rect class=\"bar\" x=\"")
                        .append(PLOT_LEFT)
                        .append("\" y=\"")
                        .append(n(mid - 7))
                        .append("\" width=\"")
                        .append(n(PLOT_WIDTH * v))
                        .append("\" height=\"14\" rx=\"3\"/>");
                s.append(String.format(
                        Locale.ROOT,
                        "<path class=\"whisker\" d=\"M%s %sH%sM%s %sv10M%s %sv10\"/>",
                        n(lo),
                        n(mid),
                        n(hi),
                        n(lo),
                        n(mid - 5),
                        n(hi),
                        n(mid - 5)));
            }
            s.append("<text class=\"value\" x=\"")
                    .append(PLOT_LEFT + PLOT_WIDTH + 10)
                    .append("\" y=\"")
                    .append(n(mid + 4))
                    .append("\">")
                    .append(Text.percent(row.fullPassRate().value()))
                    .append("<tspan class=\"muted\" dx=\"6\">n=")
                    .append(row.n())
                    .append("</tspan></text></g>");
        }
        return s.append("</svg>").toString();
    }

    /**
     * Scored attempts by score, in ten bins of 0.1 ([0, 0.1) … [0.9, 1)) and one for a score of
     * exactly 1, each bar split into passed and failed attempts.
     */
    static String scoreHistogram(List<AttemptResult> attempts) {
        int[] passed = new int[11];
        int[] failed = new int[11];
        for (AttemptResult a : attempts) {
            if (a.outcome() == Outcome.ERROR) {
                continue;
            }
            int bin = a.score() >= 1 ? 10 : Math.min(9, (int) Math.floor(a.score() * 10));
            (a.outcome() == Outcome.PASSED ? passed : failed)[bin]++;
        }
        int max = 1;
        for (int i = 0; i < 11; i++) {
            max = Math.max(max, passed[i] + failed[i]);
        }
        int step = Math.max(1, (int) Math.ceil(max / 4.0));
        int top = step * (int) Math.ceil((double) max / step);
        int left = 44;
        int plotTop = 12;
        int plotHeight = 150;
        int bottom = plotTop + plotHeight;
        int height = bottom + 40;
        double slot = (WIDTH - left - 10) / 11.0;
        StringBuilder s = open("Distribution of attempt scores", height);
        for (int v = 0; v <= top; v += step) {
            double y = bottom - plotHeight * (double) v / top;
            s.append("<line class=\"grid\" x1=\"")
                    .append(left)
                    .append("\" y1=\"")
                    .append(n(y))
                    .append("\" x2=\"")
                    .append(WIDTH - 10)
                    .append("\" y2=\"")
                    .append(n(y))
                    .append("\"/>");
            s.append("<text class=\"tick\" x=\"")
                    .append(left - 8)
                    .append("\" y=\"")
                    .append(n(y + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(v)
                    .append("</text>");
        }
        for (int i = 0; i < 11; i++) {
            double x = left + i * slot + 4;
            double w = slot - 8;
            double hFail = plotHeight * (double) failed[i] / top;
            double hPass = plotHeight * (double) passed[i] / top;
            String range =
                    i == 10 ? "score 1" : String.format(Locale.ROOT, "score %.1f to %.1f", i / 10.0, (i + 1) / 10.0);
            s.append("<g><title>")
                    .append(range)
                    .append(": ")
                    .append(passed[i])
                    .append(" passed, ")
                    .append(failed[i])
                    .append(" failed</title>");
            s.append("<rect class=\"fail\" x=\"")
                    .append(n(x))
                    .append("\" y=\"")
                    .append(n(bottom - hFail))
                    .append("\" width=\"")
                    .append(n(w))
                    .append("\" height=\"")
                    .append(n(hFail))
                    .append("\"/>");
            s.append("<rect class=\"pass\" x=\"")
                    .append(n(x))
                    .append("\" y=\"")
                    .append(n(bottom - hFail - hPass))
                    .append("\" width=\"")
                    .append(n(w))
                    .append("\" height=\"")
                    .append(n(hPass))
                    .append("\"/>");
            int count = passed[i] + failed[i];
            if (count > 0) {
                s.append("<text class=\"value\" x=\"")
                        .append(n(x + w / 2))
                        .append("\" y=\"")
                        .append(n(bottom - hFail - hPass - 4))
                        .append("\" text-anchor=\"middle\">")
                        .append(count)
                        .append("</text>");
            }
            String label = i == 10 ? "1" : String.format(Locale.ROOT, "%.1f", i / 10.0);
            s.append("<text class=\"tick\" x=\"")
                    .append(n(i == 10 ? x + w / 2 : x - 4))
                    .append("\" y=\"")
                    .append(bottom + 16)
                    .append("\" text-anchor=\"middle\">")
                    .append(label)
                    .append("</text></g>");
        }
        s.append("<line class=\"axis\" x1=\"")
                .append(left)
                .append("\" y1=\"")
                .append(bottom)
                .append("\" x2=\"")
                .append(WIDTH - 10)
                .append("\" y2=\"")
                .append(bottom)
                .append("\"/>");
        s.append("<text class=\"tick\" x=\"")
                .append(left)
                .append("\" y=\"")
                .append(bottom + 34)
                .append("\">score (bins of 0.1; the last bar is a score of exactly 1)</text>");
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int height) {
        return new StringBuilder("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Text.escape(title))
                .append("\"><title>")
                .append(Text.escape(title))
                .append("</title>");
    }

    private static String shorten(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
    }

    private static String n(double v) {
        return Text.fixed(v, 1);
    }
}
