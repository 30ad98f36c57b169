package dev.ale.core.report;

import dev.ale.core.EvaluationReport;
import dev.ale.core.ReportFixtures;

/** The reports the format tests share, built once (each is a real run through the Evaluator). */
final class ReportTestSupport {
    private ReportTestSupport() {}

    private static final class Holder {
        static final EvaluationReport MIXED = ReportFixtures.mixed(null);
        static final EvaluationReport PARTIAL = ReportFixtures.partial();
    }

    /** 4 tasks x 2 trials: 1 passed, 5 failed, 2 errors; hostile text in a message, a check and a subfield. */
    static EvaluationReport mixed() {
        return Holder.MIXED;
    }

    /** 3 tasks x 1 trial, stopped by its cost cap after the first attempt: 2 not run. */
    static EvaluationReport partial() {
        return Holder.PARTIAL;
    }
}
