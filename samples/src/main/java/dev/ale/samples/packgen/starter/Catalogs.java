package dev.ale.samples.packgen.starter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fixed catalogues of the starter tasks (asset registers, rate and code tables, court
 * holidays, norms), kept as data in {@code catalogs.json} beside the generator rather than as
 * literals in every task: by task id and catalogue name, rows of text cells. Each task documents
 * the columns of its catalogues where it reads them.
 */
final class Catalogs {
    private static final String RESOURCE = "catalogs.json";
    private static final JsonNode ALL = read();

    private Catalogs() {}

    /**
     * The rows of the catalogue {@code name} of the task {@code taskId}.
     *
     * @throws IllegalStateException if there is no such catalogue or a cell is not text
     */
    static String[][] table(String taskId, String name) {
        JsonNode rows = ALL.path(taskId).path(name);
        if (!rows.isArray() || rows.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": no catalogue " + name + " for task " + taskId);
        }
        String[][] table = new String[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            table[r] = new String[row.size()];
            for (int c = 0; c < row.size(); c++) {
                if (!row.get(c).isTextual()) {
                    throw new IllegalStateException(
                            RESOURCE + ": /" + taskId + "/" + name + "/" + r + "/" + c + " is not a string");
                }
                table[r][c] = row.get(c).textValue();
            }
        }
        return table;
    }

    private static JsonNode read() {
        try (InputStream in = Catalogs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + ": no such resource");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": not JSON", e);
        }
    }
}
