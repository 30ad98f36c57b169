package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.samples.packgen.Formats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * {@code survey-weighting}: a two-session survey weighting task. Session 1 rakes a household
 * survey to census margins of region, age group and sex and reports weighted estimates; session 2
 * brings a reviewer's comments: revised margins, education as a fourth raking dimension, and
 * employment rates by region. Only the final weights and estimates are graded.
 */
final class SurveyWeightingTask {
    static final String ID = "survey-weighting";
    static final String[][] DIMENSIONS = Catalogs.table(ID, "DIMENSIONS");
    private static final int RESPONDENTS = 420;

    private SurveyWeightingTask() {}

    static void generate(StarterTask task, Random random) {
        String[][] people = new String[RESPONDENTS][];
        double[] employed = new double[RESPONDENTS];
        double[] income = new double[RESPONDENTS];
        Table respondents = new Table("respondent_id,region,age_group,sex,education,employed,monthly_income");
        for (int i = 0; i < RESPONDENTS; i++) {
            String region = pick(random, DIMENSIONS[0], 0.22, 0.31, 0.27);
            String age = pick(random, DIMENSIONS[1], 0.2, 0.34);
            String sex = pick(random, DIMENSIONS[2], 0.58);
            String education = pick(random, DIMENSIONS[3], 0.45);
            people[i] = new String[] {region, age, sex, education};
            double pEmployed = (age.equals("55+") ? 0.45 : 0.78) + (education.equals("DEGREE") ? 0.1 : 0);
            employed[i] = random.nextDouble() < pEmployed ? 1 : 0;
            income[i] = employed[i] == 0
                    ? 400 + 50 * random.nextInt(20)
                    : 50
                            * Math.round((2200
                                            + (education.equals("DEGREE") ? 1900 : 0)
                                            + (region.equals("WEST") ? 500 : 0)
                                            + 1400 * random.nextGaussian())
                                    / 50);
            income[i] = Math.max(0, income[i]);
            respondents.row("P" + (10001 + i), region, age, sex, education, (int) employed[i], (long) income[i]);
        }
        double[][] first = {{612000, 804000, 566000, 468000}, {736000, 858000, 856000}, {1235000, 1215000}};
        double[][] revised = {
            {618500, 809200, 561300, 471000}, {731900, 866400, 861700}, {1238200, 1221800}, {1617700, 842300}
        };
        Table margins = margins(first);
        Table revisedMargins = margins(revised);
        double[] weights = Raking.rake(people, revised);
        Table weightTable = new Table("respondent_id,weight");
        for (int i = 0; i < RESPONDENTS; i++) {
            weightTable.row("P" + (10001 + i), Dec.of(weights[i], 2));
        }
        ObjectNode estimates = estimates(people, weights, employed, income);
        task.input("respondents.csv", respondents);
        task.input("population_margins.csv", margins);
        task.later(2, "population_margins_revised.csv", revisedMargins);
        task.later(2, "review-comments.md", review());
        task.csv("weights.csv", weightTable, "respondent_id")
                .rows("respondent weights", 4, columns().num(0.05, "weight"));
        task.json("estimates.json", estimates)
                .number("population total", 1, "/population_total", 0)
                .number("employment rate", 1, "/employment_rate_pct", 0.05)
                .number("mean income", 1, "/mean_monthly_income", 0.05)
                .number("effective sample size", 1, "/effective_sample_size", 0.5)
                .fieldsAt(
                        "employment by region",
                        2,
                        0.05,
                        "/employment_rate_pct_by_region/NORTH",
                        "/employment_rate_pct_by_region/SOUTH",
                        "/employment_rate_pct_by_region/EAST",
                        "/employment_rate_pct_by_region/WEST");
        task.instructions(first(weightTable), second());
    }

