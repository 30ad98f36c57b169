package dev.ale.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.taskpack.TaskPackWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The pack of the tiny-case figures, the same cases as the promptfoo peer's: task {@code case-<i>}
 * has the instruction {@code case-<i>} and the verifier {@code text} with {@code equals "case-<i>"}
 * on {@code out.txt}; nothing else (no inputs, no reference). Written as a directory and as the
 * canonical zip.
 */
final class TinyPack {
    static final String OUTPUT = "out.txt";

    private TinyPack() {}

    /** Writes {@code cases} tasks into {@code dir} (digests filled in) and the zip {@code zip} of it. */
    static void write(Path dir, Path zip, int cases) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode pack = mapper.createObjectNode()
                .put("format", "ale-taskpack")
                .put("formatVersion", "1.0")
                .put("name", "tiny-" + cases)
                .put("version", "1.0.0")
                .put("description", "ale-bench: " + cases + " tiny cases, an instruction in and one text file out")
                .put("license", "CC0-1.0");
        ArrayNode tasks = pack.putArray("tasks");
        for (int i = 0; i < cases; i++) {
            String id = id(i);
            tasks.addObject().put("id", id).put("revision", 1);
            ObjectNode task =
                    mapper.createObjectNode().put("id", id).put("revision", 1).put("title", "Tiny case " + i);
            task.putObject("taxonomy")
                    .put("cluster", "business_finance")
                    .put("subfield", "accounting")
                    .putArray("soc")
                    .add("13-2011");
            task.put("tier", "near-term");
            task.putArray("sessions").addObject().put("instruction", "case-" + i);
            task.putObject("verifier").put("type", "text").put("file", OUTPUT).put("equals", "case-" + i);
            task.put("passThreshold", 1.0);
            Path folder = Files.createDirectories(dir.resolve("tasks").resolve(id));
            Files.write(folder.resolve("task.json"), mapper.writeValueAsBytes(task));
        }
        Files.write(dir.resolve("pack.json"), mapper.writeValueAsBytes(pack));
        TaskPackWriter.updateDigests(dir);
        TaskPackWriter.write(dir, zip);
    }

    static String id(int i) {
        return String.format(Locale.ROOT, "case-%06d", i);
    }
}
