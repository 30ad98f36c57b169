package dev.ale.verifiers.internal.table;

import com.google.common.collect.ImmutableMap;
import dev.ale.verifiers.internal.support.Render;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How configured column names find their columns in a header (names already trimmed): exactly,
 * or without case, and through aliases (other names the output may use for a column).
 *
 * @param ignoreCase whether names match regardless of case
 * @param aliases    for a column, the other names it may go by
 */
record HeaderMatch(boolean ignoreCase, Map<String, List<String>> aliases) {
    /** Exact names, no aliases: how reference tables are read. */
    static final HeaderMatch EXACT = new HeaderMatch(false, Map.of());

    HeaderMatch {
        aliases = ImmutableMap.copyOf(aliases);
    }

    /** The names column {@code name} may go by: itself, then its aliases. */
    List<String> namesOf(String name) {
        List<String> out = new ArrayList<>();
        out.add(name);
        out.addAll(aliases.getOrDefault(name, List.of()));
        return out;
    }

    /** The indices of the header cells that {@code name} (or one of its aliases) matches. */
    List<Integer> find(List<String> header, String name) {
        List<String> names = namesOf(name);
        List<Integer> out = new ArrayList<>(1);
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            for (String n : names) {
                if (ignoreCase ? fold(h).equals(fold(n)) : h.equals(n)) {
                    out.add(i);
                    break;
                }
            }
        }
        return out;
    }

    private static String fold(String s) {
        return CellRule.fold(s);
    }

    /** In a few words, for messages: {@code 'amount' (or 'total', any case)}. */
    String describe(String name) {
        List<String> names = namesOf(name);
        StringBuilder b = new StringBuilder(Render.quoted(name));
        if (names.size() > 1) {
            b.append(" (or ");
            for (int i = 1; i < names.size(); i++) {
                b.append(i > 1 ? ", " : "").append(Render.quoted(names.get(i)));
            }
            b.append(ignoreCase ? ", any case)" : ")");
        } else if (ignoreCase) {
            b.append(" (any case)");
        }
        return b.toString();
    }
}
