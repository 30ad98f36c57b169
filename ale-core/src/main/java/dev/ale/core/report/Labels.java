package dev.ale.core.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Human titles for breakdown keys: SOC 2018 major groups ({@code 13} → Business and Financial
 * Operations) and ALE subfields ({@code civil_geo} → Civil, Architectural &amp; Geospatial
 * Engineering), read from the tables ale-taskpack ships. A key without a title shows as itself.
 */
final class Labels {
    private static final String SOC = "/dev/ale/taskpack/soc2018.csv";
    private static final String TAXONOMY = "/dev/ale/taskpack/ale-taxonomy.csv";

    private Labels() {}

    private static final class Holder {
        static final Map<String, String> SOC_MAJOR = load(
                SOC,
                row -> row.size() >= 3 && row.get(1).equals("major")
                        ? new String[] {row.get(0).substring(0, 2), row.get(2).replaceFirst(" Occupations$", "")}
                        : null);
        static final Map<String, String> SUBFIELDS =
                load(TAXONOMY, row -> row.size() >= 5 ? new String[] {row.get(3), row.get(4)} : null);
    }

    /** The title of a SOC major group such as {@code 13}, or "" when unknown. */
    static String socMajorGroup(String key) {
        return Holder.SOC_MAJOR.getOrDefault(key, "");
    }

    /** The title of an ALE subfield such as {@code accounting}, or "" when unknown. */
    static String subfield(String key) {
        return Holder.SUBFIELDS.getOrDefault(key, "");
    }

    private static Map<String, String> load(String resource, Function<List<String>, String[]> entry) {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = Labels.class.getResourceAsStream(resource)) {
            if (in == null) {
                return map;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] kv = entry.apply(fields(line));
                if (kv != null) {
                    map.putIfAbsent(kv[0], kv[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            map.clear();
        }
        return map;
    }

    /** The fields of one CSV line (quoted fields with doubled quotes; no line breaks inside). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
