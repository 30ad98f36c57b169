package dev.ale.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Sandbox;
import dev.ale.api.Step;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.core.Sandboxes;
import dev.ale.testfixtures.SessionFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each tool does for a well-behaved model, on an in-memory workspace. */
class AgentToolsTest {
    private Sandbox sandbox;
    private SessionFixture session;
    private AgentTools tools;

    @BeforeEach
    void open() throws Exception {
        sandbox = Sandboxes.inMemory().open(new SandboxRequest("tools.1", 0));
        session = SessionFixture.over(sandbox);
        tools = AgentTools.forSession(
                session, ToolLimits.builder().maxOutputChars(2_000).build());
        Path ws = sandbox.workspace();
        Files.createDirectories(ws.resolve("data/raw"));
        Files.writeString(ws.resolve("data/orders.csv"), "id,amount\n1,10.50\n2,7.25\n3,99.00\n");
        Files.writeString(ws.resolve("data/raw/notes.txt"), "alpha\nbeta\r\ngamma\n");
        Files.writeString(ws.resolve("README.md"), "# Orders\nSum the amounts.\n");
    }

    @AfterEach
    void close() throws Exception {
        sandbox.close();
    }

    @Test
    void listsTheTreeSortedWithSizesAndDirectoriesMarked() {
        ToolResult r = tools.listFiles(".", 3);
        assertFalse(r.error(), r.output());
        assertEquals(
                List.of(
                        "README.md  (26 bytes)",
                        "data/",
                        "data/orders.csv  (33 bytes)",
                        "data/raw/",
                        "data/raw/notes.txt  (18 bytes)"),
                r.output().lines().toList());
        assertEquals(
                List.of("README.md  (26 bytes)", "data/"),
                tools.listFiles(".", 1).output().lines().toList());
    }

    @Test
    void readsWholeFilesAndLineRanges() {
        assertEquals(
                "id,amount\n1,10.50\n2,7.25\n3,99.00\n",
                tools.readFile("data/orders.csv", 1, 0).output());
        assertEquals(
                "1,10.50\n2,7.25\n", tools.readFile("data/orders.csv", 2, 3).output());
        assertEquals(
                "alpha\nbeta\ngamma\n",
                tools.readFile("./data/raw/../raw/notes.txt", 1, 0).output());
        assertTrue(tools.readFile("data/orders.csv", 9, 0).output().contains("has 4 lines"));
        assertTrue(tools.readFile("data/orders.csv", 3, 2).error());
        assertTrue(tools.readFile("missing.csv", 1, 0).output().contains("does not exist"));
        assertTrue(tools.readFile("data", 1, 0).output().contains("is a directory"));
    }

    @Test
    void writesCreatingParentsAndOverwrites() throws Exception {
        ToolResult created = tools.writeFile("out/total.txt", "117.75\n");
        assertEquals("created out/total.txt (7 bytes)", created.output());
        assertEquals(
                "overwrote out/total.txt (6 bytes)",
                tools.writeFile("out/total.txt", "117.7\n").output());
        assertEquals("117.7\n", Files.readString(sandbox.workspace().resolve("out/total.txt")));
        assertTrue(tools.writeFile("data", "x").output().contains("is a directory"));
        assertTrue(tools.writeFile(".", "x").error());
    }

    @Test
    void editsAnExactStringOnceOrEverywhere() throws Exception {
        assertEquals(
                "replaced 1 occurrence in data/orders.csv",
                tools.editFile("data/orders.csv", "2,7.25", "2,7.50", false).output());
        ToolResult ambiguous = tools.editFile("data/orders.csv", "0\n", "1\n", false);
        assertTrue(ambiguous.error());
        assertTrue(ambiguous.output().contains("occurs 3 times"), ambiguous.output());
        assertEquals(
                "replaced 3 occurrences in data/orders.csv",
                tools.editFile("data/orders.csv", "0\n", "1\n", true).output());
        assertEquals(
                "id,amount\n1,10.51\n2,7.51\n3,99.01\n",
                Files.readString(sandbox.workspace().resolve("data/orders.csv")));
        assertTrue(tools.editFile("data/orders.csv", "nowhere", "x", false)
                .output()
                .contains("was not found"));
        assertTrue(tools.editFile("data/orders.csv", "", "x", false).error());
        assertTrue(tools.editFile("data/orders.csv", "id", "id", false).error());
    }

