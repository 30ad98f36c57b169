package dev.ale.samples.packgen.starter;

import dev.ale.samples.packgen.starter.GradebookTask.Score;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The grade computation of {@code gradebook-weighted}, with the quiz drop count and the midterm curve as parameters. */
final class GradeMath {
    /** A student's category percentages (rounded), course percentage, letter index and whether any rounding was a tie. */
    record Result(List<BigDecimal> categoryPcts, BigDecimal course, int letter, boolean clearOfTies) {}

    private GradeMath() {}

    static Result grade(List<Score> scores, int quizDrops, int curve) {
        List<BigDecimal> pcts = new ArrayList<>();
        boolean clear = true;
        BigDecimal course = BigDecimal.ZERO;
        for (String[] c : GradebookTask.CATEGORIES) {
            List<BigDecimal[]> kept = new ArrayList<>();
            for (Score s : scores) {
                if (s.category().equals(c[0]) && !s.status().equals("EXCUSED")) {
                    kept.add(new BigDecimal[] {points(s, curve), Dec.of(s.possible())});
                }
            }
            int drops = c[0].equals("QUIZ") ? quizDrops : c[0].equals("HOMEWORK") ? 1 : 0;
            if (kept.size() > drops) {
                for (int d = 0; d < drops; d++) {
                    kept.remove(kept.stream()
                            .min(Comparator.comparing(p -> Dec.div(p[0], p[1])))
                            .orElseThrow());
                }
            }
            BigDecimal earned = Dec.sum(kept.stream().map(p -> p[0]).toList());
            BigDecimal possible = Dec.sum(kept.stream().map(p -> p[1]).toList());
            BigDecimal exact = Dec.div(earned.multiply(Dec.HUNDRED), possible);
            clear &= Dec.clearOfTie(exact, 2);
            BigDecimal pct = Dec.round(exact, 2);
            pcts.add(pct);
            course = course.add(Dec.of(c[1]).multiply(pct).movePointLeft(2));
        }
        clear &= Dec.clearOfTie(course, 2);
        BigDecimal rounded = Dec.round(course, 2);
        int letter = GradebookTask.LETTERS.length - 1;
        for (int i = GradebookTask.LETTERS.length - 1; i >= 0; i--) {
            BigDecimal cut = Dec.of(GradebookTask.LETTERS[i][1]);
            if (rounded.compareTo(cut) >= 0) {
                letter = i;
            }
            clear &= rounded.subtract(cut).abs().compareTo(Dec.of("0.05")) > 0 || cut.signum() == 0;
        }
        return new Result(pcts, rounded, letter, clear);
    }

    private static BigDecimal points(Score s, int curve) {
        BigDecimal earned = s.earned();
        if (s.category().equals("MIDTERM") && s.status().isEmpty()) {
            earned = earned.add(Dec.of(curve)).min(Dec.of(s.possible()));
        }
        if (s.daysLate() > 3) {
            return BigDecimal.ZERO;
        }
        return earned.multiply(BigDecimal.ONE.subtract(Dec.of(s.daysLate()).movePointLeft(1)));
    }
}
