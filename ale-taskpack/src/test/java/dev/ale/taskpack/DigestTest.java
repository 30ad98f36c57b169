package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.primitives.UnsignedBytes;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskPart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestTest {
    @TempDir
    Path tmp;

    PackFixture p;

    @BeforeEach
    void setUp() {
        p = PackFixture.standard(Path.of(tmp.toString(), "pack"));
    }

    @Test
    void recordedDigestsFollowTheContract() {
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            for (Task t : pack.tasks()) {
                assertEquals(PackFixture.digest(p.dir.resolve("tasks").resolve(t.id())), t.digest());
                assertEquals(t.digest(), Digests.task(DirectorySource.scan(p.dir), t.id()));
            }
        }
    }

    @Test
    void aMismatchIsFoundLazilyAndNamesTheTaskAndBothDigests() {
        String recorded = p.recordedDigest("bank-rec");
        p.write("tasks/bank-rec/reference/expected.csv", "tampered\n");
        String actual = PackFixture.digest(p.dir.resolve("tasks/bank-rec"));
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            Task bank = pack.task("bank-rec").orElseThrow();
            TaskPackException e = assertThrows(TaskPackException.class, () -> bank.files(TaskPart.INPUTS));
            assertEquals("tasks/bank-rec/", e.source());
            assertTrue(e.rule().contains("task 'bank-rec' does not match its digest"), e.getMessage());
            assertTrue(e.rule().contains(recorded) && e.rule().contains(actual), e.getMessage());
            assertThrows(TaskPackException.class, () -> bank.files(TaskPart.SOLUTION));
            pack.task("ledger-close").orElseThrow().files(TaskPart.INPUTS);
            TaskPackException v = assertThrows(TaskPackException.class, pack::verify);
            assertEquals("tasks/bank-rec/", v.source());
            pack.select(TaskFilter.id("ledger-close")).verify();
        }
    }

    @Test
    void aMismatchInAZipIsFound() throws IOException {
        p.write("tasks/site-survey/inputs/extra.txt", "added after hashing\n");
        Path zip = Hostile.zip(tmp.resolve("pack.zip"), Hostile.filesOf(p.dir));
        try (TaskPack pack = TaskPacks.open(zip)) {
            TaskPackException e = assertThrows(TaskPackException.class, pack::verify);
            assertEquals("tasks/site-survey/", e.source());
        }
    }

    @Test
    void theCheckRunsOnceAndIsCached() throws IOException {
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            Task bank = pack.task("bank-rec").orElseThrow();
            assertEquals(2, bank.files(TaskPart.INPUTS).size());
            Files.writeString(
                    p.dir.resolve("tasks/bank-rec/solution/reconciled.csv"),
                    "changed, same length!!!!!!!!!!!!!!!!!!!!!\n");
            assertEquals(1, bank.files(TaskPart.SOLUTION).size());
        }
    }

    @Test
    void aFileThatVanishesIsNamed() throws IOException {
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            Files.delete(p.dir.resolve("tasks/ledger-close/reference/expected.json"));
            TaskPackException e = assertThrows(TaskPackException.class, pack::verify);
            assertEquals("tasks/ledger-close/reference/expected.json", e.source());
            assertTrue(e.rule().startsWith("cannot read"), e.getMessage());
        }
    }

    @Test
    void packDigestChangesWithAnyTaskDigest() {
        String before;
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            before = pack.ref().digest();
        }
        p.write("tasks/site-survey/inputs/more.txt", "x");
        p.rehash();
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            assertTrue(!before.equals(pack.ref().digest()));
        }
    }

    @Test
    void aTaskOfTaskJsonAloneIsDigestedFromTheBytesItsSpecWasReadFrom() throws IOException {
        Path survey = p.dir.resolve("tasks/site-survey");
        Files.delete(survey.resolve("inputs/survey notes ü.txt"));
        Files.delete(survey.resolve("inputs"));
        p.rehash();
        String recorded = p.recordedDigest("site-survey");
        assertEquals(PackFixture.digest(survey), recorded);
        Path zip = Hostile.zip(tmp.resolve("pack.zip"), Hostile.filesOf(p.dir));
        for (Path opened : new Path[] {p.dir, zip}) {
            try (TaskPack pack = TaskPacks.open(opened)) {
                Task task = pack.task("site-survey").orElseThrow();
                assertEquals(recorded, task.digest());
                assertEquals(0, task.files(TaskPart.INPUTS).size());
                pack.verify();
            }
        }
        Path json = survey.resolve("task.json");
        Files.writeString(
                json, Files.readString(json).replace("Summarise the site survey", "Summarise the site surveys"));
        String actual = PackFixture.digest(survey);
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            TaskPackException e = assertThrows(
                    TaskPackException.class,
                    () -> pack.task("site-survey").orElseThrow().files(TaskPart.INPUTS));
            assertTrue(e.rule().contains(recorded) && e.rule().contains(actual), e.getMessage());
        }
    }

    @Test
    void utf8OrderIsTheOrderOfTheUtf8Bytes() {
        char[] alphabet = {'a', 'b', '/', '.', '\u00fc', '\ud7ff', '\ue000', '\uffff', '\ud800', '\udc00', '\udbff'};
        Random random = new Random(14);
        for (int round = 0; round < 20_000; round++) {
            String a = randomString(random, alphabet);
            String b = random.nextInt(4) == 0 ? a + randomString(random, alphabet) : randomString(random, alphabet);
            int bytes = UnsignedBytes.lexicographicalComparator()
                    .compare(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
            assertEquals(Integer.signum(bytes), Integer.signum(Digests.UTF8_ORDER.compare(a, b)), a + " vs " + b);
        }
    }

    @Test
    void sortingByUtf8AndThePackDigestFollowTheBytesWithAndWithoutSurrogates() throws Exception {
        String[] bmp = {"a", "b", "-", "0", "9", "\u00fc", "\ue000", "\uffff"};
        String[] astral = {
            "a", "-", "\u00fc", "\ud7ff", "\ue000", "\uffff", "\ud800\udc00", "\udbff\udfff", "\ud83d\ude00"
        };
        Random random = new Random(15);
        for (int round = 0; round < 2_000; round++) {
            String[] tokens = round % 2 == 0 ? bmp : astral;
            Map<String, String> digests = new HashMap<>();
            for (int i = random.nextInt(12); i >= 0; i--) {
                StringBuilder id = new StringBuilder();
                for (int t = random.nextInt(6); t >= 0; t--) {
                    id.append(tokens[random.nextInt(tokens.length)]);
                }
                digests.put(id.toString(), Integer.toString(i));
            }
            List<byte[]> bytes = new ArrayList<>();
            digests.keySet().forEach(k -> bytes.add(k.getBytes(StandardCharsets.UTF_8)));
            bytes.sort(UnsignedBytes.lexicographicalComparator());
            List<String> sorted = new ArrayList<>(digests.keySet());
            Digests.sortUtf8(sorted);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < sorted.size(); i++) {
                assertArrayEquals(bytes.get(i), sorted.get(i).getBytes(StandardCharsets.UTF_8), sorted.toString());
                String id = new String(bytes.get(i), StandardCharsets.UTF_8);
                sha.update((id + " " + digests.get(id) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(HexFormat.of().formatHex(sha.digest()), Digests.pack(digests), sorted.toString());
        }
    }

    private static String randomString(Random random, char[] alphabet) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(5); i > 0; i--) {
            s.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return s.toString();
    }
}
