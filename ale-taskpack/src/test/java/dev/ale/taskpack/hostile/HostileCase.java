package dev.ale.taskpack.hostile;

import dev.ale.api.AleException;
import dev.ale.taskpack.PackLimits;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One hostile or broken pack of the corpus: how to build it from a valid pack, and the refusal it
 * must meet — the exception type, the entry it names, the JSON Pointer (when there is one) and a
 * fragment of the rule.
 *
 * @param name   a short description, shown as the test name
 * @param build  writes the pack (an archive or a directory) into a folder of its own and returns its path
 * @param type   the exception expected
 * @param source the entry (or archive) the exception must name, exactly
 * @param field  the JSON Pointer expected, or null when any will do
 * @param rule   a fragment the rule must contain
 * @param limits the limits the pack is opened with
 * @param defect null for a case the reader handles; else what is wrong with the reader today
 */
record HostileCase(
        String name,
        Builder build,
        Class<? extends AleException> type,
        String source,
        String field,
        String rule,
        PackLimits limits,
        String defect) {
    /** Writes one hostile pack. */
    @FunctionalInterface
    interface Builder {
        /**
         * @param pack   a fresh valid pack directory, which the builder may edit (for directory cases) or archive
         * @param folder an empty folder for the archive; nothing else may appear in it
         */
        Path build(PackDir pack, Path folder) throws IOException;
    }

    static HostileCase of(String name, Class<? extends AleException> type, String source, String rule, Builder build) {
        return new HostileCase(name, build, type, source, null, rule, PackLimits.defaults(), null);
    }

    HostileCase field(String pointer) {
        return new HostileCase(name, build, type, source, pointer, rule, limits, defect);
    }

    HostileCase limits(PackLimits newLimits) {
        return new HostileCase(name, build, type, source, field, rule, newLimits, defect);
    }

    /** Marks the case as one the reader gets wrong today (it then runs in the disabled suite only). */
    HostileCase defect(String what) {
        return new HostileCase(name, build, type, source, field, rule, limits, what);
    }

    @Override
    public String toString() {
        return name;
    }
}
