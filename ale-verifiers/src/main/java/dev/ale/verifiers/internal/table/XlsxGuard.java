package dev.ale.verifiers.internal.table;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import dev.ale.archive.ZipArchive;
import dev.ale.verifiers.internal.support.Render;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apiguardian.api.API;

/**
 * Checks an untrusted {@code .xlsx} file before the reader library sees it, with the same zip and
 * XML parsers the library uses, so that reading it cannot exhaust memory or time. The entry count
 * is bounded before the zip is opened ({@link ZipArchive#countEntries}, the SDK's archive reader's
 * count of the central directory its end record describes); every part is
 * inflated and counted (a zip bomb stops at the caps); every XML part is parsed once, refusing a
 * DTD, nesting deeper than {@link Limits#depth}, text or markup runs longer than
 * {@link Limits#textRun} bytes, a row with more than 16,384 cells, a cell reference beyond column
 * XFD, formulas longer than 8,192 characters, and formula layouts whose expansion by the reader
 * would be quadratic. A refusal is a {@link RowReader.Malformed} naming the part and the rule.
 */
@API(status = INTERNAL)
public final class XlsxGuard {
    /** Excel's last column, XFD. */
    public static final int MAX_COLUMNS = 16_384;
    /** Excel's longest formula. */
    static final int MAX_FORMULA_CHARS = 8_192;

    /**
     * The caps.
     *
     * @param fileBytes     the largest workbook file
     * @param partBytes     the largest part, inflated
     * @param totalBytes    all parts together, inflated
     * @param entries       the most entries in the zip
     * @param textRun       the longest run of bytes between two {@code <} in an XML part
     * @param depth         the deepest XML nesting
     * @param formulaWork   the most work the reader may spend expanding shared and array formulas
     */
    record Limits(
            long fileBytes, long partBytes, long totalBytes, int entries, int textRun, int depth, long formulaWork) {
        static final Limits DEFAULT = new Limits(256L << 20, 1L << 30, 2L << 30, 10_000, 1 << 20, 64, 2_000_000_000L);
    }

    private final Limits limits;
    private long total;

    XlsxGuard(Limits limits) {
        this.limits = limits;
    }

