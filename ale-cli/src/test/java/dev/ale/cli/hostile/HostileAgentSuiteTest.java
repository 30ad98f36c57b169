package dev.ale.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.process.BubblewrapOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Script agents that go for the answers instead of working, run through {@code ale run} as its own
 * process (the sealing key in its environment) with {@code --sandbox bwrap} and {@code --sandbox local}.
 * Under bubblewrap an agent finds nothing of the pack, the reference, the key or the solution, and
 * cannot write where Java loads the SDK's code (its class path, its class-data archive); in a
 * local directory it finds no key and no clear solution; a swapping or racing agent never passes.
 */
@EnabledOnOs(OS.LINUX)
class HostileAgentSuiteTest {
    @TempDir
    Path tmp;

    private static void assumeBubblewrap() {
        var problem = BubblewrapOptions.defaults().unusable();
        assumeTrue(problem.isEmpty(), () -> "bubblewrap is not usable here: " + problem.orElse(""));
    }

    /** The pack (its reference in the clear) of a test under bubblewrap, which is skipped where bubblewrap is not usable. */
    private SecretPack packUnderBubblewrap() throws IOException {
        assumeBubblewrap();
        return SecretPack.create(tmp.resolve("pack"), false);
    }

    private AleProcess.Run run(SecretPack pack, Path agent, String sandbox, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(
                List.of(pack.dir().toString(), "--harness", "cmd:sh " + agent, "--sandbox", sandbox, "--retries", "0"));
        args.addAll(List.of(more));
        return AleProcess.run(tmp, Map.of("ALE_REFERENCE_KEY", pack.key()), args.toArray(String[]::new));
    }

    @Test
    @Tag("bwrap")
    void underBubblewrapAHunterFindsNoPackReferenceKeyOrSolution() throws Exception {
        SecretPack pack = packUnderBubblewrap();
        AleProcess.Run r = run(pack, HostileAgents.hunter(tmp), "bwrap");
        String seen = r.trajectories();
        assertTrue(seen.contains("== hunt:"), "the hunter ran to its end: " + r);
        assertFalse(seen.contains(pack.token()), () -> "the answer reached the agent: " + after(seen, "== hunt:"));
        assertFalse(seen.contains(pack.key()), "the key reached the agent");
        assertFalse(seen.contains(pack.dir().toString()), "the pack's path reached the agent");
        assertFalse(seen.contains(r.runDirectory().toString()), "the run directory's path reached the agent");
        assertFailedWithoutCause(r);
        assertTrue(r.out().contains("on bubblewrap sandboxes"), r.out());
    }

    @Test
    void inALocalDirectoryAHunterFindsNoKeyAndNoClearSolution() throws Exception {
        SecretPack pack = SecretPack.create(tmp.resolve("pack"), true);
        AleProcess.Run r = run(pack, HostileAgents.hunter(tmp), "local");
        String seen = r.trajectories();
        assertTrue(seen.contains("== hunt:"), "the hunter ran to its end: " + r);
        assertTrue(seen.contains("ALE_REFERENCE_KEY=***"), "the parent's environment was read, blanked: " + r);
        assertFalse(seen.contains(pack.key()), "the key reached the agent");
        assertFalse(seen.contains(pack.token()), () -> "the answer reached the agent: " + after(seen, "== hunt:"));
        assertFalse(
                Files.exists(pack.dir().resolve("tasks/secret-code/solution/answer.txt")),
                "a sealed pack carries no clear solution");
        assertFailedWithoutCause(r);
        assertTrue(r.err().contains("ale: warning: the agent runs unisolated"), r.err());
    }

    @Test
    @Tag("bwrap")
    void underBubblewrapASwappingAgentCannotReachThePack() throws Exception {
        SecretPack pack = packUnderBubblewrap();
        AleProcess.Run r = run(pack, HostileAgents.swapper(tmp), "bwrap");
        assertTrue(r.trajectories().contains("== swap done"), r.toString());
        assertFalse(r.trajectories().contains("swapped "), r.trajectories());
        assertEquals(
                pack.token() + "\n", Files.readString(pack.dir().resolve("tasks/secret-code/reference/answer.txt")));
        assertFailedWithoutCause(r);
    }

