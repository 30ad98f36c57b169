package dev.ale.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * One sample for a {@link VerifierContract}: a verifier configuration with an output tree (what
 * an agent might leave) and a reference tree (the hidden answers), given as files by relative
 * '/'-separated path. Immutable: the {@code output} and {@code reference} methods return a new
 * sample with one more file.
 *
 * <pre>{@code Sample.of("memo approved", "{\"type\": \"text\", \"file\": \"memo.txt\", \"contains\": \"approved\"}")
 *       .output("memo.txt", "The budget is approved.")}</pre>
 *
 * @param name      names the sample in failure messages
 * @param config    the verifier configuration (a JSON object with {@code "type"})
 * @param output    output files by relative path (do not modify the arrays)
 * @param reference reference files by relative path (do not modify the arrays)
 */
@API(status = EXPERIMENTAL)
public record Sample(String name, JsonNode config, Map<String, byte[]> output, Map<String, byte[]> reference) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Sample {
        Objects.requireNonNull(name, "name");
        config = Objects.requireNonNull(config, "config").deepCopy();
        output = copy(output);
        reference = copy(reference);
    }

    /** A sample of a configuration written as JSON text, with empty trees. */
    public static Sample of(String name, String configJson) {
        try {
            return of(name, JSON.readTree(configJson));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "sample '" + name + "': the configuration is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A sample of a configuration, with empty trees. */
    public static Sample of(String name, JsonNode config) {
        return new Sample(name, config, Map.of(), Map.of());
    }

    /** This sample with one more output file (UTF-8 text). */
    public Sample output(String path, String text) {
        return output(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** This sample with one more output file. */
    public Sample output(String path, byte[] content) {
        return new Sample(name, config, with(output, path, content), reference);
    }

    /** This sample with one more reference file (UTF-8 text). */
    public Sample reference(String path, String text) {
        return reference(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** This sample with one more reference file. */
    public Sample reference(String path, byte[] content) {
        return new Sample(name, config, output, with(reference, path, content));
    }

    /** This sample with every regular file under {@code dir} added to the output (links are not followed). */
    public Sample outputFrom(Path dir) {
        Sample s = this;
        for (Map.Entry<String, byte[]> e : read(dir).entrySet()) {
            s = s.output(e.getKey(), e.getValue());
        }
        return s;
    }

    /** This sample with every regular file under {@code dir} added to the reference (links are not followed). */
    public Sample referenceFrom(Path dir) {
        Sample s = this;
        for (Map.Entry<String, byte[]> e : read(dir).entrySet()) {
            s = s.reference(e.getKey(), e.getValue());
        }
        return s;
    }

    @Override
    public String toString() {
        return "sample '" + name + "' " + config + " output " + output.keySet() + " reference " + reference.keySet();
    }

    private static Map<String, byte[]> read(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                out.put(
                        dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"),
                        Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Map<String, byte[]> with(Map<String, byte[]> files, String path, byte[] content) {
        Map<String, byte[]> out = new TreeMap<>(files);
        out.put(checkPath(path), content.clone());
        return out;
    }

    private static Map<String, byte[]> copy(Map<String, byte[]> files) {
        Map<String, byte[]> out = new TreeMap<>();
        files.forEach((k, v) -> out.put(checkPath(k), v.clone()));
        for (String k : out.keySet()) {
            for (String other : out.keySet()) {
                if (other.startsWith(k + "/")) {
                    throw new IllegalArgumentException(
                            "'" + k + "' cannot be both a file and the directory of '" + other + "'");
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** A relative '/'-separated path without empty, '.' or '..' segments or backslashes. */
    private static String checkPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a sample path must be relative and '/'-separated: '" + path + "'");
        }
        for (String s : path.split("/", -1)) {
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                throw new IllegalArgumentException(
                        "a sample path must not have empty, '.' or '..' segments: '" + path + "'");
            }
        }
        return path;
    }
}
