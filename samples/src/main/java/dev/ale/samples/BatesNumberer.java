package dev.ale.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's rules for a document production: responsive non-privileged documents in custodian,
 * date and id order, Bates ranges continuing the last volume, legends, and a privilege log.
 */
final class BatesNumberer {
    private BatesNumberer() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        if (!Instructions.asksFor(instruction, "production_log.csv", "doc_id,bates_begin,bates_end,pages,legend")
                || !Instructions.asksFor(
                        instruction, "privilege_log.csv", "doc_id,doc_date,custodian,privilege_basis,description")) {
            return SessionOutcome.gaveUp("unexpected output format for the production");
        }
        ws.list();
        JsonNode request = ws.json("production_request.json");
        String prefix = request.path("bates_prefix").asText();
        int digits = request.path("bates_digits").asInt();
        int next = Integer.parseInt(request.path("last_bates_produced").asText().substring(prefix.length())) + 1;
        List<Map<String, String>> docs = ws.csv("documents.csv");
        Comparator<Map<String, String>> byCustodian = Comparator.comparing(
                        (Map<String, String> d) -> d.get("custodian"))
                .thenComparing(d -> d.get("doc_date"))
                .thenComparing(d -> d.get("doc_id"));
        List<Map<String, String>> produced = docs.stream()
                .filter(d ->
                        d.get("responsive").equals("Y") && d.get("privilege").equals("NONE"))
                .sorted(byCustodian)
                .toList();
        SimpleCsv.Writer log = new SimpleCsv.Writer(Instructions.header(instruction, "production_log.csv"));
        String format = "%s%0" + digits + "d";
        String first = String.format(Locale.ROOT, format, prefix, next);
        int pages = 0;
        for (Map<String, String> d : produced) {
            int n = Integer.parseInt(d.get("pages"));
            String legend =
                    switch (d.get("confidentiality")) {
                        case "CONFIDENTIAL" -> "CONFIDENTIAL";
                        case "HIGHLY_CONFIDENTIAL" -> "HIGHLY CONFIDENTIAL - ATTORNEYS' EYES ONLY";
                        default -> "";
                    };
            log.row(
                    d.get("doc_id"),
                    String.format(Locale.ROOT, format, prefix, next),
                    String.format(Locale.ROOT, format, prefix, next + n - 1),
                    n,
                    legend);
            next += n;
            pages += n;
        }
        List<Map<String, String>> withheld = docs.stream()
                .filter(d ->
                        d.get("responsive").equals("Y") && !d.get("privilege").equals("NONE"))
                .sorted(Comparator.comparing((Map<String, String> d) -> d.get("doc_date"))
                        .thenComparing(d -> d.get("doc_id")))
                .toList();
        SimpleCsv.Writer privilege = new SimpleCsv.Writer(Instructions.header(instruction, "privilege_log.csv"));
        for (Map<String, String> d : withheld) {
            privilege.row(
                    d.get("doc_id"),
                    d.get("doc_date"),
                    d.get("custodian"),
                    d.get("privilege").equals("WORK_PRODUCT") ? "Attorney Work Product" : "Attorney-Client Privilege",
                    d.get("description"));
        }
        ws.write("production_log.csv", log.text());
        ws.write("privilege_log.csv", privilege.text());
        ObjectNode summary = AgentWorkspace.object()
                .put("volume", request.path("volume").asText())
                .put("first_bates", first)
                .put("last_bates", String.format(Locale.ROOT, format, prefix, next - 1))
                .put("documents_produced", produced.size())
                .put("pages_produced", pages)
                .put("documents_withheld", withheld.size());
        ws.writeJson("production_summary.json", summary);
        return SessionOutcome.completed();
    }
}
