package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.samples.packgen.Formats;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code service-log-error-rates}: an hour of access-log lines from five services, with health
 * checks and malformed lines to leave out; per service the request and error counts, the error
 * rate, the nearest-rank 95th-percentile latency and the mean, and the services breaching the SLO.
 */
final class ServiceLogTask {
    static final String ID = "service-log-error-rates";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    /** A service: its paths, typical latency, the chance of a server error and of a slow tail. */
    private record Service(String name, String[] paths, int baseMs, double serverErrors, double slowTail) {}

    private static final Service[] SERVICES = {
        new Service("checkout", new String[] {"POST /api/cart/checkout", "GET /api/cart"}, 180, 0.03, 0.04),
        new Service("catalog", new String[] {"GET /api/products", "GET /api/products/{id}"}, 60, 0.002, 0.01),
        new Service("search", new String[] {"GET /api/search"}, 240, 0.006, 0.09),
        new Service("auth", new String[] {"POST /api/login", "POST /api/token/refresh"}, 90, 0.003, 0.02),
        new Service("payments", new String[] {"POST /api/payments", "GET /api/payments/{id}"}, 320, 0.01, 0.03),
    };
    private static final int LINES = 1400;

    private ServiceLogTask() {}

    static void generate(StarterTask task, Random random) {
        StringBuilder log = new StringBuilder();
        Map<String, List<Integer>> latencies = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Service s : SERVICES) {
            latencies.put(s.name(), new ArrayList<>());
            counts.put(s.name(), new int[2]);
        }
        LocalDateTime t = LocalDateTime.of(2025, 3, 14, 9, 0, 0);
        for (int i = 0; i < LINES; i++) {
            t = t.plusNanos((1 + random.nextInt(5000)) * 1_000_000L);
            Service s = SERVICES[random.nextInt(SERVICES.length)];
            if (random.nextDouble() < 0.06) {
                log.append(t.format(STAMP))
                        .append(" INFO service=")
                        .append(s.name())
                        .append(" method=GET path=/healthz status=200 latency_ms=")
                        .append(1 + random.nextInt(4))
                        .append(" trace=")
                        .append(trace(random))
                        .append('\n');
                continue;
            }
            if (i % 350 == 200) {
                log.append(t.format(STAMP)).append(" WARN logshipper: buffer full, dropped 12 lines\n");
                continue;
            }
            String[] route = s.paths()[random.nextInt(s.paths().length)].split(" ");
            double roll = random.nextDouble();
            int status = roll < s.serverErrors()
                    ? new int[] {500, 502, 503, 504}[random.nextInt(4)]
                    : roll < s.serverErrors() + 0.03
                            ? new int[] {400, 401, 404, 409}[random.nextInt(4)]
                            : route[0].equals("POST") ? 201 : 200;
            int latency = (int) Math.round(s.baseMs()
                    * (0.5 + random.nextDouble())
                    * (random.nextDouble() < s.slowTail() ? 4 + 3 * random.nextDouble() : 1));
            String path = route[1].replace("{id}", String.valueOf(1000 + random.nextInt(9000)));
            log.append(t.format(STAMP))
                    .append(status >= 500 ? " ERROR" : " INFO")
                    .append(" service=")
                    .append(s.name())
                    .append(" method=")
                    .append(route[0])
                    .append(" path=")
                    .append(path)
                    .append(" status=")
                    .append(status)
                    .append(" latency_ms=")
                    .append(latency)
                    .append(" trace=")
                    .append(trace(random))
                    .append('\n');
            latencies.get(s.name()).add(latency);
            counts.get(s.name())[status >= 500 ? 0 : 1] += status >= 400 ? 1 : 0;
        }

        Table stats = new Table("service,requests,errors,client_errors,error_rate_pct,p95_latency_ms,mean_latency_ms");
        ObjectNode report = Formats.object();
        ArrayNode breaching = Formats.array();
        int total = 0;
        int errors = 0;
        for (Service s : SERVICES) {
            List<Integer> l = new ArrayList<>(latencies.get(s.name()));
            l.sort(null);
            int n = l.size();
            int p95 = l.get((int) Math.ceil(0.95 * n) - 1);
            int[] c = counts.get(s.name());
            BigDecimal rate = Dec.div(Dec.of(100L * c[0]), Dec.of(n), 2);
            BigDecimal mean =
                    Dec.div(Dec.of(l.stream().mapToLong(Integer::longValue).sum()), Dec.of(n), 1);
            stats.row(s.name(), n, c[0], c[1], rate, p95, mean);
            if (rate.compareTo(Dec.of("1.50")) > 0 || p95 > 750) {
                breaching.add(s.name());
            }
            total += n;
            errors += c[0];
        }
        report.set("breaching_services", breaching);
        report.put("total_requests", total);
        report.put("total_errors", errors);
        report.set("overall_error_rate_pct", Formats.number(Dec.div(Dec.of(100L * errors), Dec.of(total), 2)));
        task.input("access.log", log.toString().getBytes(StandardCharsets.UTF_8));
        List<String> key = List.of("service");
        task.csv("service_stats.csv", stats, "service")
                .rows("volumes", 3, columns().num(0, "requests", "errors", "client_errors"))
                .rows(
                        "rates and latency",
                        4,
                        columns()
                                .num(0.01, "error_rate_pct")
                                .num(0, "p95_latency_ms")
                                .num(0.1, "mean_latency_ms"));
        task.json("slo_report.json", report).fields("SLO report", 2, 0.01, "/breaching_services");
        task.instructions(instruction(stats));
    }

    private static String trace(Random random) {
        return Long.toHexString(0x1000000000L + (random.nextLong() & 0xFFFFFFFFFL));
    }

    private static String instruction(Table stats) {
        return """
                You are on call for the web shop's platform team. Summarise the first hour of this morning's \
                traffic from `access.log` for the incident review.

                Each request line of `access.log` reads: timestamp, level, then key=value fields: service, \
                method, path, status (HTTP status code), latency_ms (whole milliseconds) and trace. Leave out \
                health checks (path=/healthz) and lines that are not request lines (they lack those fields).

                For each service:
                - requests: its request lines; errors: those with status 500-599; client_errors: status 400-499.
                - error_rate_pct = 100 x errors / requests, rounded to 2 decimal places (half up).
                - p95_latency_ms: the nearest-rank 95th percentile: sort the latencies ascending and take the \
                value at 1-based position ceil(0.95 x requests).
                - mean_latency_ms: the mean latency, rounded to 1 decimal place (half up).

                Write `service_stats.csv` with the header `{header}` and one row per service.

                Write `slo_report.json`: one JSON object with "breaching_services" (the services whose \
                error_rate_pct is above 1.50 or whose p95_latency_ms is above 750, as a JSON array of names \
                in any order), "total_requests" and "total_errors" (over all services) and \
                "overall_error_rate_pct" (100 x total_errors / total_requests, 2 decimal places).

                Grading: rows are matched by service; counts and the p95 must be exact, error rates are \
                graded within 0.01 and mean latency within 0.1; rows for unknown services cost credit."""
                .replace("{header}", stats.headerLine());
    }
}
