package dev.ale.core.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.core.Breakdown;
import dev.ale.core.Estimate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bar chart draws each interval where it lies; the histogram bins scores, with 1 on its own. */
class SvgChartsTest {
    @Test
    void barAndWhiskerFollowTheEstimate() {
        Breakdown row = new Breakdown("legal", 4, 2, 0, new Estimate(0.5, 0.25, 0.75), new Estimate(0.6, 0.6, 0.6));
        String svg = SvgCharts.rateBars("t", List.of(row));
        // plot from x=160, 270 wide: the bar ends at 160 + 135, the whisker runs 227.5 to 362.5
        assertTrue(svg.contains("<rect class=\"bar\" x=\"160\" y=\"29.0\" width=\"135.0\""), svg);
        assertTrue(svg.contains("<path class=\"whisker\" d=\"M227.5 36.0H362.5"), svg);
        assertTrue(svg.contains(">50.0%<tspan"), svg);
    }

    @Test
    void aRowWithNothingScoredHasNoBar() {
        Breakdown row = new Breakdown("x", 0, 0, 3, Estimate.EMPTY, Estimate.EMPTY);
        String svg = SvgCharts.rateBars("t", List.of(row));
        assertFalse(svg.contains("class=\"bar\""), svg);
        assertTrue(svg.contains(">n/a<tspan"), svg);
    }

    @Test
    void histogramKeepsFullScoresApartAndLeavesErrorsOut() {
        String svg = SvgCharts.scoreHistogram(ReportTestSupport.mixed().attempts());
        assertTrue(svg.contains("<title>score 1: 1 passed, 0 failed</title>"), svg);
        assertTrue(svg.contains("<title>score 0.7 to 0.8: 0 passed, 1 failed</title>"), svg);
        assertTrue(svg.contains("<title>score 0.0 to 0.1: 0 passed, 4 failed</title>"), "the 2 errors are not zeros");
    }

    @Test
    void longLabelsAreShortenedButKeptWholeInTheTooltip() {
        String key = "a_very_long_subfield_name_indeed";
        Breakdown row = new Breakdown(key, 1, 1, 0, new Estimate(1, 0.2, 1), new Estimate(1, 1, 1));
        String svg = SvgCharts.rateBars("t", List.of(row));
        assertTrue(svg.contains(">a_very_long_subfield_…</text>"), svg);
        assertTrue(svg.contains("<title>" + key + ": full pass rate 100.0%"), svg);
    }
}
