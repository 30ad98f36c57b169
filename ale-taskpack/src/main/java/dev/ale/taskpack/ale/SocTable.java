package dev.ale.taskpack.ale;

import dev.ale.api.AleException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SOC 2018 occupations of each ALE subfield, from the bundled {@code ale-subfield-soc.csv}
 * ({@code cluster,subfield,soc,basis}: the codes space-separated, the basis naming the SOC 2018
 * titles, and O*NET-SOC 2019 titles where one motivated the choice). ALE's task cards carry no
 * SOC codes; the sources and method are in {@code docs/ale.md}.
 */
final class SocTable {
    static final String RESOURCE = "ale-subfield-soc.csv";
    private static final Map<String, List<String>> BY_SUBFIELD = load();

    private SocTable() {}

    /** The SOC codes of {@code cluster}/{@code subfield}, or an empty list when the table has none. */
    static List<String> codes(String cluster, String subfield) {
        return BY_SUBFIELD.getOrDefault(cluster + "/" + subfield, List.of());
    }

    /** Every row, keyed {@code cluster/subfield}. */
    static Map<String, List<String>> all() {
        return BY_SUBFIELD;
    }

    private static Map<String, List<String>> load() {
        Map<String, List<String>> out = new TreeMap<>();
        try (InputStream in = SocTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new AleException(RESOURCE, "", "missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            if (!"cluster,subfield,soc,basis".equals(header)) {
                throw new AleException(RESOURCE, "line 1", "unexpected header " + header);
            }
            int n = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                String[] cells = line.split(",", 4);
                if (cells.length != 4 || cells[2].isBlank()) {
                    throw new AleException(RESOURCE, "line " + n, "expected cluster,subfield,soc,basis");
                }
                out.put(cells[0] + "/" + cells[1], List.of(cells[2].strip().split(" +")));
            }
        } catch (IOException e) {
            throw new AleException(RESOURCE, "", "cannot be read: " + e.getMessage(), e);
        }
        return Collections.unmodifiableMap(out);
    }
}
