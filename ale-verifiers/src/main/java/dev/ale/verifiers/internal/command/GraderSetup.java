package dev.ale.verifiers.internal.command;

import dev.ale.api.AleException;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lays out what one grader run sees in its private directory and expands the placeholders of the
 * command: {@code {output}} (a copy of the agent's output: folders and regular files only, so a link
 * the agent left cannot lead the grader to the reference or anywhere else), {@code {reference}},
 * {@code {workdir}} (empty, writable), {@code {inputs}} and {@code {task}} (read-only copies of the
 * task's {@code inputs/} and hidden {@code grader/} folders, made only when named), {@code {python}}
 * (see {@link PythonFinder}) and {@code {ale-evaluate}} (the SDK's shim that runs an ALE task's
 * {@code main.py} {@code evaluate()}, written read-only when named).
 */
final class GraderSetup {
    static final String SHIM = "ale_evaluate.py";
    /** Where {@code {task}} is within the grader's read-only folder. */
    static final String TASK_FOLDER = "tasks/ale/task";

    static final List<String> PLACEHOLDERS =
            List.of("{output}", "{reference}", "{workdir}", "{inputs}", "{task}", "{python}", "{ale-evaluate}");

    /** The paths of one run, by placeholder ({@code inputs}, {@code task}, {@code shim}, {@code python} null when not named). */
    record Dirs(Path output, Path reference, Path work, Path inputs, Path task, Path shim, Path python) {
        /** The folders the grader reads: the output, the reference and those of the placeholders named. */
        Path[] readOnly() {
            List<Path> out = new ArrayList<>(List.of(output, reference));
            Path graders = task == null ? null : task.getParent().getParent().getParent();
            for (Path p : new Path[] {inputs, graders, shim == null ? null : shim.getParent()}) {
                if (p != null) {
                    out.add(p);
                }
            }
            return out.toArray(Path[]::new);
        }
    }

    private GraderSetup() {}

    /** Whether any argument of {@code command} names {@code placeholder}. */
    static boolean names(List<String> command, String placeholder) {
        return command.stream().anyMatch(a -> a.contains(placeholder));
    }

    /** Prepares the directories under the private {@code dir} that {@code command} needs. */
    static Dirs prepare(Path dir, VerificationContext ctx, List<String> command, Optional<Path> python)
            throws IOException {
        Path py = names(command, "{python}") ? PythonFinder.find(python, System::getenv) : null;
        Path output = dir.resolve("output");
        CommandDirs.copyTree(ctx.output(), output);
        Path reference = CommandDirs.realDirectory(ctx.reference(), dir.resolve("reference"));
        if (!Files.isDirectory(reference)) {
            throw new AleException(reference.toString(), "", "the grader needs a directory here");
        }
        Path work = Files.createDirectory(dir.resolve("work"));
        Path inputs = names(command, "{inputs}") ? stage(ctx, TaskPart.INPUTS, dir.resolve("inputs")) : null;
        // three levels deep, as in ALE's repository (tasks/<cluster>/<task>/), where main.py files look
        // for the repository at Path(__file__).parents[3]
        Path task = names(command, "{task}")
                ? stage(ctx, TaskPart.GRADER, dir.resolve("grader").resolve(TASK_FOLDER))
                : null;
        Path shim = null;
        if (names(command, "{ale-evaluate}")) {
            shim = Files.createDirectory(dir.resolve("shim")).resolve(SHIM);
            try (InputStream in = GraderSetup.class.getResourceAsStream(SHIM)) {
                if (in == null) {
                    throw new AleException(SHIM, "", "the shim is missing from the SDK's class path");
                }
                Files.copy(in, shim, StandardCopyOption.REPLACE_EXISTING);
            }
            readOnly(shim);
        }
        return new Dirs(output, reference, work, inputs, task, shim, py);
    }

    /**
     * The command with its placeholders replaced by where the grader sees each folder ({@code path}:
     * the same path when it runs on the host, a mount point in a sandbox); the output and reference
     * appended when neither is named.
     */
    static List<String> expand(List<String> command, Dirs d, Function<Path, String> path) {
        List<String> args = new ArrayList<>();
        boolean named = false;
        for (String a : command) {
            named |= a.contains("{output}") || a.contains("{reference}");
            String s = a.replace("{output}", path.apply(d.output()))
                    .replace("{reference}", path.apply(d.reference()))
                    .replace("{workdir}", path.apply(d.work()));
            s = d.inputs() == null ? s : s.replace("{inputs}", path.apply(d.inputs()));
            s = d.task() == null ? s : s.replace("{task}", path.apply(d.task()));
            s = d.shim() == null ? s : s.replace("{ale-evaluate}", path.apply(d.shim()));
            args.add(d.python() == null ? s : s.replace("{python}", d.python().toString()));
        }
        if (!named) {
            args.add(path.apply(d.output()));
            args.add(path.apply(d.reference()));
        }
        return args;
    }

    /** Writes the files of {@code part} under {@code root} and makes the tree read-only. */
    private static Path stage(VerificationContext ctx, TaskPart part, Path root) throws IOException {
        Files.createDirectories(root);
        for (TaskFile f : ctx.taskFiles(part)) {
            Path target = root.resolve(f.path()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new AleException(part.folder() + f.path(), "", "a path out of its folder");
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = f.open()) {
                Files.copy(in, target);
            }
        }
        Files.walkFileTree(root, new TreeWalk(dir -> {}, GraderSetup::readOnly, GraderSetup::readOnly));
        return root;
    }

    private static void readOnly(Path p) {
        p.toFile().setWritable(false, false);
    }
}
