package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference areas: in memory by default, on disk only on request, owner-only, gone when done. */
class ReferenceAreasTest {
    @TempDir
    Path tmp;

    @Test
    void aReferenceLivesInMemoryAndNothingIsWrittenToDiskUntilAVerifierAsks() throws IOException {
        Path base = tmp.resolve("private");
        try (ReferenceAreas areas = new ReferenceAreas(base);
                ReferenceAreas.Area one = areas.open("t.1");
                ReferenceAreas.Area two = areas.open("t.2")) {
            Files.writeString(one.root().resolve("answer.txt"), "42");
            assertNotEquals(FileSystems.getDefault(), one.root().getFileSystem());
            assertNotEquals(one.root(), two.root());
            assertFalse(Files.exists(two.root().resolve("answer.txt")), "attempts do not share an area");
            assertFalse(Files.exists(base), "nothing on disk for in-process verifiers");
        }
        assertFalse(Files.exists(base));
    }

    @Test
    void closingAnAreaFreesItEmptyFullOrReplacedByALinkAndLeavesTheOthersAlone() throws IOException {
        try (ReferenceAreas areas = new ReferenceAreas(tmp.resolve("private"));
                ReferenceAreas.Area kept = areas.open("k.1")) {
            Files.writeString(
                    Files.createDirectories(kept.root().resolve("sub")).resolve("answer.txt"), "42");
            ReferenceAreas.Area empty = areas.open("e.1");
            ReferenceAreas.Area full = areas.open("f.1");
            Files.writeString(
                    Files.createDirectories(full.root().resolve("a/b")).resolve("c.txt"), "x");
            Files.writeString(full.root().resolve("d.txt"), "y");
            ReferenceAreas.Area swapped = areas.open("s.1");
            Files.delete(swapped.root());
            Files.createSymbolicLink(swapped.root(), kept.root());
            for (ReferenceAreas.Area a : List.of(empty, full, swapped)) {
                a.close();
                assertFalse(
                        Files.exists(a.root(), LinkOption.NOFOLLOW_LINKS),
                        a.root().toString());
            }
            assertEquals(
                    "42", Files.readString(kept.root().resolve("sub/answer.txt")), "a link is removed, not followed");
        }
    }

    @Test
    void aPrivateDirectoryIsOwnerOnlyInTheRunFolderAndGoesWhenItsVerificationEnds() throws IOException {
        Path base = tmp.resolve("private");
        ReferenceAreas areas = new ReferenceAreas(base);
        ReferenceAreas.Area area = areas.open("t.1");
        Path dir = area.privateDirectory();
        assertEquals(dir, area.privateDirectory(), "one directory per verification");
        Files.writeString(dir.resolve("copy.txt"), "42");
        Path runFolder = dir.getParent();
        assertEquals(base, runFolder.getParent());
        assertTrue(runFolder
                .getFileName()
                .toString()
                .startsWith("run-" + ProcessHandle.current().pid() + "-"));
        for (Path p : List.of(base, runFolder, dir)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        area.close();
        assertFalse(Files.exists(dir), "the directory exists only while its verifier runs");
        assertThrows(IllegalStateException.class, area::privateDirectory);
        assertTrue(Files.exists(runFolder));
        areas.close();
        assertFalse(Files.exists(runFolder), "the run folder goes when the run closes");
    }

    @Test
    void theFoldersOfRunsThatAreGoneAreRemovedAtTheNextStartAndLiveOnesKept() throws IOException {
        Path base = Files.createDirectories(tmp.resolve("private"));
        Path dead = Files.createDirectories(base.resolve("run-999999999-0123/t.1-1"));
        Files.writeString(dead.resolve("answer.txt"), "42");
        Path live = Files.createDirectories(
                base.resolve("run-" + ProcessHandle.current().pid() + "-4567"));
        Path other = Files.createDirectories(base.resolve("not-a-run"));
        try (ReferenceAreas areas = new ReferenceAreas(base)) {
            assertEquals(1, areas.removeLeftovers());
        }
        assertFalse(Files.exists(dead.getParent()));
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(other));
        assertEquals(0, new ReferenceAreas(tmp.resolve("never-made")).removeLeftovers());
    }

    @Test
    void outputLinksThatLeadIntoTheAreasAreFoundEvenThroughOtherLinks() throws IOException {
        Path base = tmp.resolve("private");
        Path workspace = Files.createDirectories(tmp.resolve("ws"));
        ReferenceAreas areas = new ReferenceAreas(base);
        Files.createDirectories(workspace.resolve("sub"));
        Files.createSymbolicLink(workspace.resolve("elsewhere.txt"), tmp.resolve("decoy.txt"));
        assertNull(areas.linkInto(workspace), "a link elsewhere is the verifiers' to refuse");
        Path hop = Files.createSymbolicLink(tmp.resolve("hop"), base.resolve("run-1-ab/t.1-1/reference/answer.txt"));
        Files.createSymbolicLink(workspace.resolve("sub/answer.txt"), hop);
        assertEquals(Path.of("sub", "answer.txt").toString(), areas.linkInto(workspace));
        assertNull(areas.linkInto(workspace.getFileSystem().getPath("/nonexistent-ws")));
    }

    @Test
    void theDefaultBaseIsNeverTheSharedTemporaryDirectory() {
        Map<String, String> props = Map.of("user.home", "/home/u", "java.io.tmpdir", "/tmp");
        assertEquals(Path.of("/home/u/.cache/ale/private"), ReferenceAreas.defaultBase(props::get, name -> null));
        assertEquals(
                tmp.resolve("ale"),
                ReferenceAreas.defaultBase(props::get, Map.of("XDG_RUNTIME_DIR", tmp.toString())::get));
        assertEquals(
                Path.of("/x"),
                ReferenceAreas.defaultBase(
                        Map.of(ReferenceAreas.BASE_PROPERTY, "/x", "user.home", "/h")::get, name -> null));
    }
}
