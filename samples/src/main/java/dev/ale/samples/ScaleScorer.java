package dev.ale.samples;

import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The agent's rules for questionnaire scoring: reverse keys, valid answers 1-5, prorating, T scores from norms. */
final class ScaleScorer {
    private static final String SCORES = "scores.csv";

    private ScaleScorer() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        BigDecimal minAnswered =
                Instructions.number(instruction, "With (\\d+) or \\d+ items answered the status is OK");
        if (minAnswered == null
                || !Instructions.asksFor(
                        instruction, SCORES, "respondent_id,subscale,items_answered,raw_score,t_score,status")) {
            return SessionOutcome.gaveUp("unexpected scoring rules or output format");
        }
        ws.list();
        Map<String, List<Map<String, String>>> subscales = new LinkedHashMap<>();
        for (Map<String, String> item : ws.csv("items.csv")) {
            subscales
                    .computeIfAbsent(item.get("subscale"), k -> new ArrayList<>())
                    .add(item);
        }
        Map<String, Map<String, String>> norms = new LinkedHashMap<>();
        ws.csv("norms.csv").forEach(n -> norms.put(n.get("subscale"), n));
        SimpleCsv.Writer out = new SimpleCsv.Writer(Instructions.header(instruction, SCORES));
        for (Map<String, String> person : ws.csv("responses.csv")) {
            for (Map.Entry<String, List<Map<String, String>>> s : subscales.entrySet()) {
                int answered = 0;
                int sum = 0;
                for (Map<String, String> item : s.getValue()) {
                    String a = person.get(item.get("item")).trim();
                    if (a.matches("[1-5]")) {
                        answered++;
                        sum += item.get("reverse_keyed").equals("Y") ? 6 - Integer.parseInt(a) : Integer.parseInt(a);
                    }
                }
                if (answered < minAnswered.intValue()) {
                    out.row(person.get("respondent_id"), s.getKey(), answered, null, null, "INCOMPLETE");
                    continue;
                }
                BigDecimal raw = Num.div(Num.of((long) sum * s.getValue().size()), Num.of(answered), 2);
                Map<String, String> norm = norms.get(s.getKey());
                BigDecimal z = Num.div(raw.subtract(Num.of(norm.get("mean"))), Num.of(norm.get("sd")));
                BigDecimal t = Num.round(Num.of(50).add(z.multiply(Num.of(10))), 1);
                out.row(person.get("respondent_id"), s.getKey(), answered, raw, t, "OK");
            }
        }
        ws.write(SCORES, out.text());
        return SessionOutcome.completed();
    }
}