    /** Checks the workbook at {@code file}; throws when it is not one or breaks a cap. */
    void check(Path file) throws IOException {
        long size = Files.size(file);
        if (size > limits.fileBytes()) {
            throw new RowReader.Malformed("the workbook is larger than " + (limits.fileBytes() >> 20) + " MiB");
        }
        long records;
        try {
            records = ZipArchive.countEntries(file, limits.entries() + 1L);
        } catch (IOException e) {
            throw new RowReader.Malformed(
                    "not an xlsx workbook (" + Render.brief(String.valueOf(e.getMessage()), 120) + ")");
        }
        if (records > limits.entries()) {
            throw new RowReader.Malformed("more than " + limits.entries() + " zip entries");
        }
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            int n = 0;
            for (Enumeration<ZipArchiveEntry> en = zip.getEntries(); en.hasMoreElements(); ) {
                ZipArchiveEntry e = en.nextElement();
                if (++n > limits.entries()) {
                    throw new RowReader.Malformed("more than " + limits.entries() + " zip entries");
                }
                part(zip, e);
            }
        } catch (RowReader.Malformed e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RowReader.Malformed(
                    "not an xlsx workbook (" + Render.brief(String.valueOf(e.getMessage()), 120) + ")");
        }
    }

    private void part(ZipFile zip, ZipArchiveEntry e) throws IOException {
        Metered in = new Metered(zip.getInputStream(e), e.getName());
        try (BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16)) {
            xml(buffered, e.getName(), in);
            buffered.transferTo(OutputStream.nullOutputStream());
        }
        in.rethrow();
    }

    /**
     * Parses a part as XML with the library's parser, in whatever encoding that parser detects.
     * A part the parser refuses before its first element is not XML (an image, say): the library
     * could not read it either, so only its size counts. Past the first element, a parse error
     * makes the workbook malformed.
     */
    private void xml(InputStream in, String part, Metered meter) throws IOException {
        XMLStreamReader r = null;
        Scan scan = new Scan(part, limits);
        boolean started = false;
        try {
            r = factory().createXMLStreamReader(in);
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    started = true;
                    scan.start(r);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    scan.end();
                } else if (event == XMLStreamConstants.DTD) {
                    throw new RowReader.Malformed(part + ": a DTD is not allowed");
                }
            }
            scan.finish();
        } catch (XMLStreamException | RuntimeException e) {
            meter.rethrow();
            if (started) {
                throw new RowReader.Malformed(
                        part + ": malformed XML (" + Render.brief(String.valueOf(e.getMessage()), 120) + ")");
            }
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a stream closed by the caller
                }
            }
        }
    }

    /** The parser the reader library uses, configured as it does: no DTD, no external entities. */
    private static XMLInputFactory factory() {
        XMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        return f;
    }

    /** The 1-based column of a cell reference, read as the library reads it; large when it is not one. */
    static long column(String ref) {
        int i = ref.startsWith("$") ? 1 : 0;
        long col = 0;
        for (; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c == '$' || (c >= '0' && c <= '9')) {
                break;
            }
            if (col > MAX_COLUMNS || !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return Long.MAX_VALUE;
            }
            col = col * 26 + (Character.toUpperCase(c) - 'A' + 1);
        }
        return col;
    }

    /** The element-level checks of one XML part. */
    private static final class Scan {
        private final String part;
        private final Limits limits;
        private final Map<String, Long> sharedBase = new HashMap<>();
        private final Map<String, Long> sharedUses = new HashMap<>();
        private int depth;
        private int cellsInRow;
        private long cells;
        private long arrayFormulas;

        Scan(String part, Limits limits) {
            this.part = part;
            this.limits = limits;
        }

        void start(XMLStreamReader r) throws XMLStreamException, RowReader.Malformed {
            if (++depth > limits.depth()) {
                throw new RowReader.Malformed(part + ": XML nested deeper than " + limits.depth() + " levels");
            }
            switch (r.getLocalName()) {
                case "row" -> cellsInRow = 0;
                case "c" -> cell(r.getAttributeValue(null, "r"));
                case "f" -> formula(r);
                default -> {}
            }
        }

        void end() {
            depth--;
        }

        private void cell(String ref) throws RowReader.Malformed {
            cells++;
            if (++cellsInRow > MAX_COLUMNS) {
                throw new RowReader.Malformed(part + ": a row has more than " + MAX_COLUMNS + " cells");
            }
            if (ref != null && column(ref) > MAX_COLUMNS) {
                throw new RowReader.Malformed(
                        part + ": cell reference '" + Render.brief(ref, 20) + "' is beyond column XFD");
            }
        }

        private void formula(XMLStreamReader r) throws XMLStreamException, RowReader.Malformed {
            String type = r.getAttributeValue(null, "t");
            String si = r.getAttributeValue(null, "si");
            boolean base = r.getAttributeValue(null, "ref") != null;
            String text = r.getElementText();
            depth--;
            if (text.length() > MAX_FORMULA_CHARS) {
                throw new RowReader.Malformed(part + ": a formula is longer than " + MAX_FORMULA_CHARS + " characters");
            }
            if ("array".equals(type)) {
                arrayFormulas++;
            } else if ("shared".equals(type) && si != null) {
                if (base) {
                    sharedBase.merge(si, (long) text.length(), Math::max);
                } else {
                    sharedUses.merge(si, 1L, Long::sum);
                }
            }
        }

        /** The reader scans every array formula for every cell and rebuilds shared formulas quadratically. */
        void finish() throws RowReader.Malformed {
            double work = (double) arrayFormulas * cells;
            for (Map.Entry<String, Long> use : sharedUses.entrySet()) {
                long length = sharedBase.getOrDefault(use.getKey(), 0L);
                work += (double) use.getValue() * length * length;
            }
            if (work > limits.formulaWork()) {
                throw new RowReader.Malformed(part + ": too many array or shared formulas to expand (" + arrayFormulas
                        + " array formulas, " + sharedUses.size() + " shared formulas, " + cells + " cells)");
            }
        }
    }

    /** Counts what is inflated and the longest run between two '<'; stops at the caps. */
    private final class Metered extends FilterInputStream {
        private final String part;
        private long count;
        private long run;
        private RowReader.Malformed broken;

        Metered(InputStream in, String part) {
            super(in);
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            rethrow();
            int n = super.read(b, off, len);
            if (n <= 0) {
                return n;
            }
            count += n;
            total += n;
            for (int i = off; i < off + n; i++) {
                run = b[i] == '<' ? 0 : run + 1;
                if (run > limits.textRun()) {
                    return stop(part + ": a text or markup run is longer than " + limits.textRun() + " bytes");
                }
            }
            if (count > limits.partBytes()) {
                return stop(part + ": larger than " + (limits.partBytes() >> 20) + " MiB inflated");
            }
            if (total > limits.totalBytes()) {
                return stop("the parts are larger than " + (limits.totalBytes() >> 20) + " MiB inflated");
            }
            return n;
        }

        private int stop(String why) throws RowReader.Malformed {
            broken = new RowReader.Malformed(why);
            throw broken;
        }

        void rethrow() throws RowReader.Malformed {
            if (broken != null) {
                throw broken;
            }
        }
    }
}
