package dev.ale.samples;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.Trajectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule-based agent's tools: list, read and write files of the session workspace, each call
 * recorded in the trajectory as a tool call followed by an observation. Paths are relative to the
 * workspace with '/' separators; the agent has no other way to reach files.
 */
final class AgentWorkspace {
    private static final int PREVIEW_CHARS = 240;
    private static final Pattern WRITE_TARGET = Pattern.compile("Write `([^`]+)`");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final Path root;
    private final Trajectory trajectory;

    AgentWorkspace(Path root, Trajectory trajectory) {
        this.root = root;
        this.trajectory = trajectory;
    }

    Trajectory trajectory() {
        return trajectory;
    }

    /** All regular files of the workspace, as sorted relative paths. */
    List<String> list() throws IOException {
        trajectory.toolCall("list_files", "{\"path\": \".\"}");
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> names.add(relative(p)));
        }
        names.sort(null);
        trajectory.observation(String.join("\n", names));
        return names;
    }

    String read(String path) throws IOException {
        trajectory.toolCall("read_file", "{\"path\": \"" + path + "\"}");
        String text = Files.readString(root.resolve(path), StandardCharsets.UTF_8);
        trajectory.observation(
                text.length() <= PREVIEW_CHARS
                        ? text
                        : text.substring(0, PREVIEW_CHARS) + "... (" + text.length() + " characters)");
        return text;
    }

    void write(String path, String content) throws IOException {
        trajectory.toolCall("write_file", "{\"path\": \"" + path + "\", \"characters\": " + content.length() + "}");
        Path file = root.resolve(path);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
        trajectory.observation("wrote " + path);
    }

    /** Reads a CSV file of the workspace into rows of column name to value. */
    List<Map<String, String>> csv(String path) throws IOException {
        return SimpleCsv.read(read(path));
    }

    /** Reads a JSON file of the workspace, with decimals kept exact. */
    JsonNode json(String path) throws IOException {
        return JSON.readTree(read(path));
    }

    /** Writes a JSON value, pretty-printed, with decimals as written. */
    void writeJson(String path, JsonNode value) throws IOException {
        write(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
    }

    /** A new JSON object for {@link #writeJson}. */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    void think(String text) {
        trajectory.message("assistant", text);
    }

    /** The output file an instruction asks for ("Write `name`"), or {@code fallback} if it names none. */
    static String outputName(String instruction, String fallback) {
        Matcher m = WRITE_TARGET.matcher(instruction);
        return m.find() ? m.group(1) : fallback;
    }

    private String relative(Path p) {
        Path rel = root.relativize(p);
        StringBuilder b = new StringBuilder();
        for (Path part : rel) {
            b.append(b.length() == 0 ? "" : "/").append(part);
        }
        return b.toString();
    }
}
