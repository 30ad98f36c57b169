package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.samples.packgen.Formats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code gradebook-weighted}: a two-session course grade computation. Session 1 applies the
 * syllabus: weighted categories, the lowest homework and quiz dropped, late penalties, excused and
 * missing work, letter cut-offs. Session 2 brings the instructor's email: a curve on the midterm
 * and two quizzes dropped instead of one. Only the final grades are graded.
 */
final class GradebookTask {
    static final String ID = "gradebook-weighted";
    /** category, weight %, items, points each. */
    static final String[][] CATEGORIES = Catalogs.table(ID, "CATEGORIES");

    static final String[][] LETTERS = Catalogs.table(ID, "LETTERS");
    static final int CURVE = 8;

    /** One graded item of one student as it stands in scores.csv. */
    record Score(String assessment, String category, int possible, BigDecimal earned, int daysLate, String status) {}

    private GradebookTask() {}

    static void generate(StarterTask task, Random random) {
        Table scores = new Table("student_id,assessment,category,points_possible,points_earned,days_late,status");
        Table grades = new Table("student_id,homework_pct,quiz_pct,lab_pct,midterm_pct,final_pct,course_pct,letter");
        int[] counts = new int[LETTERS.length];
        for (int s = 0; s < 28; s++) {
            String id = "S" + (24001 + s);
            List<Score> mine;
            GradeMath.Result result;
            do {
                mine = draw(random, s);
                result = GradeMath.grade(mine, 2, CURVE);
            } while (!result.clearOfTies() || !GradeMath.grade(mine, 1, 0).clearOfTies());
            for (Score sc : mine) {
                scores.row(id, sc.assessment(), sc.category(), sc.possible(), sc.earned(), sc.daysLate(), sc.status());
            }
            List<Object> row = new ArrayList<>(List.of(id));
            row.addAll(result.categoryPcts());
            row.add(result.course());
            row.add(LETTERS[result.letter()][0]);
            grades.row(row.toArray());
            counts[result.letter()]++;
        }
        ObjectNode distribution = Formats.object();
        for (int i = 0; i < LETTERS.length; i++) {
            distribution.put(LETTERS[i][0], counts[i]);
        }
        ObjectNode policy = Formats.object();
        ArrayNode categories = policy.putArray("categories");
        for (String[] c : CATEGORIES) {
            categories
                    .addObject()
                    .put("category", c[0])
                    .put("weight_pct", Integer.parseInt(c[1]))
                    .put("drop_lowest", c[0].equals("HOMEWORK") || c[0].equals("QUIZ") ? 1 : 0);
        }
        policy.put("late_penalty_pct_per_day", 10).put("max_late_days", 3);
        ArrayNode letters = policy.putArray("letter_grades");
        for (String[] l : LETTERS) {
            letters.addObject().put("letter", l[0]).put("min_pct", Integer.parseInt(l[1]));
        }
        task.input("scores.csv", scores);
        task.input("grading_policy.json", policy);
        task.later(2, "email-from-instructor.txt", email());
        Grading.CsvOutput finalGrades = task.csv("final_grades.csv", grades, "student_id");
        Grading.JsonOutput gradeDistribution = task.json("grade_distribution.json", distribution);
        for (String column : List.of("homework_pct", "quiz_pct", "lab_pct", "midterm_pct", "final_pct")) {
            finalGrades.rows(
                    column.replace("_pct", "") + " category", 1, columns().num(0.01, column));
        }
        finalGrades.rows("course grade", 3, columns().num(0.01, "course_pct").text("letter"));
        gradeDistribution.fields("grade distribution", 1, 0);
        task.instructions(first(grades), second());
    }

    private static List<Score> draw(Random random, int student) {
        double ability = 0.55 + 0.42 * random.nextDouble();
        List<Score> out = new ArrayList<>();
        for (String[] c : CATEGORIES) {
            int items = Integer.parseInt(c[2]);
            int possible = Integer.parseInt(c[3]);
            for (int i = 1; i <= items; i++) {
                String name = items == 1 ? c[0] : (c[0].equals("HOMEWORK") ? "HW" : c[0]) + i;
                double p = Math.max(0, Math.min(1, ability + random.nextGaussian() * 0.1));
                BigDecimal earned = Dec.of(Math.round(p * possible * 2) / 2.0, 1);
                int late = 0;
                String status = "";
                double roll = random.nextDouble();
                if (items > 1 && roll < 0.04) {
                    status = "MISSING";
                    earned = Dec.of("0.0");
                } else if (items > 1 && roll < 0.07) {
                    status = "EXCUSED";
                    earned = Dec.of("0.0");
                } else if ((c[0].equals("HOMEWORK") || c[0].equals("LAB")) && roll < 0.17) {
                    late = 1 + random.nextInt(student % 5 == 0 ? 5 : 3);
                }
                out.add(new Score(name, c[0], possible, earned, late, status));
            }
        }
        return out;
    }

    private static String email() {
        return """
                From: Dr. Miriam Okafor
                To: Course assistant
                Subject: Final grades for CHEM 101, two changes

                Thanks for the first run of the grades. Two changes before they go to the registrar:

                1. The midterm was harder than I intended. Curve it: add 8 points to the midterm \
                points_earned of every student who sat it (status empty), without going above the points \
                possible.
                2. Because of the lab fire drill week, drop the lowest TWO quizzes instead of one. \
                Homework stays at one dropped.

                Everything else in the grading policy stays as it is.""";
    }

    private static String first(Table grades) {
        return """
                You are the course assistant of CHEM 101. Compute the final grades from the gradebook export.

                Files in the workspace:
                - `scores.csv`: one row per student and assessment: category, points_possible, \
                points_earned, days_late and status (empty, MISSING or EXCUSED).
                - `grading_policy.json`: the category weights, how many of the lowest scores to drop per \
                category, the late penalty and the letter cut-offs.

                Rules, for each student:
                1. A MISSING assessment counts with 0 points. An EXCUSED assessment is left out of its \
                category entirely (it is not counted and cannot be dropped).
                2. Late work: points = points_earned x (1 - late_penalty_pct_per_day / 100 x days_late) when \
                days_late is from 1 to max_late_days; 0 points when days_late is above max_late_days.
                3. In each category, drop the drop_lowest assessments with the lowest points / \
                points_possible (after the late penalty), if the student has more counted assessments than \
                that; category percent = 100 x the sum of the points kept / the sum of their points_possible, \
                rounded to 2 decimal places (half up).
                4. course_pct = the sum over categories of weight_pct x category percent (as rounded) / 100, \
                rounded to 2 decimal places. letter = the first letter in letter_grades whose min_pct is at \
                most course_pct.

                Write `final_grades.csv` with the header `{header}` (one row per student, percentages with 2 \
                decimal places) and `grade_distribution.json`: one JSON object with one member per letter of \
                the policy (all of them, in order) whose value is the number of students with that letter.

                Grading: only the files as they stand at the end of the task are graded. Rows are matched by \
                student_id; percentages are graded within 0.01, the letter and the counts must be exact; rows \
                for unknown students cost credit."""
                .replace("{header}", grades.headerLine());
    }

    private static String second() {
        return """
                The instructor has replied: `email-from-instructor.txt` in the workspace. Apply her changes \
                and update `final_grades.csv` and `grade_distribution.json` accordingly. Same columns, rules \
                and grading as before.""";
    }
}
