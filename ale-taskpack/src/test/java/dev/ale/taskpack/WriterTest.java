package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPackException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriterTest {
    @TempDir
    Path tmp;

    PackFixture p;
    Path out;

    @BeforeEach
    void setUp() throws IOException {
        p = PackFixture.standard(tmp.resolve("pack"));
        out = Files.createDirectories(tmp.resolve("out"));
    }

    @Test
    void updateDigestsFillsDigestsAndRevisionsSortsTasksAndKeepsTheRest() {
        String expected;
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            expected = pack.ref().digest();
        }
        p.editTask("site-survey", t -> t.put("revision", 3));
        p.editManifest(m -> {
            ArrayNode tasks = m.putArray("tasks");
            tasks.addObject().put("id", "site-survey").put("digest", "");
            tasks.addObject().put("id", "ledger-close");
            tasks.addObject().put("id", "bank-rec").put("revision", 7).put("digest", "0".repeat(64));
        });
        String digest = TaskPackWriter.updateDigests(p.dir);
        ObjectNode m = p.manifest();
        List<String> ids = new ArrayList<>();
        m.get("tasks").forEach(t -> ids.add(t.get("id").asText()));
        assertEquals(PackFixture.IDS, ids);
        for (JsonNode t : m.get("tasks")) {
            assertEquals(
                    PackFixture.digest(
                            p.dir.resolve("tasks").resolve(t.get("id").asText())),
                    t.get("digest").asText());
        }
        assertEquals(3, m.get("tasks").get(2).get("revision").asInt());
        assertEquals(1, m.get("tasks").get(0).get("revision").asInt());
        assertEquals("A pack for tests", m.get("description").asText());
        assertEquals(
                List.of("bank-rec", "ledger-close"),
                List.of(
                        m.get("lists").get("finance").get(0).asText(),
                        m.get("lists").get("finance").get(1).asText()));
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            assertEquals(digest, pack.ref().digest());
            pack.verify();
        }
        p.editTask("site-survey", t -> t.put("revision", 1));
        assertEquals(expected, TaskPackWriter.updateDigests(p.dir));
    }

    @Test
    void updateDigestsListsATaskFolderThatPackJsonDoesNotListYet() {
        p.editManifest(m -> ((ArrayNode) m.get("tasks")).remove(1));
        TaskPackWriter.updateDigests(p.dir);
        List<String> ids = new ArrayList<>();
        p.manifest().get("tasks").forEach(t -> ids.add(t.get("id").asText()));
        assertEquals(PackFixture.IDS, ids);
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            pack.verify();
        }
        p.write("tasks/stray/notes.txt", "no task.json: not a task, still refused\n");
        TaskPackException e = assertThrows(TaskPackException.class, () -> TaskPackWriter.updateDigests(p.dir));
        assertEquals("tasks/stray/", e.source(), e.getMessage());
    }

    @Test
    void updateDigestsLeavesAnUpToDateManifestUntouched() throws IOException {
        TaskPackWriter.updateDigests(p.dir);
        byte[] before = Files.readAllBytes(p.dir.resolve("pack.json"));
        TaskPackWriter.updateDigests(p.dir);
        assertArrayEquals(before, Files.readAllBytes(p.dir.resolve("pack.json")));
        assertEquals('\n', before[before.length - 1]);
        assertTrue(new String(before, StandardCharsets.UTF_8).contains("\"format\": \"ale-taskpack\""));
    }

    @Test
    void updateDigestsValidatesFirstAndChangesNothingOnFailure() throws IOException {
        p.editManifest(m -> ((ObjectNode) m.get("tasks").get(0)).put("digest", ""));
        p.editTask("bank-rec", t -> ((ObjectNode) t.get("taxonomy")).put("cluster", "banking"));
        byte[] before = Files.readAllBytes(p.dir.resolve("pack.json"));
        TaskPackException e = assertThrows(TaskPackException.class, () -> TaskPackWriter.updateDigests(p.dir));
        assertEquals("/taxonomy/cluster", e.field());
        assertArrayEquals(before, Files.readAllBytes(p.dir.resolve("pack.json")));
        SafetyCases.assertOnly(p.dir, "pack.json", "tasks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pack.zip", "pack.tar", "pack.tar.gz", "pack.tgz"})
    void writingTwiceGivesIdenticalBytesThatReopenWithTheSameDigests(String name) throws IOException {
        Path first = out.resolve("1-" + name);
        Path second = out.resolve("2-" + name);
        TaskPackWriter.write(p.dir, first);
        Files.setLastModifiedTime(
                p.dir.resolve("tasks/bank-rec/inputs/statement.csv"),
                FileTime.fromMillis(System.currentTimeMillis() + 3_600_000));
        TaskPackWriter.write(p.dir, second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        try (TaskPack dir = TaskPacks.open(p.dir);
                TaskPack archive = TaskPacks.open(first)) {
            assertEquals(
                    dir.tasks().stream().map(Task::digest).toList(),
                    archive.tasks().stream().map(Task::digest).toList());
            archive.verify();
        }
        SafetyCases.assertOnly(
                out, first.getFileName().toString(), second.getFileName().toString());
    }

    @Test
    void zipEntriesAreSortedWithFixedTimesModesAndNoExtraFields() throws IOException {
        Path zip = out.resolve("pack.zip");
        TaskPackWriter.write(p.dir, zip);
        List<String> names = new ArrayList<>();
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntriesInPhysicalOrder())) {
                names.add(e.getName());
                assertEquals(0, e.getExtra().length, e.getName());
                assertEquals(0, e.getCentralDirectoryExtra().length, e.getName());
                assertEquals(e.isDirectory() ? 040755 : 0100644, e.getUnixMode(), e.getName());
                LocalDateTime t =
                        LocalDateTime.ofInstant(e.getLastModifiedTime().toInstant(), ZoneId.systemDefault());
                assertEquals(LocalDateTime.of(1980, 1, 1, 0, 0), t, e.getName());
            }
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Digests.UTF8_ORDER);
        assertEquals(sorted, names);
        assertEquals("pack.json", names.get(0));
        assertTrue(names.contains("tasks/bank-rec/inputs/data/"));
    }

    @Test
    void tarEntriesHaveFixedTimesModesAndNoOwnersAndGzipHasNoTimeOrName() throws IOException {
        Path tgz = out.resolve("pack.tgz");
        TaskPackWriter.write(p.dir, tgz);
        byte[] bytes = Files.readAllBytes(tgz);
        assertEquals(0x1f, bytes[0] & 0xff);
        assertEquals(0x8b, bytes[1] & 0xff);
        assertEquals(0, bytes[3], "no FNAME or other header flags");
        assertArrayEquals(new byte[4], Arrays.copyOfRange(bytes, 4, 8), "mtime 0");
        Path tar = out.resolve("pack.tar");
        TaskPackWriter.write(p.dir, tar);
        try (InputStream in = Files.newInputStream(tar);
                TarArchiveInputStream t = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = t.getNextEntry(); e != null; e = t.getNextEntry()) {
                assertEquals(ArchiveWriter.TAR_TIME, e.getLastModifiedTime(), e.getName());
                assertEquals(e.isDirectory() ? 040755 : 0100644, e.getMode(), e.getName());
                assertEquals(0, e.getLongUserId());
                assertEquals(0, e.getLongGroupId());
                assertEquals("", e.getUserName());
                assertEquals("", e.getGroupName());
            }
        }
    }

    @Test
    void unknownArchiveKindsAreRefused() {
        TaskPackException e =
                assertThrows(TaskPackException.class, () -> TaskPackWriter.write(p.dir, out.resolve("pack.7z")));
        assertTrue(e.rule().contains("unknown kind of archive"), e.getMessage());
    }

    @Test
    void aStalePackIsNotWrittenAndAnExistingTargetIsKept() throws IOException {
        Path target = Files.writeString(out.resolve("pack.zip"), "old");
        p.write("tasks/ledger-close/inputs/new.txt", "not hashed");
        TaskPackException e = assertThrows(TaskPackException.class, () -> TaskPackWriter.write(p.dir, target));
        assertEquals("tasks/ledger-close/", e.source());
        assertTrue(e.rule().contains("updateDigests"), e.getMessage());
        assertEquals("old", Files.readString(target));
        SafetyCases.assertOnly(out, "pack.zip");
    }

    @Test
    void anArchiveIsNotWrittenInsideThePack() {
        TaskPackException e = assertThrows(
                TaskPackException.class, () -> TaskPackWriter.write(p.dir, p.dir.resolve("tasks/self.zip")));
        assertTrue(e.rule().contains("inside the pack directory"), e.getMessage());
        assertFalse(Files.exists(p.dir.resolve("tasks/self.zip")));
    }

    @Test
    void anExistingTargetIsReplaced() throws IOException {
        Path target = Files.writeString(out.resolve("pack.tar"), "old");
        TaskPackWriter.write(p.dir, target);
        try (TaskPack pack = TaskPacks.open(target)) {
            assertEquals(3, pack.tasks().size());
        }
    }
}
