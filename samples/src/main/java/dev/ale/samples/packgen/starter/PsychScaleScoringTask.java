package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * {@code psych-scale-scoring}: scoring a fictional 18-item workplace questionnaire with three
 * subscales: reverse-keyed items, out-of-range codes treated as missing, prorated raw scores when
 * at most one item of a subscale is missing, and T scores from the norms.
 */
final class PsychScaleScoringTask {
    static final String ID = "psych-scale-scoring";
    private static final String[] SUBSCALES = {"WORKLOAD", "AUTONOMY", "SUPPORT"};
    private static final String[][] NORMS = Catalogs.table(ID, "NORMS");
    private static final String[] ITEMS = {
        "I have too much work to do in the time available",
        "I can decide how to organise my work",
        "My colleagues help me when I need it",
        "My workload is manageable",
        "I have little say in what I do at work",
        "I feel my manager supports me",
        "I work under time pressure",
        "I can choose the methods I use",
        "I feel isolated from my team",
        "I can finish my work within normal hours",
        "I am trusted to make decisions",
        "I get useful feedback on my work",
        "I have to skip breaks to keep up",
        "My job leaves me no room for initiative",
        "People I work with take a personal interest in me",
        "Deadlines at work are unrealistic",
        "I can set my own pace",
        "I can count on my manager when things get difficult",
    };
    /** Reverse-keyed items (1-based): their wording runs against the subscale. */
    private static final List<Integer> REVERSED = List.of(4, 5, 9, 10, 14);

    private static final int RESPONDENTS = 36;

    private PsychScaleScoringTask() {}

    static void generate(StarterTask task, Random random) {
        Table items = new Table("item,subscale,reverse_keyed,text");
        for (int i = 1; i <= ITEMS.length; i++) {
            items.row("q" + i, subscale(i), REVERSED.contains(i) ? "Y" : "N", ITEMS[i - 1]);
        }
        Table norms = new Table("subscale,mean,sd").addAll(NORMS);
        List<String> header = new ArrayList<>(List.of("respondent_id"));
        for (int i = 1; i <= ITEMS.length; i++) {
            header.add("q" + i);
        }
        Table responses = new Table(String.join(",", header));
        Table scores = new Table("respondent_id,subscale,items_answered,raw_score,t_score,status");
        for (int r = 0; r < RESPONDENTS; r++) {
            String id = "R" + (1001 + r);
            String[] answers;
            do {
                answers = answers(random, r % 9 == 4);
            } while (!scoresClearOfTies(answers));
            List<Object> row = new ArrayList<>(List.of(id));
            row.addAll(List.of(answers));
            responses.row(row.toArray());
            for (int s = 0; s < SUBSCALES.length; s++) {
                score(id, s, answers, scores);
            }
        }
        task.input("items.csv", items);
        task.input("norms.csv", norms);
        task.input("responses.csv", responses);
        task.csv("scores.csv", scores, "respondent_id", "subscale")
                .rows("completeness", 3, columns().num(0, "items_answered").text("status"))
                .rows("scores", 6, columns().num(0.01, "raw_score").num(0.05, "t_score"));
        task.instructions(instruction(scores));
    }

    private static String subscale(int item) {
        return SUBSCALES[(item - 1) % 3];
    }

    /** One respondent's answers as written in the file: 1-5, blank, or an out-of-range code. */
    private static String[] answers(Random random, boolean sparse) {
        double[] level = {1.5 + 3 * random.nextDouble(), 1.5 + 3 * random.nextDouble(), 1.5 + 3 * random.nextDouble()};
        String[] out = new String[ITEMS.length];
        int forcedGaps = sparse ? 2 : 0;
        for (int i = 1; i <= ITEMS.length; i++) {
            int s = (i - 1) % 3;
            int value = (int) Math.max(1, Math.min(5, Math.round(level[s] + random.nextGaussian() * 0.7)));
            if (REVERSED.contains(i)) {
                value = 6 - value;
            }
            double roll = random.nextDouble();
            boolean gap = forcedGaps > 0 && s == 1;
            if (gap || roll < 0.05) {
                out[i - 1] = gap && forcedGaps == 1 ? "9" : "";
                forcedGaps -= gap ? 1 : 0;
            } else if (roll < 0.07) {
                out[i - 1] = random.nextBoolean() ? "0" : "6";
            } else {
                out[i - 1] = String.valueOf(value);
            }
        }
        return out;
    }