    @Test
    void inALocalDirectoryASwappingAgentIsCaughtAsAChangedPack() throws Exception {
        SecretPack pack = SecretPack.create(tmp.resolve("pack"), false);
        AleProcess.Run r = run(pack, HostileAgents.swapper(tmp), "local");
        assertTrue(r.trajectories().contains("swapped "), "the agent did swap the reference: " + r);
        JsonNode attempt = r.attempts().get(0);
        assertEquals("ERROR", attempt.path("outcome").asText(), attempt.toString());
        assertEquals("PACK", attempt.path("cause").asText(), attempt.toString());
        assertEquals(3, r.code(), r.toString());
    }

    @Test
    @Tag("bwrap")
    void underBubblewrapAnAgentCannotWriteWhereJavaLoadsTheSdksCode() throws Exception {
        SecretPack pack = packUnderBubblewrap();
        // the class path's folders (and the folder of each jar, where the launcher keeps its
        // class-data archive or AOT cache), and a stand-in archive the agent knows the path of
        Path sdk = Files.createDirectories(tmp.resolve("sdk"));
        Path archive = Files.writeString(sdk.resolve("ale-1-2.aot"), "classes");
        Set<Path> folders = new LinkedHashSet<>(List.of(sdk));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            folders.add(Files.isDirectory(p) ? p : p.getParent());
        }
        AleProcess.Run r = run(pack, HostileAgents.planter(tmp, List.copyOf(folders), List.of(archive)), "bwrap");
        String seen = r.trajectories();
        assertTrue(seen.contains("== plant done"), "the agent ran to its end: " + r);
        List<Path> planted = folders.stream()
                .map(f -> f.resolve(HostileAgents.PLANTED))
                .filter(Files::exists)
                .toList();
        for (Path p : planted) {
            Files.delete(p);
        }
        assertEquals(List.of(), planted, "the agent left files where Java loads code from");
        assertEquals("classes", Files.readString(archive), "the agent overwrote the archive");
        assertFalse(seen.contains("planted ") || seen.contains("overwrote "), seen);
        assertEquals("FAILED", r.attempts().get(0).path("outcome").asText(), "the run went on: " + r);
    }

    @Test
    @Tag("bwrap")
    void underBubblewrapFourRacingAgentsNeverPass() throws Exception {
        assumeBubblewrap();
        assertRacersLose("bwrap");
    }

    @Test
    void inLocalDirectoriesFourRacingAgentsNeverPass() throws Exception {
        assertRacersLose("local");
    }

    private void assertRacersLose(String sandbox) throws Exception {
        SecretPack pack = SecretPack.create(tmp.resolve("pack"), true);
        AleProcess.Run r = run(pack, HostileAgents.racer(tmp), sandbox, "--trials", "4", "--parallel", "4");
        List<JsonNode> attempts = r.attempts();
        String seen = r.trajectories();
        assertEquals(4, attempts.size(), r.toString());
        for (JsonNode a : attempts) {
            assertNotEquals("PASSED", a.path("outcome").asText(), () -> "a racer won: " + after(seen, "== copied"));
            assertEquals("FAILED", a.path("outcome").asText(), a.toString());
            assertEquals("NONE", a.path("cause").asText(), a.toString());
        }
        assertFalse(seen.contains("== copied"), () -> after(seen, "== copied"));
    }

    /** The one attempt of {@code r} was scored and failed: not an error, not a timeout. */
    private static void assertFailedWithoutCause(AleProcess.Run r) throws IOException {
        JsonNode attempt = r.attempts().get(0);
        assertEquals("FAILED", attempt.path("outcome").asText(), attempt.toString());
        assertEquals("NONE", attempt.path("cause").asText(), attempt.toString());
    }

    /** What follows {@code marker} in {@code text} (a line of what an agent printed), for messages. */
    private static String after(String text, String marker) {
        int i = text.indexOf(marker);
        return i < 0 ? "(" + marker + " not printed)" : text.substring(i, Math.min(text.length(), i + 400));
    }
}
