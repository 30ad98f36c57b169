package dev.ale.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where figures go as they are measured: one JSON line each to the console, and the whole list to
 * the results file, rewritten through a temporary file and an atomic move after every figure, so
 * the file always holds every figure measured so far and never a half-written line.
 */
final class Results {
    private final PrintStream console;
    private final Path file;
    private final List<Figure> figures = new ArrayList<>();

    Results(PrintStream console, Path file) {
        this.console = console;
        this.file = file.toAbsolutePath();
    }

    /** Prints the figure and rewrites the results file with it. */
    synchronized void add(Figure figure) {
        figures.add(figure);
        console.println(figure.toJson());
        console.flush();
        StringBuilder text = new StringBuilder();
        figures.forEach(f -> text.append(f.toJson()).append('\n'));
        try {
            Path parent = file.getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The figures so far, in the order they were measured. */
    synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    Path file() {
        return file;
    }
}
