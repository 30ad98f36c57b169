package dev.ale.verifiers.internal.table;

import dev.ale.verifiers.internal.support.Render;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one sheet of an {@code .xlsx} workbook as text, streamed with fastexcel-reader after
 * {@link XlsxGuard} has checked the file. A cell reads as Excel shows its stored value: text as
 * it is; a number rounded to 15 significant digits without trailing zeros ({@code 0.1+0.2} reads
 * {@code 0.3}, {@code 2.50} reads {@code 2.5}), or, under a date or time format, as ISO text
 * ({@code 2024-03-31}, {@code 2024-03-31T14:30:00}, {@code 14:30:00}, see {@link XlsxDates});
 * {@code TRUE}/{@code FALSE}; an error as written ({@code #DIV/0!}); a formula as its cached
 * result (empty when the file holds none). Rows whose cells are all empty are skipped. Anything
 * the library cannot read is {@link RowReader.Malformed}.
 */
final class XlsxRows implements RowReader {
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private long line;

    private XlsxRows(ReadableWorkbook workbook, Stream<Row> stream) {
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
    }

    /** Opens sheet {@code sheet} (a name, a 0-based index, or null for the first) of {@code file}. */
    static XlsxRows open(Path file, Object sheet) throws IOException {
        new XlsxGuard(XlsxGuard.Limits.DEFAULT).check(file);
        ReadableWorkbook wb = null;
        try {
            try {
                wb = workbook(file, true);
            } catch (IOException | RuntimeException e) {
                // a workbook without a styles part: no cell can have a date format, so nothing is lost
                wb = workbook(file, false);
            }
            XlsxRows opened = new XlsxRows(wb, find(wb, sheet).openStream());
            wb = null;
            return opened;
        } catch (RowReader.Malformed e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RowReader.Malformed("not a readable xlsx workbook (" + problem(e) + ")");
        } finally {
            if (wb != null) {
                wb.close();
            }
        }
    }

    private static ReadableWorkbook workbook(Path file, boolean formats) throws IOException {
        ReadingOptions options = new ReadingOptions(formats, true);
        if (file.getFileSystem() == FileSystems.getDefault()) {
            return new ReadableWorkbook(file.toFile(), options);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new ReadableWorkbook(in, options);
        }
    }

    private static Sheet find(ReadableWorkbook wb, Object sheet) throws RowReader.Malformed {
        List<Sheet> sheets = wb.getSheets().collect(Collectors.toList());
        Optional<Sheet> found;
        if (sheet == null) {
            found = sheets.stream().findFirst();
        } else if (sheet instanceof Integer i) {
            found = i < sheets.size() ? Optional.of(sheets.get(i)) : Optional.empty();
        } else {
            found = sheets.stream().filter(s -> sheet.equals(s.getName())).findFirst();
        }
        if (found.isEmpty()) {
            String names = sheets.stream()
                    .map(s -> Render.quoted(String.valueOf(s.getName())))
                    .collect(Collectors.joining(", "));
            throw new RowReader.Malformed(
                    sheets.isEmpty()
                            ? "the workbook has no sheets"
                            : "no sheet " + (sheet instanceof Integer ? "#" + sheet : Render.quoted((String) sheet))
                                    + "; sheets: " + names);
        }
        return found.get();
    }

    @Override
    public @Nullable List<String> next() throws IOException {
        for (Row row = nextRow(); row != null; row = nextRow()) {
            line = row.getRowNum();
            List<String> cells = new ArrayList<>(row.getCellCount());
            boolean blank = true;
            for (int i = 0; i < row.getCellCount(); i++) {
                String text = text(row.getCell(i));
                blank &= text.isEmpty();
                cells.add(text);
            }
            if (!blank) {
                return cells;
            }
        }
        return null;
    }

    /** The next row of the sheet, blank or not, or null at the end. */
    private Row nextRow() throws RowReader.Malformed {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (RuntimeException e) {
            throw new RowReader.Malformed("after row " + line + ": " + problem(e));
        }
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public String lineWord() {
        return "row";
    }

    private String text(Cell c) {
        if (c == null) {
            return "";
        }
        Object v = c.getValue();
        return switch (c.getType()) {
            case EMPTY -> "";
            case NUMBER, FORMULA -> v instanceof BigDecimal d
                    ? number(d, c)
                    : v instanceof Boolean b ? bool(b) : v == null ? "" : v.toString();
            case BOOLEAN -> v instanceof Boolean b ? bool(b) : raw(c);
            default -> v instanceof String s ? s : raw(c);
        };
    }

    private String number(BigDecimal d, Cell c) {
        XlsxDates.Kind kind = XlsxDates.kind(c.getDataFormatId(), c.getDataFormatString());
        if (kind != XlsxDates.Kind.NUMBER) {
            String date = XlsxDates.render(d, kind, workbook.isDate1904());
            if (date != null) {
                return date;
            }
        }
        return plain(d);
    }

    /** A number as Excel shows it at full precision: 15 significant digits, no trailing zeros. */
    static String plain(BigDecimal d) {
        if (Math.abs((long) d.precision() - d.scale()) > 400 || d.signum() == 0) {
            return d.signum() == 0 ? "0" : d.toString();
        }
        return d.round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
    }

    private static String bool(Boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    private static String raw(Cell c) {
        return c.getRawValue() == null ? "" : c.getRawValue();
    }

    private static String problem(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Render.brief(m, 120);
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } catch (RuntimeException e) {
            // closing the stream of a malformed part; the workbook below is still closed
        } finally {
            workbook.close();
        }
    }
}
