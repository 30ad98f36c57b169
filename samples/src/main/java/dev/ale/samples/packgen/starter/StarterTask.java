package dev.ale.samples.packgen.starter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.samples.packgen.Formats;
import dev.ale.samples.packgen.TaskFiles;
import java.util.List;

/**
 * One starter task as its generator writes it: the task's card (from {@code cards.json}), its
 * input files, its graded outputs (see {@link Grading}) and, last, its session instructions, which
 * complete {@code task.json}.
 */
final class StarterTask {
    private final TaskFiles files;
    private final Grading grading;
    private final long seed;
    private boolean finished;

    StarterTask(TaskFiles.Meta card, long seed) {
        this.files = new TaskFiles(card);
        this.grading = new Grading(files);
        this.seed = seed;
    }

    /** An input file of the first session ({@code inputs/<path>}), as CSV. */
    void input(String path, Table table) {
        files.put("inputs/" + path, table.bytes());
    }

    /** An input file of the first session, as pretty JSON. */
    void input(String path, JsonNode value) {
        files.put("inputs/" + path, Formats.json(value));
    }

    /** An input file of the first session, as text with one final line feed. */
    void input(String path, String text) {
        files.put("inputs/" + path, Formats.text(text));
    }

    /** An input file of the first session, as it is. */
    void input(String path, byte[] content) {
        files.put("inputs/" + path, content);
    }

    /** A file that a later session brings ({@code sessions/<session>/<path>}), as CSV. */
    void later(int session, String path, Table table) {
        files.put("sessions/" + session + "/" + path, table.bytes());
    }

    /** A file that a later session brings, as text with one final line feed. */
    void later(int session, String path, String text) {
        files.put("sessions/" + session + "/" + path, Formats.text(text));
    }

    /** Publishes a CSV output whose rows are identified by the {@code key} columns (see {@link Grading#csv}). */
    Grading.CsvOutput csv(String file, Table table, String... key) {
        return grading.csv(file, table, key);
    }

    /** Publishes a JSON output (see {@link Grading#json}). */
    Grading.JsonOutput json(String file, JsonNode value) {
        return grading.json(file, value);
    }

    /** Completes the task with the instruction of each session: writes task.json with the verifier. */
    void instructions(String... sessions) {
        files.putTaskJson(List.of(sessions), grading.verifier(), StarterPackGenerator.source(seed));
        finished = true;
    }

    /** The finished task's files. */
    TaskFiles files() {
        if (!finished) {
            throw new IllegalStateException(files.id() + ": the generator gave no instructions");
        }
        return files;
    }
}