    @Test
    void searchesLiterallyByRegexAndByGlob() {
        assertEquals(
                "data/orders.csv:4: 3,99.00\n",
                tools.searchFiles("99", ".", null, false).output());
        assertEquals(
                "data/orders.csv:2: 1,10.50\ndata/orders.csv:3: 2,7.25\n",
                tools.searchFiles("^[12],", ".", null, true).output());
        assertEquals(
                "data/raw/notes.txt:2: beta\n",
                tools.searchFiles("beta", "data", "*.txt", false).output());
        assertEquals(
                "(no matches)\n", tools.searchFiles("beta", ".", "*.csv", false).output());
        assertTrue(tools.searchFiles("(", ".", null, true).output().contains("not a valid regular expression"));
    }

    @Test
    void recordsEveryCallAndItsOutputInTheTrajectory() {
        tools.readFile("README.md", 1, 0);
        tools.call("write_file", "{\"path\":\"a.txt\",\"content\":\"x\"}");
        tools.call("no_such_tool", "{}");
        tools.call("read_file", "{not json");
        List<Step> steps = session.trajectory().steps();
        assertEquals(8, steps.size());
        assertEquals(4, session.trajectory().toolCalls());
        assertEquals(Step.Kind.TOOL_CALL, steps.get(0).kind());
        assertEquals("read_file", steps.get(0).name());
        assertEquals(
                "{\"path\":\"README.md\",\"start_line\":1,\"end_line\":0}",
                steps.get(0).text());
        assertEquals(Step.Kind.OBSERVATION, steps.get(1).kind());
        assertEquals("read_file", steps.get(1).name());
        assertEquals("# Orders\nSum the amounts.\n", steps.get(1).text());
        assertEquals("created a.txt (1 bytes)", steps.get(3).text());
        assertTrue(
                steps.get(5).text().startsWith("error: there is no tool 'no_such_tool'; the tools are list_files"),
                steps.get(5).text());
        assertTrue(
                steps.get(7).text().startsWith("error: the arguments are not valid JSON"),
                steps.get(7).text());
    }

    @Test
    void callsTakeTheArgumentsOfTheSchemasLeniently() {
        assertEquals(
                "1,10.50\n",
                tools.call("read_file", "{\"path\":\"data/orders.csv\",\"start_line\":\"2\",\"end_line\":2}")
                        .output());
        assertEquals(
                "error: missing required argument 'path'",
                tools.call("read_file", "{\"file\":\"x\"}").output());
        assertEquals(
                "error: argument 'path' must be a string",
                tools.call("read_file", "{\"path\":3}").output());
        assertEquals(
                "error: argument 'depth' must be an integer",
                tools.call("list_files", "{\"depth\":1.5}").output());
        assertEquals(
                "error: argument 'replace_all' must be true or false",
                tools.call("edit_file", "{\"path\":\"a\",\"old_string\":\"a\",\"new_string\":\"b\",\"replace_all\":1}")
                        .output());
        assertFalse(tools.call("list_files", null).error());
    }

    @Test
    void offersRunCommandOnlyWhereTheSandboxCanExecute(@TempDir Path tmp) throws Exception {
        assertEquals(
                List.of("list_files", "read_file", "write_file", "edit_file", "search_files"),
                tools.specs().stream().map(ToolSpec::name).toList());
        ToolResult refused = tools.runCommand("echo hi", Duration.ofSeconds(5));
        assertTrue(refused.error());
        assertTrue(refused.output().contains("cannot run processes"), refused.output());
        try (Sandbox local = Sandboxes.localDirectory(tmp, false).open(new SandboxRequest("tools.2", 0))) {
            AgentTools runs = AgentTools.forSession(SessionFixture.over(local));
            assertEquals("run_command", runs.specs().get(5).name());
            Files.writeString(local.workspace().resolve("in.txt"), "3\n4\n", StandardCharsets.UTF_8);
            ToolResult r = runs.call(
                    "run_command", "{\"command\":\"awk '{s+=$1} END {print s}' in.txt; echo oops >&2; exit 3\"}");
            assertFalse(r.error(), r.output());
            assertEquals("exit code 3\n7\n[stderr]\noops\n", r.output());
        }
    }
}
