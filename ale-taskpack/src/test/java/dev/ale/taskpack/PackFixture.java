package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.task.TaskPackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes valid multi-task pack directories for tests, edits them, and computes their digests with
 * an implementation of the contract that is independent of the one under test.
 */
public final class PackFixture {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> IDS = List.of("bank-rec", "ledger-close", "site-survey");

    final Path dir;

    private PackFixture(Path dir) {
        this.dir = dir;
    }

    /** A pack of three tasks (two sessions, O*NET code, several parts) with correct digests. */
    static PackFixture standard(Path dir) {
        PackFixture p = new PackFixture(dir);
        p.writeTask(
                "bank-rec",
                task(
                        "bank-rec",
                        "Reconcile the March bank statement",
                        "business_finance",
                        "accounting",
                        List.of("13-2011", "43-3031"),
                        "near-term",
                        2));
        p.write("tasks/bank-rec/inputs/statement.csv", "date,amount\n2024-03-01,100.00\n2024-03-02,-25.50\n");
        p.write("tasks/bank-rec/inputs/data/ledger.csv", "date,amount\n2024-03-01,100.00\n");
        p.write("tasks/bank-rec/sessions/2/correction.txt", "The bank corrected the fee on 2024-03-02.\n");
        p.write("tasks/bank-rec/reference/expected.csv", "date,amount,matched\n2024-03-01,100.00,yes\n");
        p.write("tasks/bank-rec/solution/reconciled.csv", "date,amount,matched\n2024-03-01,100.00,yes\n");
        ObjectNode close = task(
                "ledger-close",
                "Close the ledger for Q1",
                "business_finance",
                "accounting",
                List.of("13-2011.01"),
                "full-spectrum",
                1);
        close.putObject("limits").put("timeout", "PT1H").put("maxSteps", 50).put("maxCostUsd", 2.5);
        close.put("passThreshold", 0.9);
        p.writeTask("ledger-close", close);
        p.write("tasks/ledger-close/inputs/trial-balance.json", "{\"accounts\": 3}\n");
        p.write("tasks/ledger-close/reference/expected.json", "{\"closed\": true}\n");
        ObjectNode survey = task(
                "site-survey",
                "Summarise the site survey",
                "engineering",
                "civil_geo",
                List.of("17-2051"),
                "last-exam",
                1);
        survey.putObject("limits").put("timeout", 600);
        p.writeTask("site-survey", survey);
        p.write("tasks/site-survey/inputs/survey notes ü.txt", "Soil: clay. Slope: 3%.\n");
        ObjectNode manifest = manifest("sample", "1.2.0", "A pack for tests");
        ArrayNode tasks = manifest.putArray("tasks");
        for (String id : IDS) {
            tasks.addObject().put("id", id).put("revision", 1).put("digest", "");
        }
        ObjectNode lists = manifest.putObject("lists");
        lists.putArray("smoke").add("bank-rec");
        lists.putArray("finance").add("bank-rec").add("ledger-close");
        p.writeManifest(manifest);
        p.rehash();
        return p;
    }

    /** A task.json tree with a weighted verifier. */
    /** The descriptive head of a pack.json (format 1.0, licence CC-BY-4.0), without tasks. */
    public static ObjectNode manifest(String name, String version, String description) {
        ObjectNode m = JSON.createObjectNode();
        return m.put("format", "ale-taskpack")
                .put("formatVersion", "1.0")
                .put("name", name)
                .put("version", version)
                .put("description", description)
                .put("license", "CC-BY-4.0");
    }

    static ObjectNode task(
            String id, String title, String cluster, String subfield, List<String> soc, String tier, int sessions) {
        ObjectNode t = JSON.createObjectNode();
        t.put("id", id).put("revision", 1).put("title", title);
        ObjectNode tax = t.putObject("taxonomy").put("cluster", cluster).put("subfield", subfield);
        soc.forEach(tax.putArray("soc")::add);
        t.put("tier", tier);
        ArrayNode s = t.putArray("sessions");
        for (int i = 1; i <= sessions; i++) {
            s.addObject().put("instruction", "Do part " + i + " of " + title);
        }
        ObjectNode v = t.putObject("verifier").put("type", "weighted");
        v.putArray("checks").addObject().put("type", "file-exists").put("path", "out.csv");
        t.putObject("metadata").put("source", "test");
        return t;
    }

    ObjectNode manifest() {
        return read("pack.json");
    }

    void writeManifest(ObjectNode json) {
        writeJson("pack.json", json);
    }

    ObjectNode task(String id) {
        return read("tasks/" + id + "/task.json");
    }

    void writeTask(String id, ObjectNode json) {
        writeJson("tasks/" + id + "/task.json", json);
    }

    /** Edits a task.json and fixes the digests, so only the edit is wrong. */
    void editTask(String id, Consumer<ObjectNode> edit) {
        ObjectNode t = task(id);
        edit.accept(t);
        writeTask(id, t);
        rehash();
    }

    /** Edits pack.json (digests are left as they are). */
    void editManifest(Consumer<ObjectNode> edit) {
        ObjectNode m = manifest();
        edit.accept(m);
        writeManifest(m);
    }

    ObjectNode read(String path) {
        try {
            return (ObjectNode) JSON.readTree(dir.resolve(path).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeJson(String path, JsonNode json) {
        try {
            write(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String path, String text) {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    void write(String path, byte[] bytes) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opening the pack fails with a TaskPackException, which is returned. */
    TaskPackException refusal() {
        return assertThrows(TaskPackException.class, () -> TaskPacks.open(dir).close());
    }

    /** Asserts that opening fails naming this source, field and a rule containing {@code rule}. */
    TaskPackException assertRefused(String source, String field, String rule) {
        TaskPackException e = refusal();
        assertEquals(source, e.source(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.rule().contains(rule), e.getMessage());
        return e;
    }

    /** The warnings of opening the pack (which must succeed). */
    List<String> warnings() {
        try (TaskPack pack = TaskPacks.open(dir)) {
            return pack.warnings();
        }
    }

    /** Recomputes every listed task's digest into pack.json. */
    void rehash() {
        ObjectNode m = manifest();
        for (JsonNode t : m.get("tasks")) {
            ((ObjectNode) t)
                    .put(
                            "digest",
                            digest(dir.resolve("tasks").resolve(t.get("id").asText())));
        }
        writeManifest(m);
    }

    /** The recorded digest of a task. */
    String recordedDigest(String id) {
        for (JsonNode t : manifest().get("tasks")) {
            if (t.get("id").asText().equals(id)) {
                return t.get("digest").asText();
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** The contract's task digest, computed over the files of {@code taskDir} (an oracle independent of the code under test). */
    public static String digest(Path taskDir) {
        try (Stream<Path> walk = Files.walk(taskDir)) {
            List<String> paths = new ArrayList<>();
            walk.filter(Files::isRegularFile)
                    .forEach(f -> paths.add(taskDir.relativize(f).toString().replace('\\', '/')));
            paths.sort((a, b) ->
                    Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : paths) {
                byte[] content = Files.readAllBytes(taskDir.resolve(p));
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(ByteBuffer.allocate(8).putLong(content.length).array());
                sha.update(content);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The contract's pack digest over the given "id digest" pairs, in id order. */
    static String packDigest(List<String> idDigestLines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            idDigestLines.stream().sorted().forEach(l -> sha.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