    private static boolean scoresClearOfTies(String[] answers) {
        for (int s = 0; s < SUBSCALES.length; s++) {
            BigDecimal raw = raw(s, answers);
            if (raw != null && !Dec.clearOfTie(tExact(s, Dec.round(raw, 2)), 1)) {
                return false;
            }
        }
        return true;
    }

    private static void score(String id, int s, String[] answers, Table scores) {
        BigDecimal raw = raw(s, answers);
        int answered = answered(s, answers);
        if (raw == null) {
            scores.row(id, SUBSCALES[s], answered, null, null, "INCOMPLETE");
        } else {
            BigDecimal rounded = Dec.round(raw, 2);
            scores.row(id, SUBSCALES[s], answered, rounded, Dec.round(tExact(s, rounded), 1), "OK");
        }
    }

    private static int answered(int s, String[] answers) {
        int n = 0;
        for (int i = 1; i <= ITEMS.length; i++) {
            n += (i - 1) % 3 == s && valid(answers[i - 1]) ? 1 : 0;
        }
        return n;
    }

    /** The prorated raw score, or null when fewer than 5 of the 6 items are answered. */
    private static @Nullable BigDecimal raw(int s, String[] answers) {
        int n = answered(s, answers);
        if (n < 5) {
            return null;
        }
        int sum = 0;
        for (int i = 1; i <= ITEMS.length; i++) {
            if ((i - 1) % 3 == s && valid(answers[i - 1])) {
                int v = Integer.parseInt(answers[i - 1]);
                sum += REVERSED.contains(i) ? 6 - v : v;
            }
        }
        return Dec.div(Dec.of(sum * 6L), Dec.of(n));
    }

    private static BigDecimal tExact(int s, BigDecimal raw) {
        BigDecimal z = Dec.div(raw.subtract(Dec.of(NORMS[s][1])), Dec.of(NORMS[s][2]));
        return Dec.of(50).add(z.multiply(Dec.of(10)));
    }

    private static boolean valid(String answer) {
        return answer.matches("[1-5]");
    }

    private static String instruction(Table scores) {
        return """
                You are a research assistant in an occupational-psychology group. Score the responses to the \
                Workplace Wellbeing Inventory (WWI-18, a fictional instrument used for training).

                Files in the workspace:
                - `items.csv`: the 18 items (q1..q18), the subscale each belongs to (WORKLOAD, AUTONOMY or \
                SUPPORT, six items each) and whether it is reverse-keyed (Y/N).
                - `responses.csv`: one row per respondent, one column per item. Valid answers are 1 to 5. A \
                blank cell, or any other value (such as 0, 6 or 9), is a missing answer.
                - `norms.csv`: the norm-group mean and standard deviation of each subscale's raw score.

                Rules, for each respondent and subscale:
                1. A reverse-keyed answer x is scored 6 - x; other answers are scored as given.
                2. items_answered = the number of the subscale's six items with a valid answer.
                3. With 5 or 6 items answered the status is OK and raw_score = the mean of the scored \
                answered items x 6 (prorated to six items), rounded to 2 decimal places (half up); t_score \
                = 50 + 10 x (raw_score - mean) / sd, using raw_score as rounded, rounded to 1 decimal place \
                (half up).
                4. With fewer than 5 items answered the status is INCOMPLETE and raw_score and t_score are \
                left empty.

                Write `scores.csv` with the header `{header}` and one row per respondent and subscale.

                Grading: rows are matched by respondent_id and subscale; items_answered and status must be \
                exact, raw_score is graded within 0.01 and t_score within 0.05, cells that must be empty \
                must be empty, and rows that do not belong cost credit."""
                .replace("{header}", scores.headerLine());
    }
}
