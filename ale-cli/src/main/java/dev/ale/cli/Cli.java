package dev.ale.cli;

import dev.ale.api.spi.VerifierPolicy;
import dev.ale.taskpack.PackLimits;
import dev.ale.taskpack.PackOptions;
import dev.ale.taskpack.TaskFilter;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What every command works with: where results and messages go, whether to be verbose, whether
 * stderr is a terminal (for the progress bar) and whether this is the real process (for the
 * Ctrl-C handler).
 *
 * @param out      results (tables, listings)
 * @param err      progress, warnings and errors
 * @param verbose  print stack traces and every self-check probe
 * @param terminal whether err is a terminal, so a progress bar can redraw in place
 * @param process  whether the command runs as the {@code ale} process (not in a test)
 * @param limits   the safety limits packs are opened with ({@code --pack-limit})
 */
record Cli(PrintStream out, PrintStream err, boolean verbose, boolean terminal, boolean process, PackLimits limits) {
    /** The flag that lets a pack's {@code command} verifiers run, and the option naming their Python. */
    static final String ALLOW_COMMANDS = "allow-command-verifiers";

    static final String PYTHON = "python";

    /** The option naming the file that holds the key of sealed references. */
    static final String KEY_FILE = "reference-key-file";

    /** What verifiers may do, from {@code --allow-command-verifiers} and {@code --python}. */
    static VerifierPolicy policy(Args a) {
        VerifierPolicy p = new VerifierPolicy(a.flag(ALLOW_COMMANDS));
        return a.value(PYTHON).map(v -> p.withPython(Path.of(v))).orElse(p);
    }

    /**
     * The key of sealed references from {@code --reference-key-file} (its first line, without the line
     * break), or null when the option is not given (the runner then reads {@code ALE_REFERENCE_KEY}).
     * The caller wipes the array after use.
     */
    static char[] referenceKey(Args a) {
        return a.value(KEY_FILE).map(Cli::readReferenceKey).orElse(null);
    }

    /** The first line of {@code file}, without its line break: the key of sealed references. */
    static char[] readReferenceKey(String file) {
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException("--" + KEY_FILE + " " + file + ": cannot read it: " + e.getMessage());
        }
        int end = text.indexOf('\n');
        String key = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
        if (key.isEmpty()) {
            throw new UsageException("--" + KEY_FILE + " " + file + ": the file's first line is empty");
        }
        return key.toCharArray();
    }

    /** Opens a pack (directory or archive), applying {@code --select} when given; prints its warnings. */
    TaskPack open(String location, Optional<String> select) {
        return open(location, select, VerifierPolicy.DEFAULT);
    }

    /**
     * As {@link #open(String, Optional)}, checking verifier configurations under {@code policy}, so a
     * pack with {@code command} verifiers opens when they are allowed.
     */
    TaskPack open(String location, Optional<String> select, VerifierPolicy policy) {
        Path path = Path.of(location);
        if (!Files.exists(path)) {
            throw new UsageException("no pack at " + location + ": no such file or directory");
        }
        TaskPack pack =
                TaskPacks.open(path, PackOptions.defaults().withPolicy(policy).withLimits(limits));
        pack.warnings().forEach(w -> err.println("warning: " + w));
        if (select.isEmpty()) {
            return pack;
        }
        TaskFilter filter;
        try {
            filter = TaskFilter.parse(select.get());
        } catch (IllegalArgumentException e) {
            pack.close();
            throw new UsageException("--select: " + e.getMessage());
        }
        TaskPack selected = pack.select(filter);
        if (selected.tasks().isEmpty()) {
            pack.close();
            throw new UsageException("no task of " + location + " matches --select " + select.get());
        }
        return selected;
    }
}
