package dev.ale.samples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The agent's rules for access logs: request lines per service, error rates, nearest-rank p95, SLO breaches. */
final class LogAnalyzer {
    private static final Pattern REQUEST =
            Pattern.compile("service=(\\S+) method=\\S+ path=(\\S+) status=(\\d{3}) latency_ms=(\\d+)");
    private static final String STATS = "service_stats.csv";

    private LogAnalyzer() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        BigDecimal maxErrors = Instructions.number(instruction, "error_rate_pct is above (\\d+(?:\\.\\d+)?)");
        BigDecimal maxP95 = Instructions.number(instruction, "p95_latency_ms is above (\\d+)");
        if (maxErrors == null
                || maxP95 == null
                || !Instructions.asksFor(
                        instruction,
                        STATS,
                        "service,requests,errors,client_errors,error_rate_pct,p95_latency_ms,mean_latency_ms")) {
            return SessionOutcome.gaveUp("could not read the SLO thresholds or the output format");
        }
        ws.list();
        Map<String, List<Integer>> latencies = new LinkedHashMap<>();
        Map<String, int[]> errors = new LinkedHashMap<>();
        for (String line : ws.read("access.log").split("\n")) {
            Matcher m = REQUEST.matcher(line);
            if (!m.find() || m.group(2).equals("/healthz")) {
                continue;
            }
            int status = Integer.parseInt(m.group(3));
            latencies.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Integer.parseInt(m.group(4)));
            int[] e = errors.computeIfAbsent(m.group(1), k -> new int[2]);
            e[0] += status >= 500 && status <= 599 ? 1 : 0;
            e[1] += status >= 400 && status <= 499 ? 1 : 0;
        }
        SimpleCsv.Writer stats = new SimpleCsv.Writer(Instructions.header(instruction, STATS));
        ArrayNode breaching = AgentWorkspace.object().arrayNode();
        int total = 0;
        int totalErrors = 0;
        for (Map.Entry<String, List<Integer>> s : latencies.entrySet()) {
            List<Integer> l = new ArrayList<>(s.getValue());
            l.sort(null);
            int n = l.size();
            int p95 = l.get((int) Math.ceil(0.95 * n) - 1);
            int[] e = errors.get(s.getKey());
            BigDecimal rate = Num.div(Num.of(100L * e[0]), Num.of(n), 2);
            long sum = l.stream().mapToLong(Integer::longValue).sum();
            stats.row(s.getKey(), n, e[0], e[1], rate, p95, Num.div(Num.of(sum), Num.of(n), 1));
            if (rate.compareTo(maxErrors) > 0 || p95 > maxP95.intValue()) {
                breaching.add(s.getKey());
            }
            total += n;
            totalErrors += e[0];
        }
        ws.write(STATS, stats.text());
        ObjectNode report = AgentWorkspace.object();
        report.set("breaching_services", breaching);
        report.put("total_requests", total)
                .put("total_errors", totalErrors)
                .put("overall_error_rate_pct", Num.div(Num.of(100L * totalErrors), Num.of(total), 2));
        ws.writeJson("slo_report.json", report);
        return SessionOutcome.completed();
    }
}