    private static String pick(Random random, String[] dimension, double... shares) {
        double roll = random.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            roll -= shares[i];
            if (roll < 0) {
                return dimension[i + 1];
            }
        }
        return dimension[dimension.length - 1];
    }

    private static Table margins(double[][] totals) {
        Table t = new Table("dimension,category,population");
        for (int d = 0; d < totals.length; d++) {
            for (int c = 0; c < totals[d].length; c++) {
                t.row(DIMENSIONS[d][0], DIMENSIONS[d][c + 1], (long) totals[d][c]);
            }
        }
        return t;
    }

    private static ObjectNode estimates(String[][] people, double[] w, double[] employed, double[] income) {
        double total = 0;
        double squares = 0;
        double work = 0;
        double money = 0;
        Map<String, double[]> byRegion = new LinkedHashMap<>();
        for (int r = 1; r < DIMENSIONS[0].length; r++) {
            byRegion.put(DIMENSIONS[0][r], new double[2]);
        }
        for (int i = 0; i < w.length; i++) {
            total += w[i];
            squares += w[i] * w[i];
            work += w[i] * employed[i];
            money += w[i] * income[i];
            byRegion.get(people[i][0])[0] += w[i];
            byRegion.get(people[i][0])[1] += w[i] * employed[i];
        }
        ObjectNode o = Formats.object();
        o.set("population_total", Formats.number(Dec.of(total, 0)));
        o.set("employment_rate_pct", Formats.number(Dec.of(100 * work / total, 2)));
        o.set("mean_monthly_income", Formats.number(Dec.of(money / total, 2)));
        o.set("effective_sample_size", Formats.number(Dec.of(total * total / squares, 1)));
        ObjectNode regions = o.putObject("employment_rate_pct_by_region");
        byRegion.forEach((k, v) -> regions.set(k, Formats.number(Dec.of(100 * v[1] / v[0], 2))));
        return o;
    }

    private static String first(Table weights) {
        return """
                You are a survey statistician at a regional statistics office. Weight the 2025 household \
                labour survey so that it represents the adult population, and produce the headline estimates.

                Files in the workspace:
                - `respondents.csv`: one row per respondent: region, age_group, sex, education, employed \
                (1 = employed) and monthly_income.
                - `population_margins.csv`: the census population of each category of each raking dimension.

                Method: raking (iterative proportional fitting). Start every respondent at weight 1. In each \
                cycle, go through the dimensions in the order they appear in the margins file; for each \
                category of a dimension, multiply the weights of the respondents in that category by \
                (population of the category / current sum of their weights). Repeat cycles until every \
                category's weighted total is within 0.0001% of its population.

                Write `weights.csv` with the header `{header}` (one row per respondent, weights with 2 \
                decimal places), and `estimates.json`: one JSON object with "population_total" (the sum of \
                the weights, rounded to a whole number), "employment_rate_pct" (100 x weighted share \
                employed, 2 decimal places), "mean_monthly_income" (weighted mean, 2 decimal places), \
                "effective_sample_size" (Kish: (sum of weights)^2 / sum of squared weights, 1 decimal place) \
                and "employment_rate_pct_by_region" (an object with the weighted employment rate of each \
                region, 2 decimal places).

                Grading: only the files as they stand at the end of the task are graded. Weights are matched \
                by respondent_id and graded within 0.05; the population total must be exact, rates and the \
                mean income are graded within 0.05 and the effective sample size within 0.5; rows for unknown \
                respondents cost credit."""
                .replace("{header}", weights.headerLine());
    }

    private static String second() {
        return """
                The methodology reviewer has sent comments: `review-comments.md` in the workspace, with \
                `population_margins_revised.csv`. Address them: redo the weights and the estimates as the \
                reviewer asks and overwrite `weights.csv` and `estimates.json`. Same formats and grading.""";
    }

    private static String review() {
        return """
                REVIEW OF THE 2025 HOUSEHOLD LABOUR SURVEY WEIGHTS

                1. The census bureau has revised its population estimates. Use population_margins_revised.csv \
                instead of population_margins.csv.
                2. Degree holders are over-represented among respondents. The revised margins file adds an \
                education dimension (NO_DEGREE, DEGREE): rake on all four dimensions, in the order of the file \
                (region, age_group, sex, education), with the same method and convergence rule.
                3. Keep the estimates as specified, including the employment rate by region, now from the \
                new weights.""";
    }
}
