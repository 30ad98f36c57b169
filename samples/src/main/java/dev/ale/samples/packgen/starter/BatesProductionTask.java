package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.samples.packgen.Formats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code bates-production-log}: a paralegal's production volume: responsive, non-privileged
 * documents numbered with Bates ranges continuing the last production, confidentiality legends,
 * privileged responsive documents withheld onto a privilege log, and the volume summary.
 */
final class BatesProductionTask {
    static final String ID = "bates-production-log";
    private static final String PREFIX = "HLM";
    private static final String[] CUSTODIANS = {"Alvarez, Maria", "Chen, David", "Okafor, Grace", "Walsh, Thomas"};
    private static final String[][] TYPES = Catalogs.table(ID, "TYPES");
    private static final String[][] PRIVILEGED = Catalogs.table(ID, "PRIVILEGED");

    private record Doc(
            String id,
            String custodian,
            LocalDate date,
            String type,
            String description,
            int pages,
            boolean responsive,
            String privilege,
            String confidentiality) {}

    private BatesProductionTask() {}

    static void generate(StarterTask task, Random random) {
        int lastProduced = 1800 + random.nextInt(400);
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String[] type = TYPES[random.nextInt(TYPES.length)];
            double roll = random.nextDouble();
            String privilege = "NONE";
            String description = type[1];
            if (i % 8 == 3) {
                String[] p = PRIVILEGED[(i / 8) % PRIVILEGED.length];
                privilege = p[0];
                description = p[1];
            }
            String confidentiality = roll < 0.5 ? "NONE" : roll < 0.85 ? "CONFIDENTIAL" : "HIGHLY_CONFIDENTIAL";
            docs.add(new Doc(
                    "DOC-" + (4101 + 3 * i),
                    CUSTODIANS[random.nextInt(CUSTODIANS.length)],
                    LocalDate.of(2023, 1, 9).plusDays(random.nextInt(500)),
                    type[0],
                    description,
                    1 + random.nextInt(random.nextDouble() < 0.2 ? 60 : 12),
                    i % 7 != 5,
                    privilege,
                    confidentiality));
        }
        Table list =
                new Table("doc_id,custodian,doc_date,doc_type,description,pages,responsive,privilege,confidentiality");
        docs.forEach(d -> list.row(
                d.id(),
                d.custodian(),
                d.date(),
                d.type(),
                d.description(),
                d.pages(),
                d.responsive() ? "Y" : "N",
                d.privilege(),
                d.confidentiality()));
        ObjectNode request = Formats.object()
                .put("matter", "Harlan Pumps, Inc. v. Westbrook Components LLC, No. 24-cv-03318")
                .put("producing_party", "Harlan Pumps, Inc.")
                .put("volume", "HLM-VOL004")
                .put("bates_prefix", PREFIX)
                .put("bates_digits", 7)
                .put("last_bates_produced", PREFIX + String.format(Locale.ROOT, "%07d", lastProduced));

