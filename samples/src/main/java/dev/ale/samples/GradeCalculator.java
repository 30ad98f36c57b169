package dev.ale.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's rules for course grades. Deliberately imperfect: it applies the weights, the late
 * penalty and excused and missing work, but it overlooks the policy's dropped lowest scores, and
 * it has no rules to turn an instructor's email into changes, so it gives up on one.
 */
final class GradeCalculator {
    private static final String GRADES = "final_grades.csv";
    private static final String[] COLUMNS = {
        "student_id", "homework_pct", "quiz_pct", "lab_pct", "midterm_pct", "final_pct", "course_pct", "letter"
    };
    private static final String[] CATEGORIES = {"HOMEWORK", "QUIZ", "LAB", "MIDTERM", "FINAL"};

    private GradeCalculator() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        List<String> files = ws.list();
        if (files.stream().anyMatch(f -> f.startsWith("email")) && files.contains(GRADES)) {
            ws.think("The instructor's email asks for changes in prose; I have no rules to apply them.");
            return SessionOutcome.gaveUp(
                    "cannot apply the instructor's changes; final_grades.csv is from the policy file");
        }
        if (!Instructions.asksFor(instruction, GRADES, String.join(",", COLUMNS))) {
            return SessionOutcome.gaveUp("unexpected output format");
        }
        JsonNode policy = ws.json("grading_policy.json");
        BigDecimal penalty =
                policy.path("late_penalty_pct_per_day").decimalValue().movePointLeft(2);
        int maxLate = policy.path("max_late_days").asInt();
        Map<String, BigDecimal[][]> sums = new LinkedHashMap<>();
        for (Map<String, String> s : ws.csv("scores.csv")) {
            if (s.get("status").equals("EXCUSED")) {
                continue;
            }
            int late = Integer.parseInt(s.get("days_late"));
            BigDecimal earned = late > maxLate
                    ? BigDecimal.ZERO
                    : Num.of(s.get("points_earned")).multiply(BigDecimal.ONE.subtract(penalty.multiply(Num.of(late))));
            BigDecimal[][] student =
                    sums.computeIfAbsent(s.get("student_id"), k -> new BigDecimal[CATEGORIES.length][]);
            int c = List.of(CATEGORIES).indexOf(s.get("category"));
            BigDecimal[] cell = student[c] == null ? new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO} : student[c];
            student[c] = new BigDecimal[] {cell[0].add(earned), cell[1].add(Num.of(s.get("points_possible")))};
        }
        SimpleCsv.Writer out = new SimpleCsv.Writer(List.of(COLUMNS));
        ObjectNode distribution = AgentWorkspace.object();
        policy.path("letter_grades")
                .forEach(l -> distribution.put(l.path("letter").asText(), 0));
        for (Map.Entry<String, BigDecimal[][]> s : sums.entrySet()) {
            Object[] row = new Object[COLUMNS.length];
            row[0] = s.getKey();
            BigDecimal course = BigDecimal.ZERO;
            for (int c = 0; c < CATEGORIES.length; c++) {
                BigDecimal[] cell = s.getValue()[c];
                BigDecimal pct = Num.div(cell[0].multiply(Num.of(100)), cell[1], 2);
                row[c + 1] = pct;
                course = course.add(pct.multiply(weight(policy, CATEGORIES[c])).movePointLeft(2));
            }
            course = Num.round(course, 2);
            String letter = "";
            for (JsonNode l : policy.path("letter_grades")) {
                if (letter.isEmpty() && course.compareTo(l.path("min_pct").decimalValue()) >= 0) {
                    letter = l.path("letter").asText();
                }
            }
            row[6] = course;
            row[7] = letter;
            out.row(row);
            distribution.put(letter, distribution.path(letter).asInt() + 1);
        }
        ws.write(GRADES, out.text());
        ws.writeJson("grade_distribution.json", distribution);
        return SessionOutcome.completed();
    }

    private static BigDecimal weight(JsonNode policy, String category) {
        for (JsonNode c : policy.path("categories")) {
            if (c.path("category").asText().equals(category)) {
                return c.path("weight_pct").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }
}
