package dev.ale.cli;

import dev.ale.taskpack.TaskPackWriter;
import dev.ale.testfixtures.PackFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs {@code ale} in-process with captured output, and makes packs for the tests. */
final class Ale {
    /** The sample pack of the repository (four tasks). */
    static final Path SAMPLE = Path.of("../samples/packs/sample");

    /** What one command did: its exit code and what it wrote to stdout and stderr. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Ale() {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A copy of a pack directory, to edit. */
    static Path copy(Path pack, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(pack)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(pack.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        return to;
    }

    /**
     * A one-task pack: sum the amounts of {@code invoice.csv} into {@code total.txt} (14.75), scored by
     * {@code verifier} (a JSON object; null for the number check of the total).
     */
    static Path invoicePack(Path dir, String verifier) throws IOException {
        PackFiles.packJson(dir, "invoice", "one small task", List.of("invoice-total"));
        String v = verifier != null
                ? verifier
                : "{\"type\": \"number\", \"file\": \"total.txt\", \"regex\": \"([0-9.]+)\", \"expected\": 14.75, \"abs\": 0.005}";
        PackFiles.taskJson(
                dir,
                "invoice-total",
                "Total an invoice",
                "Write the sum of the amount column of invoice.csv to total.txt.",
                v);
        write(dir.resolve("tasks/invoice-total/inputs/invoice.csv"), "item,amount\nflour,10.50\nyeast,4.25\n");
        write(dir.resolve("tasks/invoice-total/solution/total.txt"), "14.75\n");
        TaskPackWriter.updateDigests(dir);
        return dir;
    }

    static void write(Path p, String content) throws IOException {
        PackFiles.write(p, content);
    }
}