        Table production = new Table("doc_id,bates_begin,bates_end,pages,legend");
        Table privilegeLog = new Table("doc_id,doc_date,custodian,privilege_basis,description");
        List<Doc> produced = docs.stream()
                .filter(d -> d.responsive() && d.privilege().equals("NONE"))
                .sorted(Comparator.comparing(Doc::custodian)
                        .thenComparing(Doc::date)
                        .thenComparing(Doc::id))
                .toList();
        int next = lastProduced + 1;
        int pages = 0;
        for (Doc d : produced) {
            production.row(d.id(), bates(next), bates(next + d.pages() - 1), d.pages(), legend(d.confidentiality()));
            next += d.pages();
            pages += d.pages();
        }
        List<Doc> withheld = docs.stream()
                .filter(d -> d.responsive() && !d.privilege().equals("NONE"))
                .sorted(Comparator.comparing(Doc::date).thenComparing(Doc::id))
                .toList();
        for (Doc d : withheld) {
            privilegeLog.row(
                    d.id(),
                    d.date(),
                    d.custodian(),
                    d.privilege().equals("WORK_PRODUCT") ? "Attorney Work Product" : "Attorney-Client Privilege",
                    d.description());
        }
        ObjectNode summary = Formats.object()
                .put("volume", "HLM-VOL004")
                .put("first_bates", bates(lastProduced + 1))
                .put("last_bates", bates(next - 1))
                .put("documents_produced", produced.size())
                .put("pages_produced", pages)
                .put("documents_withheld", withheld.size());
        task.input("documents.csv", list);
        task.input("production_request.json", request);
        task.csv("production_log.csv", production, "doc_id")
                .rows(
                        "produced documents",
                        5,
                        columns()
                                .text("bates_begin", "bates_end")
                                .num(0, "pages")
                                .text("legend"));
        task.csv("privilege_log.csv", privilegeLog, "doc_id")
                .rows("privilege log", 3, columns().text("doc_date", "custodian", "privilege_basis", "description"));
        task.json("production_summary.json", summary).fields("volume summary", 2, 0);
        task.instructions(instruction(production, privilegeLog));
    }

    private static String bates(int n) {
        return PREFIX + String.format(Locale.ROOT, "%07d", n);
    }

    private static String legend(String confidentiality) {
        return switch (confidentiality) {
            case "CONFIDENTIAL" -> "CONFIDENTIAL";
            case "HIGHLY_CONFIDENTIAL" -> "HIGHLY CONFIDENTIAL - ATTORNEYS' EYES ONLY";
            default -> "";
        };
    }

    private static String instruction(Table production, Table privilegeLog) {
        return """
                You are a litigation paralegal for Harlan Pumps, Inc. Prepare the fourth production volume \
                (HLM-VOL004) in answer to the defendant's document requests.

                Files in the workspace:
                - `documents.csv`: the reviewed documents, with the review decisions: responsive (Y/N), \
                privilege (NONE, ATTORNEY_CLIENT or WORK_PRODUCT) and confidentiality (NONE, CONFIDENTIAL or \
                HIGHLY_CONFIDENTIAL), and each document's page count.
                - `production_request.json`: the volume name, the Bates prefix, the number of digits and the \
                last Bates number of the previous volume.

                Rules:
                1. Produce every responsive document whose privilege is NONE. Non-responsive documents are \
                neither produced nor logged.
                2. Order the produced documents by custodian (as written, A to Z), then doc_date (oldest \
                first), then doc_id. Number their pages consecutively, starting right after the last Bates \
                number of the previous volume; a document's range runs from its first page's number to its \
                last page's number. A Bates number is the prefix followed by the number padded with zeros to \
                the given digits (such as HLM0001234).
                3. legend: CONFIDENTIAL for CONFIDENTIAL, HIGHLY CONFIDENTIAL - ATTORNEYS' EYES ONLY for \
                HIGHLY_CONFIDENTIAL, empty for NONE.
                4. Withhold every responsive document whose privilege is not NONE and list it on the privilege \
                log, ordered by doc_date then doc_id, with privilege_basis Attorney-Client Privilege \
                (ATTORNEY_CLIENT) or Attorney Work Product (WORK_PRODUCT) and the description from \
                documents.csv. Withheld documents take no Bates numbers.

                Write `production_log.csv` with the header `{production}` (one row per produced document), \
                `privilege_log.csv` with the header `{privilege}`, and `production_summary.json`: one JSON \
                object with "volume", "first_bates", "last_bates" (the first and last numbers used, as Bates \
                strings), "documents_produced", "pages_produced" and "documents_withheld".

                Grading: rows are matched by doc_id; every compared cell and summary field must be exact \
                (text after trimming); rows that do not belong cost credit."""
                .replace("{production}", production.headerLine())
                .replace("{privilege}", privilegeLog.headerLine());
    }
}
