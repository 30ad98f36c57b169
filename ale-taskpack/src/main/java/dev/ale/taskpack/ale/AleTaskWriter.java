package dev.ale.taskpack.ale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.task.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes one imported task's folder of the pack: {@code task.json} from the card, {@code inputs/input/}
 * from the data's {@code input/}, {@code reference/} or {@code reference.7z}, {@code solution/output/}
 * from ALE's passing replay fixture {@code output_test_pos/} when there is one, and the grader's
 * files in {@code grader/}. Links in the source are refused.
 */
final class AleTaskWriter {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    static final ObjectMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private AleTaskWriter() {}

    /** The pack's id of ALE task {@code taskId}: lower case, {@code /} as {@code .}, other characters as {@code -}. */
    static String id(String taskId) throws Skip {
        String id = taskId.strip().toLowerCase(Locale.ROOT).replace('/', '.').replaceAll("[^a-z0-9._-]", "-");
        if (!ID.matcher(id).matches()) {
            throw new Skip("task id '" + taskId + "' gives no valid pack id (" + ID.pattern() + ")");
        }
        return id;
    }

    /** The data folder of an ALE task: {@code <root>/<cluster>/<task>}, or its {@code base/} variant when it has one. */
    static Path data(Path root, String taskId) throws Skip {
        Path dir = root;
        for (String part : taskId.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new Skip("task id '" + taskId + "' is not cluster/task");
            }
            dir = dir.resolve(part);
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new Skip("no data folder " + dir);
        }
        Path base = dir.resolve("base");
        return Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir.resolve("input"))
                ? base
                : dir;
    }

    /** Writes the task folder {@code target} for the ALE task folder {@code source}. */
    static void write(
            Path source,
            AleCard card,
            String id,
            Path data,
            Tier tier,
            List<String> soc,
            ObjectNode verifier,
            Path target)
            throws IOException, Skip {
        Files.createDirectories(target);
        copyTree(data.resolve("input"), target.resolve("inputs/input"));
        Path sealed = data.resolve("reference.7z");
        if (Files.isRegularFile(sealed, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(data.resolve("reference"))) {
                throw new Skip("the data holds both reference/ and reference.7z");
            }
            Files.copy(sealed, target.resolve("reference.7z"));
        } else {
            copyTree(data.resolve("reference"), target.resolve("reference"));
        }
        copyTree(data.resolve("output_test_pos"), target.resolve("solution/output"));
        for (String f : AleGrader.files(source)) {
            Path to = target.resolve("grader").resolve(f);
            Files.createDirectories(to.getParent());
            Files.copy(source.resolve(f), to);
        }
        ObjectNode task = JsonNodeFactory.instance.objectNode();
        task.put("id", id);
        task.put("revision", 1);
        task.put("title", card.title());
        ObjectNode taxonomy = task.putObject("taxonomy");
        taxonomy.put("cluster", card.cluster());
        taxonomy.put("subfield", card.subfield());
        soc.forEach(taxonomy.putArray("soc")::add);
        task.put("tier", tier.id());
        card.timeout().ifPresent(t -> task.putObject("limits").put("timeout", t));
        task.putArray("sessions").addObject().put("instruction", AlePrompt.rewrite(card.prompt()));
        task.set("verifier", verifier);
        task.set("metadata", card.metadata());
        Files.write(target.resolve("task.json"), JSON.writeValueAsBytes(task));
    }

    /** Copies the regular files and folders under {@code from} (when it exists) to {@code to}; a link is refused. */
    static void copyTree(Path from, Path to) throws IOException, Skip {
        if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            throw new Skip(from + " is not a folder");
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    throw new Skip("a link in the data, refused: " + p);
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(t);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(p, t);
                } else {
                    throw new Skip("not a regular file in the data, refused: " + p);
                }
            }
        }
    }
}
