package dev.ale.taskpack.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.taskpack.PackFixture;
import dev.ale.taskpack.TaskPackWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A valid two-task pack directory built through the public API only (digests filled in by
 * {@link TaskPackWriter#updateDigests}), which the hostile suites then damage. Every pack carries
 * a marker string in its manifest and in an input file, so anything the reader leaves behind can
 * be recognised as coming from these tests.
 */
record PackDir(Path dir, String marker) {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The task every hostile entry is put into. */
    static final String TASK = "bank-rec";

    static final String INPUTS = "tasks/" + TASK + "/inputs/";

    /** Writes the pack into {@code dir} (created) and fills in its digests. */
    static PackDir create(Path dir, String marker) {
        PackDir p = new PackDir(dir, marker);
        p.writeJson("tasks/" + TASK + "/task.json", task(TASK, 2));
        p.write(INPUTS + "statement.csv", "date,amount\n2024-03-01,100.00\n2024-03-02,-25.50\n");
        p.write(INPUTS + "marker.txt", marker);
        p.write("tasks/" + TASK + "/sessions/2/correction.txt", "The bank corrected the fee.\n");
        p.write("tasks/" + TASK + "/reference/expected.csv", "date,amount,matched\n2024-03-01,100.00,yes\n");
        p.write("tasks/" + TASK + "/solution/out.csv", "date,amount,matched\n2024-03-01,100.00,yes\n");
        p.writeJson("tasks/ledger-close/task.json", task("ledger-close", 1));
        p.write("tasks/ledger-close/inputs/trial-balance.json", "{\"accounts\": 3}\n");
        ObjectNode m = PackFixture.manifest("hostile", "1.0.0", "hostile-suite " + marker);
        ArrayNode tasks = m.putArray("tasks");
        tasks.addObject().put("id", TASK);
        tasks.addObject().put("id", "ledger-close");
        m.putObject("lists").putArray("smoke").add(TASK);
        p.writeJson("pack.json", m);
        TaskPackWriter.updateDigests(dir);
        return p;
    }

    /** A task.json tree with a weighted verifier over one file-exists check. */
    static ObjectNode task(String id, int sessions) {
        ObjectNode t = JSON.createObjectNode();
        t.put("id", id).put("revision", 1).put("title", "Task " + id);
        ObjectNode tax =
                t.putObject("taxonomy").put("cluster", "business_finance").put("subfield", "accounting");
        tax.putArray("soc").add("13-2011");
        t.put("tier", "near-term");
        t.putObject("limits").put("timeout", "10m").put("maxSteps", 50).put("maxCostUsd", 2.5);
        ArrayNode s = t.putArray("sessions");
        for (int i = 1; i <= sessions; i++) {
            s.addObject().put("instruction", "Do part " + i);
        }
        t.putObject("verifier")
                .put("type", "weighted")
                .putArray("checks")
                .addObject()
                .put("type", "file-exists")
                .put("path", "out.csv");
        t.put("passThreshold", 1.0);
        t.putObject("metadata").put("source", "hostile suite");
        return t;
    }

    ObjectNode readJson(String path) {
        try {
            return (ObjectNode) JSON.readTree(dir.resolve(path).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edits a JSON file of the pack (digests are not updated). */
    PackDir editJson(String path, Consumer<ObjectNode> edit) {
        ObjectNode n = readJson(path);
        edit.accept(n);
        return writeJson(path, n);
    }

    PackDir writeJson(String path, Object tree) {
        try {
            return write(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PackDir write(String path, String text) {
        return write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    PackDir write(String path, byte[] bytes) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills in the digests again after an edit (the edit must leave the pack valid). */
    PackDir rehash() {
        TaskPackWriter.updateDigests(dir);
        return this;
    }

    /** The pack's regular files as archive entries, sorted by path ({@code pack.json} first). */
    List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.add(Entry.file(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The pack's entries followed by {@code extra}, {@code {m}} in their names standing for the marker. */
    List<Entry> entriesPlus(Entry... extra) {
        List<Entry> out = entries();
        for (Entry e : extra) {
            out.add(e.named(e.name().replace("{m}", marker)));
        }
        return out;
    }
}
