package dev.ale.verifiers.internal.archive;

import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ale.api.spi.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Archives built to attack the verifier: each must end in a failed gate naming the archive, with
 * nothing written outside the private unpacking directory, which is removed afterwards.
 */
class HostileArchiveTest {
    private static final String CHECKS = "[{'type': 'tree', 'glob': '**'}]";

    @TempDir
    Path dir;

    ArchiveFixture f;
    String marker;

    @BeforeEach
    void fixture() {
        f = new ArchiveFixture(dir);
        marker = "ale-escape-" + UUID.randomUUID();
    }

    /** Nothing named with the marker anywhere near, and nothing left in the test directory but the archive. */
    @AfterEach
    void nothingEscaped() throws IOException {
        for (String f2 : f.everything()) {
            assertFalse(f2.contains(marker), f2);
        }
        for (Path p : new Path[] {dir.getParent(), Path.of(System.getProperty("java.io.tmpdir")), Path.of("/tmp")}) {
            if (!Files.isDirectory(p)) {
                continue;
            }
            try (var s = Files.list(p)) {
                s.forEach(x -> assertFalse(x.getFileName().toString().contains(marker), x.toString()));
            }
        }
        try (var s = Files.list(f.tmp)) {
            assertFalse(s.findAny().isPresent(), "the unpacking directory was not removed");
        }
    }

    private Verdict zip(byte[] zip) throws Exception {
        return f.verify("d.zip", zip, "", CHECKS);
    }

    private Verdict zip(byte[] zip, String limits) throws Exception {
        return f.verify("d.zip", zip, "'limits': " + limits, CHECKS);
    }

    private Verdict tar(byte[] tar) throws Exception {
        return f.verify("d.tar", tar, "", CHECKS);
    }

    @Test
    void zipSlipAbsoluteAndBackslashNamesAreRefused() throws Exception {
        assertGate("d.zip", "'..' segment", zip(Archives.zip("ok.txt", "fine", "../" + marker, "x")));
        assertGate("d.zip", "'..' segment", zip(Archives.zip("a/../../../" + marker, "x")));
        assertGate("d.zip", "absolute path", zip(Archives.zip("/tmp/" + marker, "x")));
        assertGate("d.zip", "absolute path", zip(Archives.zip("C:/" + marker, "x")));
        assertGate("d.zip", "backslash", zip(Archives.zip("..\\" + marker, "x")));
        assertGate("d.zip", "nested deeper than 64", zip(Archives.zip("d/".repeat(65) + marker, "x")));
        assertGate("d.zip", "longer than 1024", zip(Archives.zip("n".repeat(1100), "x")));
        assertGate("d.zip", "over 255 bytes", zip(Archives.zip("s".repeat(300), "x")));
        assertGate("d.zip", "control character", zip(Archives.zip("a\nb", "x")));
        assertGate(
                "d.tar",
                "'..' segment",
                tar(new Archives.Tar().file("../" + marker, "x").bytes()));
        assertGate(
                "d.tar",
                "absolute path",
                tar(new Archives.Tar().file("/tmp/" + marker, "x").bytes()));
        assertGate(
                "d.tar",
                "'..' segment",
                tar(new Archives.Tar()
                        .pax("path", "../" + marker)
                        .file("safe.txt", "x")
                        .bytes()));
    }

    @Test
    void linksDevicesAndFifosAreRefused() throws Exception {
        byte[] plain = Archives.zip("link", "/tmp", "link/" + marker, "x");
        assertGate("d.zip", "symbolic link", zip(Archives.unixMode(plain, 0, 0120777)));
        assertGate("d.zip", "special file", zip(Archives.unixMode(plain, 0, 0020644)));
        assertGate("d.zip", "special file", zip(Archives.unixMode(plain, 0, 0010644)));
        byte[] noData = new byte[0];
        assertGate(
                "d.tar",
                "symbolic link",
                tar(new Archives.Tar()
                        .entry("link", '2', noData, "/tmp")
                        .file("link/" + marker, "x")
                        .bytes()));
    }

    /** Tar entries other than files, folders and symbolic links: type flag, link target, the rule broken. */
    @ParameterizedTest
    @CsvSource({
        "1, /etc/passwd, hard link",
        "3, '', special file",
        "6, '', special file",
        "S, '', sparse file entries are not supported"
    })
    void tarEntriesOfOtherTypesAreRefused(char type, String link, String rule) throws Exception {
        assertGate(
                "d.tar",
                rule,
                tar(new Archives.Tar().entry("e", type, new byte[0], link).bytes()));
    }

