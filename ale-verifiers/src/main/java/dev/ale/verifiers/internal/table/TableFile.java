package dev.ale.verifiers.internal.table;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.RelPath;
import dev.ale.verifiers.internal.support.Render;
import dev.ale.verifiers.internal.support.SafeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * One table file of a configuration and how to read it: CSV, TSV (the same RFC 4180 reading with
 * a tab delimiter) or a sheet of an {@code .xlsx} workbook. The format is given, or follows from
 * the extension ({@code .tsv}/{@code .tab}: TSV; {@code .xlsx}/{@code .xlsm}: XLSX; anything
 * else: CSV).
 *
 * @param sheet     the sheet of a workbook: its name (a String), its 0-based index (an Integer),
 *                  or null for the first sheet; always null for text formats
 * @param delimiter the field delimiter of a text format
 */
@API(status = INTERNAL)
public record TableFile(RelPath path, Format format, Object sheet, char delimiter) {
    /** A table file format. */
    @API(status = INTERNAL)
    public enum Format {
        CSV,
        TSV,
        XLSX;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Reads a table file from options: the path in {@code pathOption}, the format in
     * {@code formatOption} and the sheet in {@code sheetOption}; the delimiter in
     * {@code "delimiter"} (shared by all files of the config; default {@code ,} for CSV and tab
     * for TSV).
     */
    static TableFile read(Options o, String pathOption, String formatOption, String sheetOption) {
        RelPath path = o.path(pathOption);
        Format format = o.has(formatOption) ? o.choice(formatOption, Format.CSV) : guess(path);
        Object sheet = null;
        if (o.has(sheetOption)) {
            if (format != Format.XLSX) {
                throw o.error(
                        sheetOption, "a sheet applies to xlsx files only; '" + path + "' is read as " + format.word());
            }
            sheet = sheet(o.raw(sheetOption), o.pointer(sheetOption));
        }
        char delimiter = format == Format.TSV && !o.has("delimiter") ? '\t' : o.delimiter("delimiter");
        return new TableFile(path, format, sheet, delimiter);
    }

    /** A sheet option: a non-empty name or a whole number >= 0. */
    public static Object sheet(JsonNode v, String at) {
        if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0) {
            return v.intValue();
        }
        if (v.isTextual() && !v.textValue().isEmpty()) {
            return v.textValue();
        }
        throw new VerifierConfigException(
                at, "must be a sheet name or a 0-based sheet index, got " + Render.brief(v.toString()));
    }

    /** The format a path's extension implies. */
    public static Format guess(RelPath path) {
        String name = path.segments().get(path.segments().size() - 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return Format.TSV;
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return Format.XLSX;
        }
        return Format.CSV;
    }

    /** Opens the rows of {@code file} (this table, found under its root). */
    RowReader open(Path file) throws IOException {
        if (format == Format.XLSX) {
            return XlsxRows.open(file, sheet);
        }
        return new CsvReader(SafeFiles.openBytes(file), delimiter);
    }

    /** The file, and its sheet when one is chosen: {@code book.xlsx (sheet 'Summary')}. */
    String describe() {
        return sheet == null ? path.value() : path.value() + " (" + sheetWords() + ")";
    }

    /** The chosen sheet in words ({@code sheet 'Summary'}, {@code sheet #2}), or empty for the first. */
    public String sheetWords() {
        return sheet == null ? "" : "sheet " + (sheet instanceof String s ? Render.quoted(s) : "#" + sheet);
    }
}
