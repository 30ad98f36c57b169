package dev.ale.taskpack.ale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Chooses how an imported task is graded, as ALE grades it. A task with a {@code main.py} is graded
 * by its {@code evaluate(task_cfg, session)} through the SDK's shim ({@code {ale-evaluate}} of the
 * {@code command} verifier); a task with no {@code main.py} but one scoring script in
 * {@code scripts/} ({@code score*.py}, {@code verify*.py}, {@code evaluate*.py}, {@code grade*.py})
 * whose options name its output and reference folders is graded by running that script. The
 * grader's files ({@code main.py}, the other {@code *.py} beside it and {@code scripts/}) go to the
 * task's hidden {@code grader/} folder.
 */
final class AleGrader {
    static final String MAIN = "main.py";
    static final String SCRIPTS = "scripts";
    /** How long a grader may run: ALE's own evaluations of large outputs take minutes. */
    static final String TIMEOUT = "30m";

    private static final Pattern SCORING = Pattern.compile("(?:score|verify|evaluate|grade)[\\w-]*\\.py");
    private static final Pattern OPTION = Pattern.compile("add_argument\\(\\s*[\"'](--[\\w-]+)[\"']");
    private static final Map<String, String> OPTIONS = options();

    private AleGrader() {}

    private static Map<String, String> options() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String o : List.of(
                "--output",
                "--outputs",
                "--output-dir",
                "--output_dir",
                "--pred-dir",
                "--pred_dir",
                "--prediction-dir",
                "--submission",
                "--submission-dir",
                "--agent-output")) {
            m.put(o, "{output}/output");
        }
        for (String o : List.of(
                "--reference",
                "--reference-dir",
                "--reference_dir",
                "--gt-dir",
                "--gt_dir",
                "--gold-dir",
                "--ref-dir",
                "--ref_dir",
                "--expected-dir")) {
            m.put(o, "{reference}");
        }
        for (String o : List.of("--input", "--inputs", "--input-dir", "--input_dir")) {
            m.put(o, "{inputs}/input");
        }
        return m;
    }

    /** The files that make up the grader, by their path in {@code grader/}. */
    static List<String> files(Path task) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> top = Files.list(task)) {
            for (Path p : top.sorted().toList()) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && p.getFileName().toString().endsWith(".py")) {
                    out.add(p.getFileName().toString());
                }
            }
        }
        Path scripts = task.resolve(SCRIPTS);
        if (Files.isDirectory(scripts, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> all = Files.walk(scripts)) {
                for (Path p : all.sorted().toList()) {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                            && !p.toString().contains("__pycache__")) {
                        out.add(task.relativize(p).toString().replace('\\', '/'));
                    }
                }
            }
        }
        return out;
    }

    /** The verifier configuration for the ALE task folder {@code task}. */
    static ObjectNode verifier(Path task) throws IOException, Skip {
        ObjectNode v = JsonNodeFactory.instance.objectNode();
        v.put("type", "command");
        ArrayNode cmd = v.putArray("command");
        if (Files.isRegularFile(task.resolve(MAIN))) {
            for (String a : List.of(
                    "{python}",
                    "{ale-evaluate}",
                    "--main",
                    "{task}/" + MAIN,
                    "--output",
                    "{output}/output",
                    "--reference",
                    "{reference}",
                    "--input",
                    "{inputs}/input",
                    "--work",
                    "{workdir}")) {
                cmd.add(a);
            }
        } else {
            Path script = script(task);
            cmd.add("{python}");
            cmd.add("{task}/" + SCRIPTS + "/" + script.getFileName());
            boolean output = false;
            Matcher m = OPTION.matcher(Files.readString(script, StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            while (m.find()) {
                String o = m.group(1);
                String value = OPTIONS.get(o);
                if (value != null && !seen.contains(o)) {
                    seen.add(o);
                    cmd.add(o);
                    cmd.add(value);
                    output |= value.startsWith("{output}");
                }
            }
            if (!output) {
                throw new Skip(SCRIPTS + "/" + script.getFileName() + " takes no option the import knows for the"
                        + " output folder (" + String.join(", ", OPTIONS.keySet()) + "); write its verifier by hand");
            }
        }
        v.put("timeout", TIMEOUT);
        return v;
    }

    private static Path script(Path task) throws IOException, Skip {
        Path scripts = task.resolve(SCRIPTS);
        if (!Files.isDirectory(scripts)) {
            throw new Skip("no grader: neither " + MAIN + " nor " + SCRIPTS + "/");
        }
        List<Path> found;
        try (Stream<Path> s = Files.list(scripts)) {
            found = s.filter(p -> SCORING.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
        if (found.size() != 1) {
            throw new Skip(
                    "no " + MAIN + ", and " + SCRIPTS + "/ holds " + (found.isEmpty() ? "no" : found.size())
                            + " scoring scripts (score*.py, verify*.py, evaluate*.py, grade*.py): the import needs exactly one");
        }
        return found.get(0);
    }
}