    @Test
    void aSymbolicLinkAsTheArchiveItselfIsRefused() throws Exception {
        Path real = Files.write(dir.resolve(marker + ".zip"), Archives.zip("a", "b"));
        try {
            Files.createSymbolicLink(f.ctx.output().resolve("d.zip"), real);
        } catch (IOException | UnsupportedOperationException e) {
            Files.delete(real);
            Assumptions.abort("symbolic links are not available here: " + e);
        }
        Verdict v = f.verify("{'type': 'archive', 'file': 'd.zip', 'checks': " + CHECKS + "}");
        Files.delete(real);
        Files.delete(f.ctx.output().resolve("d.zip"));
        assertGate("d.zip", "symbolic link", v);
    }

    /**
     * An agent's tar.gz in many gzip members: an honest one is read whole; a bomb cut into 200
     * members gets no fresh ratio budget per member; neither leaves a thread inflating.
     */
    @Test
    void aTarGzInManyGzipMembersIsReadWholeAndABombInThemIsStopped() throws Exception {
        byte[] text = "line of a report\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        byte[] honest =
                new Archives.Tar().file("a.txt", text).file("b.txt", "b").gzippedInMembers(7);
        assertScore(1, f.verify("d.tgz", honest, "", "[{'type': 'tree', 'glob': '*.txt', 'exactly': 2}]"));
        byte[] bomb = new Archives.Tar().file("zeros.bin", new byte[8 << 20]).gzippedInMembers(200);
        assertGate("d.tgz", "compression ratio over the limit of 100", f.verify("d.tgz", bomb, "", CHECKS));
        assertFalse(
                Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().startsWith("ale-gunzip ")
                                && t.getName().contains("d.tgz")),
                "a thread still inflates d.tgz");
    }

    @Test
    void bombsAreStoppedByRatioAndSizeLimits() throws Exception {
        byte[] zeros = new byte[20 << 20];
        byte[] honest = Archives.zip(Map.of("zeros.bin", zeros));
        assertGate("d.zip", "compression ratio over the limit of 100", zip(honest));
        byte[] lying = Archives.patchCentral(honest, 0, 24, 4, 1000);
        assertGate("d.zip", "holds more bytes than its size says (1000)", zip(lying));
        byte[] gz = new Archives.Tar().file("zeros.bin", new byte[8 << 20]).gzipped();
        assertGate("d.tgz", "compression ratio over the limit of 100", f.verify("d.tgz", gz, "", CHECKS));
        assertScore(1, f.verify("d.tgz", gz, "'limits': {'maxRatio': 100000}", CHECKS));
        assertGate(
                "d.zip",
                "larger than the limit of 10 bytes (limits.maxEntryBytes)",
                zip(Archives.zip("a.txt", "01234567890"), "{'maxEntryBytes': 10}"));
        assertGate(
                "d.tar",
                "larger than the limit of 10 bytes (limits.maxEntryBytes)",
                f.verify(
                        "d.tar",
                        new Archives.Tar().file("a.txt", "01234567890").bytes(),
                        "'limits': {'maxEntryBytes': 10}",
                        CHECKS));
        String sixty = "x".repeat(60);
        assertGate(
                "d.zip",
                "more than the limit of 100 bytes (limits.maxTotalBytes)",
                zip(Archives.zip("a", sixty, "b", sixty), "{'maxTotalBytes': 100}"));
    }

    @Test
    void tooManyEntriesAreRefusedBeforeUnpacking() throws Exception {
        String[] six = {"1", "", "2", "", "3", "", "4", "", "5", "", "6", ""};
        assertGate(
                "d.zip",
                "the end record claims 6, more than the limit of 5 entries",
                zip(Archives.zip(six), "{'maxEntries': 5}"));
        Archives.Tar tar = new Archives.Tar();
        for (int i = 0; i < 6; i++) {
            tar.file("f" + i, "");
        }
        assertGate(
                "d.tar",
                "too many entries (the limit is 5) (limits.maxEntries)",
                f.verify("d.tar", tar.bytes(), "'limits': {'maxEntries': 5}", CHECKS));
        Archives.Tar paxFlood = new Archives.Tar();
        for (int i = 0; i < 30; i++) {
            paxFlood.pax("comment", "x");
        }
        assertGate(
                "d.tar",
                "more than 24 tar headers",
                f.verify("d.tar", paxFlood.bytes(), "'limits': {'maxEntries': 5}", CHECKS));
    }

    @Test
    void zip64EntryCountsAndSplitArchivesAreRead() throws Exception {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 65_536; i++) {
            many.put("f" + i, new byte[0]);
        }
        byte[] zip64 = Archives.zip(many);
        assertGate("d.zip", "the end record claims 65536, more than the limit of 10000 entries", zip(zip64));
        byte[] one = Archives.zip("a", "b");
        byte[] split = one.clone();
        split[split.length - 22 + 4] = 1;
        assertGate("d.zip", "split (multi-disk)", zip(split));
    }

    @Test
    void damagedAndDeceptiveZipsAreRefused() throws Exception {
        byte[] two = Archives.zip("a.txt", "same", "b.txt", "same");
        assertGate("d.zip", "overlapping entries", zip(Archives.patchCentral(two, 1, 42, 4, 0)));
        assertGate("d.zip", "duplicate", zip(Archives.replace(two, "b.txt", "a.txt")));
        assertGate("d.zip", "encrypted entry", zip(Archives.patchCentral(two, 0, 8, 2, 1)));
        assertGate("d.zip", "compression method 12", zip(Archives.patchCentral(two, 0, 10, 2, 12)));
        assertGate("d.zip", "fails its CRC check", zip(Archives.patchCentral(two, 0, 16, 4, 0x12345678)));
        byte[] badName = two.clone();
        badName[Archives.central(badName, 0) + 46] = (byte) 0xFF;
        assertGate("d.zip", "name is not valid UTF-8", zip(badName));
        byte[] corrupt = Archives.zip("a.txt", "hello hello hello hello");
        for (int i = 35; i < 40; i++) {
            corrupt[i] = (byte) 0xFF;
        }
        Verdict v = zip(corrupt);
        assertGate("d.zip", "entry 'a.txt'", v);
        byte[] truncated = Arrays.copyOf(two, two.length - 10);
        assertGate("d.zip", "no end of central directory", zip(truncated));
        assertGate("d.zip", "not a readable zip archive", zip(Archives.patchCentral(two, 1, 42, 4, two.length)));
        assertGate("d.zip", "which is a file", zip(Archives.zip("x", "file", "x/y", "nested")));
    }

    @Test
    void damagedTarsAreRefused() throws Exception {
        byte[] badSum =
                new Archives.Tar().file("a.txt", "hello").file("b.txt", "x").bytes();
        badSum[1024] = 'c';
        assertGate("d.tar", "checksum mismatch", tar(badSum));
        assertGate(
                "d.tar",
                "not a readable tar archive",
                tar(new Archives.Tar().file("a.txt", "x".repeat(600)).truncated(512 + 100)));
        assertGate(
                "d.tar",
                "truncated archive (no end-of-archive marker)",
                tar(new Archives.Tar().file("a", "b").file("c", "d").truncated(1024 + 300)));
        assertGate(
                "d.tar",
                "which is a file",
                tar(new Archives.Tar().file("x", "f").file("x/y", "g").bytes()));
        assertGate(
                "d.tar",
                "duplicate",
                tar(new Archives.Tar().file("x", "f").file("./x", "g").bytes()));
        assertGate(
                "d.tar",
                "a folder entry must not hold data",
                tar(new Archives.Tar()
                        .entry("d/", '5', "data".getBytes(StandardCharsets.UTF_8), "")
                        .bytes()));
        assertGate(
                "d.tar",
                "Paxheader value size 91 exceeds size of header record",
                tar(new Archives.Tar()
                        .entry("p", 'x', "99 path=x\n".getBytes(StandardCharsets.UTF_8), "")
                        .file("a", "b")
                        .bytes()));
        assertGate(
                "d.tgz",
                "not a readable tar archive",
                f.verify(
                        "d.tgz",
                        Arrays.copyOf(
                                new Archives.Tar().file("a", "b".repeat(5000)).gzipped(), 40),
                        "",
                        CHECKS));
    }
}
