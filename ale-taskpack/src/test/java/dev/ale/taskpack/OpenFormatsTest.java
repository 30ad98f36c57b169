package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.Limits;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskPart;
import dev.ale.api.task.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenFormatsTest {
    @TempDir
    Path tmp;

    PackFixture fixture;
    Path scratch;

    @BeforeEach
    void setUp() throws IOException {
        fixture = PackFixture.standard(Files.createDirectories(tmp.resolve("pack")));
        scratch = Files.createDirectories(tmp.resolve("scratch"));
    }

    /** Every file of every part of every task, as "task part path" to content. */
    static Map<String, String> contents(TaskPack pack) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Task t : pack.tasks()) {
            for (TaskPart part : TaskParts.of(t)) {
                for (TaskFile f : t.files(part)) {
                    try (InputStream in = f.open()) {
                        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        assertEquals(f.size(), text.getBytes(StandardCharsets.UTF_8).length);
                        out.put(t.id() + " " + part.folder() + f.path(), text);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void directoryPackReadsManifestTasksAndFiles() throws IOException {
        try (TaskPack pack = TaskPacks.open(fixture.dir)) {
            assertEquals("sample", pack.ref().name());
            assertEquals("1.2.0", pack.ref().version());
            assertEquals(new PackInfo("ale-taskpack", "1.0", "A pack for tests", "CC-BY-4.0"), pack.info());
            assertEquals(PackFixture.IDS, pack.tasks().stream().map(Task::id).toList());
            assertEquals(
                    Map.of("smoke", List.of("bank-rec"), "finance", List.of("bank-rec", "ledger-close")), pack.lists());
            assertEquals(List.of(), pack.warnings());
            Task bank = pack.task("bank-rec").orElseThrow();
            assertEquals(fixture.recordedDigest("bank-rec"), bank.digest());
            assertEquals(pack.ref(), bank.pack());
            assertEquals(Tier.NEAR_TERM, bank.spec().tier());
            assertEquals(Limits.defaults(), bank.spec().limits());
            assertEquals(2, bank.spec().sessions().size());
            assertEquals(List.of("13-2011", "43-3031"), bank.spec().taxonomy().soc());
            assertEquals(
                    List.of("data/ledger.csv", "statement.csv"),
                    bank.files(TaskPart.INPUTS).stream().map(TaskFile::path).toList());
            assertEquals(
                    List.of("correction.txt"),
                    bank.files(TaskPart.session(2)).stream().map(TaskFile::path).toList());
            assertEquals(List.of(), bank.files(TaskPart.session(1)));
            Task close = pack.task("ledger-close").orElseThrow();
            assertEquals(new Limits(Duration.ofHours(1), 50, 2.5), close.spec().limits());
            assertEquals(0.9, close.spec().passThreshold());
            assertEquals(
                    Duration.ofSeconds(600),
                    pack.task("site-survey").orElseThrow().spec().limits().timeout());
            assertEquals(List.of(), close.files(TaskPart.SOLUTION));
        }
    }

    @Test
    void packDigestIsOverTheRecordedTaskDigests() {
        try (TaskPack pack = TaskPacks.open(fixture.dir)) {
            List<String> lines = PackFixture.IDS.stream()
                    .map(id -> id + " " + fixture.recordedDigest(id))
                    .toList();
            assertEquals(PackFixture.packDigest(lines), pack.ref().digest());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pack.zip", "pack.tar", "pack.tar.gz", "pack.tgz", "PACK.ZIP"})
    void archivesGiveTheSameTasksDigestsAndFilesAsTheDirectory(String name) throws IOException {
        Path archive = tmp.resolve(name);
        TaskPackWriter.write(fixture.dir, archive);
        try (TaskPack dir = TaskPacks.open(fixture.dir);
                TaskPack arc = PackOpener.open(archive, PackOptions.defaults(), scratch)) {
            assertEquals(dir.ref(), arc.ref());
            assertEquals(dir.info(), arc.info());
            assertEquals(dir.lists(), arc.lists());
            assertEquals(
                    dir.tasks().stream().map(Task::digest).toList(),
                    arc.tasks().stream().map(Task::digest).toList());
            assertEquals(
                    dir.tasks().stream().map(Task::spec).toList(),
                    arc.tasks().stream().map(Task::spec).toList());
            assertEquals(contents(dir), contents(arc));
            arc.verify();
        }
        assertEquals(0, count(scratch), "a tar's private extraction is deleted on close");
    }

    @Test
    void tarIsExtractedIntoAnOwnerOnlyFolderThatCloseDeletes() throws IOException {
        Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path archive = tmp.resolve("pack.tgz");
        TaskPackWriter.write(fixture.dir, archive);
        TaskPack pack = PackOpener.open(archive, PackOptions.defaults(), scratch);
        Path extraction;
        try (Stream<Path> s = Files.list(scratch)) {
            extraction = s.findFirst().orElseThrow();
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(extraction)));
        assertTrue(Files.exists(extraction.resolve("pack.json")));
        pack.close();
        assertFalse(Files.exists(extraction));
        pack.close();
        TaskPackException e =
                assertThrows(TaskPackException.class, () -> pack.tasks().get(0).files(TaskPart.INPUTS));
        assertTrue(e.rule().contains("closed"), e.getMessage());
    }

    @Test
    void zipEntriesAreReadOnDemandAfterOpen() throws IOException {
        Path archive = tmp.resolve("pack.zip");
        TaskPackWriter.write(fixture.dir, archive);
        try (TaskPack pack = TaskPacks.open(archive)) {
            Task t = pack.task("bank-rec").orElseThrow();
            TaskFile f = t.files(TaskPart.INPUTS).get(1);
            try (InputStream in = f.open()) {
                assertEquals(
                        "date,amount\n2024-03-01,100.00\n2024-03-02,-25.50\n",
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pack.zip", "pack.tar", "pack.tgz"})
    void longNonAsciiNamesAreValidUtf8AndOpen(String name) throws IOException {
        String input = "relev\u00e9-".repeat(20) + "\u65e5\u672c.csv";
        fixture.write("tasks/bank-rec/inputs/" + input, "a,b\n".repeat(300));
        fixture.rehash();
        Path archive = scratch.resolve(name);
        TaskPackWriter.write(fixture.dir, archive);
        try (TaskPack pack = PackOpener.open(archive, PackOptions.defaults(), scratch)) {
            Map<String, String> files = contents(pack);
            assertTrue(files.containsKey("bank-rec inputs/" + input), files.keySet()::toString);
        }
    }

    @Test
    void errorsOtherThanRunningOutOfMemoryOrStackBecomeRefusals() {
        TaskPackException e = assertThrows(
                TaskPackException.class,
                () -> PackOpener.guarded("pack.zip", () -> {
                    throw new NoClassDefFoundError("com/github/luben/zstd/ZstdInputStream");
                }));
        assertEquals("pack.zip", e.source());
        assertTrue(e.rule().contains("NoClassDefFoundError"), e.getMessage());
        assertThrows(
                StackOverflowError.class,
                () -> PackOpener.guarded("pack.zip", () -> {
                    throw new StackOverflowError();
                }));
        assertEquals("ok", PackOpener.guarded("pack.zip", () -> "ok"));
    }

    @Test
    void unknownExtensionIsRefusedNamingTheFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("pack.rar"), "x");
        TaskPackException e = assertThrows(TaskPackException.class, () -> TaskPacks.open(file));
        assertEquals(file.toString(), e.source());
        assertTrue(e.rule().contains(".zip"), e.getMessage());
    }

    @Test
    void emptyPacksAreRefused() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        TaskPackException e = assertThrows(TaskPackException.class, () -> TaskPacks.open(empty));
        assertTrue(e.rule().startsWith("holds no files"), e.getMessage());
        Path zip = Hostile.zip(tmp.resolve("empty.zip"), List.of());
        e = assertThrows(TaskPackException.class, () -> TaskPacks.open(zip));
        assertEquals("empty.zip", e.source());
        assertTrue(e.rule().startsWith("holds no files"), e.getMessage());
    }

    @Test
    void missingPathIsRefused() {
        TaskPackException e = assertThrows(TaskPackException.class, () -> TaskPacks.open(tmp.resolve("nope.zip")));
        assertTrue(e.rule().contains("no such file"), e.getMessage());
    }

    @Test
    void directoryPackRefusesSymbolicLinks() throws IOException {
        Path link = fixture.dir.resolve("tasks/bank-rec/inputs/passwd");
        try {
            Files.createSymbolicLink(link, Files.writeString(tmp.resolve("outside.txt"), "secret"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links unavailable: " + e);
        }
        TaskPackException e = assertThrows(TaskPackException.class, () -> TaskPacks.open(fixture.dir));
        assertEquals("tasks/bank-rec/inputs/passwd", e.source());
        assertTrue(e.rule().contains("symbolic link"), e.getMessage());
    }

    @Test
    void directoryPackRefusesSymbolicLinksToFolders() throws IOException {
        Path link = fixture.dir.resolve("tasks/bank-rec/inputs/etc");
        try {
            Files.createSymbolicLink(link, scratch);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links unavailable: " + e);
        }
        TaskPackException e = assertThrows(TaskPackException.class, () -> TaskPacks.open(fixture.dir));
        assertEquals("tasks/bank-rec/inputs/etc", e.source());
    }

    @Test
    void directoryPackRefusesSpecialFiles() throws Exception {
        Path fifo = fixture.dir.resolve("tasks/bank-rec/inputs/pipe");
        int rc;
        try {
            rc = new ProcessBuilder("mkfifo", fifo.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            rc = -1;
        }
        Assumptions.assumeTrue(rc == 0 && Files.exists(fifo), "mkfifo unavailable");
        TaskPackException e = assertThrows(TaskPackException.class, () -> TaskPacks.open(fixture.dir));
        assertEquals("tasks/bank-rec/inputs/pipe", e.source());
        assertTrue(e.rule().contains("special file"), e.getMessage());
    }

    @Test
    void selectionsShareThePackAndFilterTasks() {
        try (TaskPack pack = TaskPacks.open(fixture.dir)) {
            TaskPack finance = pack.select(TaskFilter.cluster("business_finance"));
            assertEquals(
                    List.of("bank-rec", "ledger-close"),
                    finance.tasks().stream().map(Task::id).toList());
            assertEquals(pack.ref(), finance.ref());
            assertEquals(pack.lists(), finance.lists());
            assertEquals(pack.info(), finance.info());
            assertTrue(finance.task("site-survey").isEmpty());
            TaskPack smoke = finance.select(TaskFilter.list("smoke"));
            assertEquals(
                    List.of("bank-rec"), smoke.tasks().stream().map(Task::id).toList());
            assertTrue(pack.select(TaskFilter.list("no-such-list")).tasks().isEmpty());
            smoke.verify();
            smoke.close();
            assertThrows(
                    TaskPackException.class,
                    () -> pack.task("bank-rec").orElseThrow().files(TaskPart.INPUTS));
        }
    }

    static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
