package dev.ale.verifiers.internal.table;

import static dev.ale.verifiers.Fixture.assertContains;
import static dev.ale.verifiers.Fixture.assertStartsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.archive.ZipArchive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxGuardTest {
    private static final XlsxGuard.Limits SMALL =
            new XlsxGuard.Limits(1 << 20, 128 << 10, 512 << 10, 20, 4096, 64, 100_000);

    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "book", ".xlsx"), bytes);
    }

    private String refusal(byte[] book, XlsxGuard.Limits limits) throws IOException {
        Path f = file(book);
        return assertThrows(RowReader.Malformed.class, () -> new XlsxGuard(limits).check(f))
                .getMessage();
    }

    private void accepted(byte[] book, XlsxGuard.Limits limits) throws IOException {
        new XlsxGuard(limits).check(file(book));
    }

    @Test
    void acceptsOrdinaryWorkbooksWithBinaryParts() throws IOException {
        byte[] png = new byte[50_000];
        new Random(7).nextBytes(png);
        Map<String, byte[]> parts = XlsxFixture.parts("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>");
        parts.put("xl/media/image1.png", png);
        accepted(XlsxFixture.zip(parts), SMALL);
        accepted(XlsxFixture.written(wb -> wb.newWorksheet("S").value(0, 0, "x")), XlsxGuard.Limits.DEFAULT);
    }

    @Test
    void refusesCellsBeyondColumnXfdAndOverfullRows() throws IOException {
        assertEquals(
                "xl/worksheets/sheet1.xml: cell reference 'XFE1' is beyond column XFD",
                refusal(XlsxFixture.handMade("<row><c r=\"XFE1\"><v>1</v></c></row>"), SMALL));
        assertTrue(refusal(XlsxFixture.handMade("<row><c r=\"AAAAAAA1\"><v>1</v></c></row>"), SMALL)
                .contains("beyond column XFD"));
        assertTrue(
                refusal(XlsxFixture.handMade("<row><c r=\"&#65;&#65;&#65;&#65;1\"><v>1</v></c></row>"), SMALL)
                        .contains("beyond column XFD"),
                "character references are decoded as the reader decodes them");
        Map<String, byte[]> utf16 = XlsxFixture.parts("");
        utf16.put(
                "xl/worksheets/sheet1.xml",
                ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet><sheetData>"
                                + "<row><c r=\"AAAAAAA1\"><v>1</v></c></row></sheetData></worksheet>")
                        .getBytes(StandardCharsets.UTF_16));
        assertTrue(
                refusal(XlsxFixture.zip(utf16), SMALL).contains("beyond column XFD"),
                "parts are read in any encoding the reader reads");
        String full = "<c/>".repeat(XlsxGuard.MAX_COLUMNS);
        accepted(XlsxFixture.handMade("<row>" + full + "</row>"), XlsxGuard.Limits.DEFAULT);
        assertTrue(refusal(XlsxFixture.handMade("<row>" + full + "<c/></row>"), XlsxGuard.Limits.DEFAULT)
                .contains("a row has more than 16384 cells"));
    }

    @Test
    void stopsZipBombsAndLongRuns() throws IOException {
        String big = "<row><c><v>1</v></c></row>".repeat(8000);
        assertTrue(refusal(XlsxFixture.handMade(big), SMALL).contains("larger than 0 MiB inflated"));
        accepted(XlsxFixture.handMade(big), XlsxGuard.Limits.DEFAULT);
        String text = "<row><c t=\"inlineStr\"><is><t>" + "x".repeat(5000) + "</t></is></c></row>";
        assertTrue(
                refusal(XlsxFixture.handMade(text), SMALL).contains("a text or markup run is longer than 4096 bytes"));
        Map<String, byte[]> parts = XlsxFixture.parts("");
        parts.put("a.bin", new byte[40 << 10]);
        parts.put("b.bin", new byte[40 << 10]);
        parts.put("c.bin", new byte[40 << 10]);
        accepted(XlsxFixture.zip(parts), new XlsxGuard.Limits(1 << 20, 64 << 10, 1 << 20, 20, 1 << 20, 64, 1));
        assertTrue(
                refusal(XlsxFixture.zip(parts), new XlsxGuard.Limits(1 << 20, 64 << 10, 100 << 10, 20, 1 << 20, 64, 1))
                        .startsWith("the parts are larger than"));
        assertTrue(refusal(XlsxFixture.zip(parts), new XlsxGuard.Limits(1 << 20, 64 << 10, 1 << 20, 5, 1 << 20, 64, 1))
                .startsWith("more than 5 zip entries"));
        assertTrue(refusal(XlsxFixture.handMade(big), new XlsxGuard.Limits(1000, 1 << 30, 1 << 30, 20, 1 << 20, 64, 1))
                .startsWith("the workbook is larger than"));
    }

    @Test
    void refusesDtdsDeepNestingAndMalformedXml() throws IOException {
        Map<String, byte[]> parts = XlsxFixture.parts("");
        parts.put(
                "xl/worksheets/sheet1.xml",
                XlsxFixture.utf8(
                        "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaa\">]>"
                                + "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&a;</t></is></c></row></sheetData></worksheet>"));
        assertTrue(refusal(XlsxFixture.zip(parts), SMALL).startsWith("xl/worksheets/sheet1.xml: "));
        assertTrue(refusal(XlsxFixture.handMade("<x>".repeat(70) + "</x>".repeat(70)), SMALL)
                .contains("nested deeper than 64 levels"));
        assertTrue(refusal(XlsxFixture.handMade("<row><c>"), SMALL).contains("malformed XML"));
    }

    @Test
    void refusesFormulasTheReaderWouldExpandQuadratically() throws IOException {
        String longFormula = "<row><c><f>" + "A1+".repeat(3000) + "1</f></c></row>";
        assertTrue(refusal(XlsxFixture.handMade(longFormula), XlsxGuard.Limits.DEFAULT)
                .contains("longer than 8192 characters"));
        StringBuilder arrays = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            arrays.append("<row r=\"")
                    .append(i)
                    .append("\"><c r=\"A")
                    .append(i)
                    .append("\"><f t=\"array\" ref=\"A")
                    .append(i)
                    .append("\">1</f><v>1</v></c>")
                    .append("<c><v>2</v></c>".repeat(20))
                    .append("</row>");
        }
        accepted(XlsxFixture.handMade(arrays.toString()), XlsxGuard.Limits.DEFAULT);
        String a = refusal(XlsxFixture.handMade(arrays.toString()), SMALL);
        assertContains("200 array formulas", a);
        String base = "<row r=\"1\"><c r=\"A1\"><f t=\"shared\" ref=\"A1:A300\" si=\"0\">" + "B1+".repeat(100)
                + "1</f><v>1</v></c></row>";
        String uses = "<row><c><f t=\"shared\" si=\"0\"/><v>1</v></c></row>".repeat(300);
        accepted(XlsxFixture.handMade(base + uses), XlsxGuard.Limits.DEFAULT);
        String m = refusal(XlsxFixture.handMade(base + uses), SMALL);
        assertContains("1 shared formulas", m);
    }

    @Test
    void readsTheColumnOfACellReferenceAsTheLibraryDoes() {
        assertEquals(1, XlsxGuard.column("A1"));
        assertEquals(1, XlsxGuard.column("$A$1"));
        assertEquals(16_384, XlsxGuard.column("xfd7"));
        assertEquals(Long.MAX_VALUE, XlsxGuard.column("A-1"));
        assertEquals(0, XlsxGuard.column("12"));
    }

    /**
     * Records are counted by walking the central directory the end record describes, before any
     * zip reader opens the file; a file whose end records do not describe one is not a workbook.
     */
    @Test
    void countsCentralDirectoryRecordsBeforeOpeningTheZip() throws IOException {
        Map<String, byte[]> parts = XlsxFixture.parts("");
        for (int i = 0; i < 30; i++) {
            parts.put("pad/" + i, new byte[0]);
        }
        byte[] book = XlsxFixture.zip(parts);
        Path f = file(book);
        assertEquals(parts.size(), ZipArchive.countEntries(f, 100));
        assertEquals(11, ZipArchive.countEntries(f, 11), "counting stops at the limit");
        assertEquals("more than 20 zip entries", refusal(book, SMALL));
        byte[] record = {'P', 'K', 1, 2};
        byte[] bytes = new byte[4 * 30 + 3];
        for (int i = 0; i < 30; i++) {
            System.arraycopy(record, 0, bytes, 1 + 4 * i, 4);
        }
        assertStartsWith("not an xlsx workbook", refusal(bytes, SMALL));
    }
}
