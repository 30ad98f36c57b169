package dev.ale.taskpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated {@code pack.json}: name, version, descriptive fields, the listed tasks with their
 * recorded revisions and digests, and the named lists.
 *
 * @param strict whether unknown fields are errors (the format's minor version is ours)
 */
record Manifest(
        String name,
        String version,
        PackInfo info,
        List<Entry> tasks,
        Map<String, List<String>> lists,
        boolean strict) {
    static final String FILE = "pack.json";
    static final String FORMAT = "ale-taskpack";
    static final int MAJOR = 1;
    static final int MINOR = 0;
    static final String READER_VERSION = MAJOR + "." + MINOR;
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

    /** Whether {@code id} is a task id, as {@link #ID} matches it (without a matcher: it runs for every task). */
    static boolean isId(String id) {
        int n = id.length();
        if (n == 0 || n > 128 || !isLowerAlnum(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = id.charAt(i);
            if (!isLowerAlnum(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static final Pattern FORMAT_VERSION = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
    private static final Set<String> TOP =
            Set.of("format", "formatVersion", "name", "version", "description", "license", "tasks", "lists");
    private static final Set<String> TASK = Set.of("id", "revision", "digest");

    /**
     * One task as listed in {@code pack.json}.
     *
     * @param revision the recorded revision (0 when a pack being built leaves it out)
     * @param digest   the recorded digest ({@code ""} when a pack being built leaves it out)
     * @param pointer  where the entry is in pack.json ({@code /tasks/3})
     */
    record Entry(String id, int revision, String digest, String pointer) {}

    /**
     * Validates {@code pack.json}.
     *
     * @param building true while digests are being computed: revisions and digests may be missing or stale
     */
    static Manifest read(ObjectNode json, boolean building, List<String> warnings) {
        Fields f = new Fields(FILE, true, warnings);
        String format = f.text(json, "format", "");
        if (!format.equals(FORMAT)) {
            throw f.error(
                    "/format", "not an ale-taskpack manifest: format must be '" + FORMAT + "', found '" + format + "'");
        }
        String formatVersion = f.text(json, "formatVersion", "");
        Matcher m = FORMAT_VERSION.matcher(formatVersion);
        if (!m.matches()) {
            throw f.error(
                    "/formatVersion",
                    "must be 'major.minor' such as '" + READER_VERSION + "', found '" + formatVersion + "'");
        }
        if (Integer.parseInt(m.group(1)) != MAJOR) {
            throw f.error(
                    "/formatVersion",
                    "format version " + formatVersion + " is not supported: this reader reads " + MAJOR + ".x (up to "
                            + READER_VERSION + ")");
        }
        boolean strict = Integer.parseInt(m.group(2)) <= MINOR;
        if (!strict) {
            f.warn(
                    "/formatVersion",
                    "format version " + formatVersion + " is newer than this reader's " + READER_VERSION
                            + ": unknown fields are ignored");
            f = new Fields(FILE, false, warnings);
        }
        f.onlyKnown(json, "", TOP);
        String name = f.text(json, "name", "");
        String version = f.text(json, "version", "");
        if (!SEMVER.matcher(version).matches()) {
            throw f.error("/version", "must be a semantic version such as '1.0.0', found '" + version + "'");
        }
        PackInfo info = new PackInfo(
                format,
                formatVersion,
                f.optionalText(json, "description", "", ""),
                f.optionalText(json, "license", "", ""));
        List<Entry> tasks = tasks(f, f.array(f.required(json, "tasks", ""), "/tasks"), building);
        JsonNode listsNode = json.get("lists");
        Map<String, List<String>> lists =
                listsNode == null || listsNode.isNull() ? Map.of() : lists(f, f.object(listsNode, "/lists"), tasks);
        return new Manifest(name, version, info, List.copyOf(tasks), lists, strict);
    }

    private static List<Entry> tasks(Fields f, ArrayNode array, boolean building) {
        if (array.isEmpty()) {
            throw f.error("/tasks", "a pack needs at least one task");
        }
        List<Entry> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "/tasks/" + i;
            ObjectNode t = f.object(array.get(i), at);
            f.onlyKnown(t, at, TASK);
            String id = f.text(t, "id", at);
            if (!isId(id)) {
                throw f.error(at + "/id", "not a valid task id '" + id + "': it must match " + ID.pattern());
            }
            String earlier = seen.putIfAbsent(id, at);
            if (earlier != null) {
                throw f.error(at + "/id", "duplicate task id '" + id + "' (also at " + earlier + ")");
            }
            JsonNode rev = t.get("revision");
            int revision = building && (rev == null || rev.isNull())
                    ? 0
                    : f.integer(f.required(t, "revision", at), at + "/revision", 1);
            JsonNode dig = t.get("digest");
            String digest = building && (dig == null || dig.isNull())
                    ? ""
                    : f.string(f.required(t, "digest", at), at + "/digest");
            if (!building) {
                if (digest.isEmpty()) {
                    throw f.error(
                            at + "/digest",
                            "empty digest: run TaskPackWriter.updateDigests (or `ale pack build`) to fill it in");
                }
                if (!isDigest(digest)) {
                    throw f.error(at + "/digest", "not a SHA-256 digest (64 lower-case hex digits): '" + digest + "'");
                }
            }
            out.add(new Entry(id, revision, digest, at));
        }
        return out;
    }

    /** Whether {@code s} is 64 lower-case hex digits. */
    private static boolean isDigest(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<String>> lists(Fields f, ObjectNode node, List<Entry> tasks) {
        Set<String> ids = new HashSet<>();
        tasks.forEach(t -> ids.add(t.id()));
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> list : node.properties()) {
            String at = "/lists/" + Fields.escape(list.getKey());
            if (list.getKey().isBlank()) {
                throw f.error(at, "a list needs a name");
            }
            ArrayNode members = f.array(list.getValue(), at);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                String id = f.string(members.get(i), at + "/" + i);
                if (!ids.contains(id)) {
                    throw f.error(at + "/" + i, "unknown task '" + id + "' (not in /tasks)");
                }
                names.add(id);
            }
            out.put(list.getKey(), List.copyOf(names));
        }
        return Collections.unmodifiableMap(out);
    }
}
