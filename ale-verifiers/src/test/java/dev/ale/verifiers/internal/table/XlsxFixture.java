package dev.ale.verifiers.internal.table;

import dev.ale.testfixtures.Zips;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Test workbooks: written with fastexcel's writer, or put together by hand part by part. */
public final class XlsxFixture {
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** Writes a workbook with fastexcel's writer. */
    public interface Writing {
        void write(Workbook wb) throws IOException;
    }

    private XlsxFixture() {}

    public static byte[] written(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "ale-test", "1.0");
            writing.write(wb);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes {@code rows} into {@code ws} from its first row: text, numbers and dates as such. */
    public static Worksheet fill(Worksheet ws, Object[]... rows) {
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof Number n) {
                    ws.value(r, c, n);
                } else if (v instanceof LocalDate d) {
                    ws.value(r, c, d);
                } else {
                    ws.value(r, c, (String) v);
                }
            }
        }
        return ws;
    }

    /** The parts of a one-sheet workbook (no styles, no shared strings) whose sheet data is {@code rows}. */
    static Map<String, byte[]> parts(String rows) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(
                "[Content_Types].xml",
                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                        + "</Types>"));
        parts.put(
                "xl/workbook.xml",
                utf8("<workbook xmlns=\"" + MAIN
                        + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                        + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        parts.put(
                "xl/_rels/workbook.xml.rels",
                utf8("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
                        + " Target=\"worksheets/sheet1.xml\"/></Relationships>"));
        parts.put(
                "xl/worksheets/sheet1.xml",
                utf8("<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + rows + "</sheetData></worksheet>"));
        return parts;
    }

    /** A workbook of one sheet whose sheet data is {@code rows}. */
    static byte[] handMade(String rows) {
        return zip(parts(rows));
    }

    static byte[] zip(Map<String, byte[]> parts) {
        return Zips.zip(parts);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
