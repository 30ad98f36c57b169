package dev.ale.samples;

import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The agent's rules for depreciation schedules: straight line with the last year absorbing the
 * rounding, and, for the categories a memo in the workspace moves to it, double-declining balance
 * with the switch to straight line. Assets in any further register file are added.
 */
final class Depreciator {
    private static final String SCHEDULE = "depreciation_schedule.csv";
    private static final String TOTALS = "depreciation_by_year.csv";

    private Depreciator() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        List<String> files = ws.list();
        List<String> scheduleHeader =
                List.of("asset_id", "year", "method", "depreciation", "accumulated_depreciation", "book_value_end");
        if (!Instructions.names(instruction, SCHEDULE) || !Instructions.names(instruction, TOTALS)) {
            return SessionOutcome.gaveUp("the instruction does not ask for depreciation schedules");
        }
        Set<String> declining = new TreeSet<>();
        for (String f : files) {
            if (f.startsWith("memo") && f.endsWith(".txt")) {
                for (String list : Instructions.all(ws.read(f), "moving to double-declining balance: ([A-Z_, ]+)")) {
                    for (String category : list.split(",")) {
                        declining.add(category.trim());
                    }
                }
            }
        }
        List<Map<String, String>> assets = new ArrayList<>(ws.csv("fixed_assets.csv"));
        if (files.contains("new_assets.csv")) {
            assets.addAll(ws.csv("new_assets.csv"));
        }
        ws.think(assets.size() + " assets; double-declining balance for " + (declining.isEmpty() ? "none" : declining)
                + ".");
        SimpleCsv.Writer schedule = new SimpleCsv.Writer(scheduleHeader);
        TreeMap<Integer, BigDecimal> byYear = new TreeMap<>();
        for (Map<String, String> a : assets) {
            boolean ddb = declining.contains(a.get("category"));
            BigDecimal cost = Num.of(a.get("cost"));
            BigDecimal salvage = Num.of(a.get("salvage_value"));
            int life = Integer.parseInt(a.get("useful_life_years"));
            int start = Integer.parseInt(a.get("in_service_year"));
            BigDecimal book = cost;
            BigDecimal accumulated = BigDecimal.ZERO;
            for (int k = 1; k <= life; k++) {
                BigDecimal room = book.subtract(salvage);
                BigDecimal dep;
                if (k == life) {
                    dep = room;
                } else if (ddb) {
                    BigDecimal declined = Num.div(book.multiply(Num.of(2)), Num.of(life), 2);
                    BigDecimal straight = Num.div(room, Num.of(life - k + 1), 2);
                    dep = declined.max(straight).min(room);
                } else {
                    dep = Num.div(cost.subtract(salvage), Num.of(life), 2);
                }
                book = book.subtract(dep);
                accumulated = accumulated.add(dep);
                schedule.row(a.get("asset_id"), start + k - 1, ddb ? "DDB" : "SL", dep, accumulated, book);
                byYear.merge(start + k - 1, dep, BigDecimal::add);
            }
        }
        SimpleCsv.Writer totals = new SimpleCsv.Writer(List.of("year", "total_depreciation"));
        byYear.forEach(totals::row);
        ws.write(SCHEDULE, schedule.text());
        ws.write(TOTALS, totals.text());
        return SessionOutcome.completed();
    }
}
