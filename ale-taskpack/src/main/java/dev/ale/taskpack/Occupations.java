package dev.ale.taskpack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The SOC 2018 codes and ALE's clusters and subfields, loaded once from the bundled CSV files
 * ({@code soc2018.csv}, {@code ale-taxonomy.csv}) the first time a pack is validated.
 */
final class Occupations {
    static final Pattern SOC = Pattern.compile("\\d{2}-\\d{4}");
    static final Pattern ONET = Pattern.compile("\\d{2}-\\d{4}\\.\\d{2}");

    private final Set<String> codes;
    private final Set<String> detailed;
    private final Map<String, Set<String>> subfields;
    /** Every code, cluster and subfield of the tables, to itself. */
    private final Map<String, String> canonical = new HashMap<>();

    private Occupations(Set<String> codes, Set<String> detailed, Map<String, Set<String>> subfields) {
        this.codes = codes;
        this.detailed = detailed;
        this.subfields = subfields;
        codes.forEach(c -> canonical.put(c, c));
        subfields.forEach((cluster, names) -> {
            canonical.put(cluster, cluster);
            names.forEach(n -> canonical.putIfAbsent(n, n));
        });
    }

    /**
     * The tables' own instance of {@code value} when they hold it, else {@code value}: the tasks of a
     * pack then share one string per cluster, subfield and code instead of one each.
     */
    String canonical(String value) {
        return canonical.getOrDefault(value, value);
    }

    private static final class Holder {
        static final Occupations INSTANCE = load();
    }

    /** The bundled data. */
    static Occupations get() {
        return Holder.INSTANCE;
    }

    /** Whether {@code cluster} is one of ALE's industry clusters. */
    boolean isCluster(String cluster) {
        return subfields.containsKey(cluster);
    }

    /** The cluster names, sorted. */
    Set<String> clusters() {
        return subfields.keySet();
    }

    /** Whether {@code subfield} is a known subfield of {@code cluster}. */
    boolean isSubfield(String cluster, String subfield) {
        return subfields.getOrDefault(cluster, Set.of()).contains(subfield);
    }

    /**
     * Why {@code code} is not acceptable, or null when it is: a SOC 2018 code {@code NN-NNNN} of
     * any level, or an O*NET-SOC code {@code NN-NNNN.NN} under a detailed SOC 2018 occupation.
     */
    String socProblem(String code) {
        if (isSoc(code)) {
            return codes.contains(code) ? null : "unknown SOC 2018 code '" + code + "'";
        }
        if (isOnet(code)) {
            return detailed.contains(code.substring(0, 7))
                    ? null
                    : "unknown O*NET-SOC code '" + code + "': '" + code.substring(0, 7)
                            + "' is not a detailed SOC 2018 occupation";
        }
        return "not a SOC 2018 code (NN-NNNN) or O*NET-SOC code (NN-NNNN.NN): '" + code + "'";
    }

    /** Whether {@code code} has the shape {@code NN-NNNN} that {@link #SOC} matches (without a matcher: every task's codes are checked). */
    static boolean isSoc(String code) {
        return code.length() == 7 && socShape(code);
    }

    /** Whether {@code code} has the shape {@code NN-NNNN.NN} that {@link #ONET} matches. */
    static boolean isOnet(String code) {
        return code.length() == 10 && socShape(code) && code.charAt(7) == '.' && isDigits(code, 8, 10);
    }

    /** Whether the first seven characters read {@code NN-NNNN} in ASCII digits (what {@code \\d} matches). */
    private static boolean socShape(String code) {
        return isDigits(code, 0, 2) && code.charAt(2) == '-' && isDigits(code, 3, 7);
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Occupations load() {
        Set<String> codes = new HashSet<>();
        Set<String> detailed = new HashSet<>();
        for (String[] row : rows("soc2018.csv", 3)) {
            codes.add(row[0]);
            if (row[1].equals("detailed")) {
                detailed.add(row[0]);
            }
        }
        Map<String, Set<String>> subfields = new TreeMap<>();
        for (String[] row : rows("ale-taxonomy.csv", 5)) {
            subfields.computeIfAbsent(row[1], c -> new TreeSet<>()).add(row[3]);
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        subfields.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(v)));
        return new Occupations(
                Set.copyOf(codes), Set.copyOf(detailed), Collections.unmodifiableMap(new TreeMap<>(frozen)));
    }

    /** The rows of a bundled CSV after its header, split into at most {@code columns} fields (the last may hold commas). */
    private static List<String[]> rows(String resource, int columns) {
        try (InputStream in = Occupations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled resource " + resource + " is missing from ale-taskpack");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            List<String[]> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    String[] row = line.split(",", columns);
                    if (row.length < columns) {
                        throw new IllegalStateException("malformed row in bundled " + resource + ": " + line);
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + resource, e);
        }
    }
}
