package dev.ale.verifiers.internal.command;

import static dev.ale.verifiers.Fixture.assertContains;
import static dev.ale.verifiers.Fixture.assertContainsAll;
import static dev.ale.verifiers.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.AleException;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierPolicy;
import dev.ale.testfixtures.Python3;
import dev.ale.verifiers.Fixture;
import dev.ale.verifiers.TestContext;
import dev.ale.verifiers.VerifierRegistry;
import dev.ale.verifiers.internal.support.ExtendedContext;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class CommandVerifierTest {
    static final VerifierRegistry ALLOWED = CommandFixture.ALLOWED;

    @TempDir
    Path dir;

    CommandFixture grader;
    TestContext ctx;

    @BeforeEach
    void setUp() {
        grader = new CommandFixture(dir);
        ctx = grader.ctx;
    }

    @Test
    void isRefusedUnlessThePolicyAllowsCommands() {
        String config = "{'type': 'command', 'command': ['true']}";
        VerifierConfigException e = Fixture.refused(config, "/type");
        assertContainsAll(e.getMessage(), "command verifiers are not allowed", "allowCommands");
        String nested = "{'type': 'weighted', 'checks': [" + config + "]}";
        assertEquals("/checks/0/type", Fixture.refused(nested, "/checks/0/type").field());
        ALLOWED.create(json(nested), "");
        assertEquals(VerifierPolicy.DEFAULT, VerifierRegistry.discover().policy());
    }

    @Test
    void readsTheScoreAndChecksFromStandardOutput() throws Exception {
        Verdict v = grader.verify(grader.sh(
                "echo '{\"score\": 0.75, \"checks\": [{\"name\": \"total\", \"score\": 1, \"passed\": true,"
                        + " \"expected\": \"12\", \"actual\": 12}, {\"name\": \"memo\", \"score\": 0.5}], \"gateFailed\": false}'\n",
                ""));
        assertEquals(0.75, v.score());
        assertFalse(v.gateFailed());
        assertEquals(
                new Check("total", 1, 1, false, true, "12", "12", List.of()),
                v.checks().get(0));
        assertEquals(Check.partial("memo", 0.5, "", ""), v.checks().get(1));
    }

    @Test
    void passesTheDirectoriesAsArgumentsAndEnvironment() throws Exception {
        String body =
                """
                test "$1" = "$ALE_OUTPUT" || exit 3
                test "$2" = "$ALE_REFERENCE" || exit 4
                test "$PWD" = "$ALE_WORK_DIR" || exit 5
                test "$ALE_REWARD_FILE" = "$ALE_WORK_DIR/reward.json" || exit 6
                test "$ALE_TASK_ID" = test-task || exit 7
                test "$GREETING" = hello || exit 8
                echo "$PWD" > "$MARK"
                cat "$1/answer.txt"
                """;
        ctx.ref("grade.sh", body);
        Path mark = dir.resolve("mark");
        String env = ", 'env': {'GREETING': 'hello', 'MARK': '" + mark + "'}";
        Verdict v = grader.verify(
                "{'type': 'command', 'command': ['sh', '" + ctx.reference().resolve("grade.sh") + "']" + env + "}");
        assertEquals(0.5, v.score());
        Path work = Path.of(Files.readString(mark).strip());
        assertFalse(work.startsWith(ctx.output()) || work.startsWith(ctx.reference()), work.toString());
        assertFalse(Files.exists(work), "the private working directory is deleted afterwards");
    }

    @Test
    void replacesPlaceholdersInsteadOfAppending() throws Exception {
        ctx.ref(
                "grade.sh",
                "test $# -eq 2 || exit 9\ntest \"$1\" = \"--out=$ALE_OUTPUT\" || exit 3\n"
                        + "test \"$2\" = \"$ALE_WORK_DIR\" || exit 4\necho 1\n");
        assertEquals(
                1.0,
                grader.verify(
                                "{'type': 'command', 'command': ['sh', '{reference}/grade.sh', '--out={output}', '{workdir}']}")
                        .score());
    }

    @Test
    void readsRewardFilesBeforeStandardOutput() throws Exception {
        assertEquals(
                0.25,
                grader.verify(grader.sh("echo 0.25 > reward.txt\necho 0.9\n", ""))
                        .score());
        Verdict v = grader.verify(
                grader.sh("echo '{\"score\": 0.4, \"summary\": \"four tenths\"}' > \"$ALE_REWARD_FILE\"\n", ""));
        assertEquals(0.4, v.score());
        assertEquals("four tenths", v.summary());
        assertTrue(grader.fails(grader.sh("echo 1 > reward.txt\necho 1 > reward.json\n", ""))
                .getMessage()
                .contains("both"));
        assertTrue(grader.fails(grader.sh("ln -s \"$ALE_OUTPUT/answer.txt\" reward.txt\n", ""))
                .getMessage()
                .contains("regular file"));
    }

    @Test
    void runsAPythonScoringScript() throws Exception {
        Assumptions.assumeTrue(Python3.available(), "python3 is not installed");
        ctx.out("totals.json", "{\"net\": 120.5, \"gross\": 130}")
                .ref("expected.json", "{\"net\": 120.5, \"gross\": 131}");
        ctx.ref(
                "score.py",
                """
                import json, os, sys
                out, ref = sys.argv[1], sys.argv[2]
                got = json.load(open(os.path.join(out, "totals.json")))
                want = json.load(open(os.path.join(ref, "expected.json")))
                checks = [{"name": k, "score": 1 if got.get(k) == v else 0, "expected": v, "actual": got.get(k)}
                          for k, v in sorted(want.items())]
                print(json.dumps({"score": sum(c["score"] for c in checks) / len(checks), "checks": checks}))
                """);
        Verdict v = grader.verify(
                "{'type': 'command', 'command': ['python3', '{reference}/score.py', '{output}', '{reference}']}");
        assertEquals(0.5, v.score());
        assertEquals("131", Fixture.check(v, "gross").expected());
        assertEquals("130", Fixture.check(v, "gross").actual());
    }

    @Test
    void aMisbehavingGraderIsAnErrorNeverAZero() throws Exception {
        AleException exit = grader.fails(grader.sh("echo 'no such column' >&2\nexit 2\n", ", 'onCrash': 'error'"));
        assertContainsAll(exit.getMessage(), "exited with code 2", "no such column");
        assertTrue(grader.fails(grader.sh("echo 'all good'\n", "")).getMessage().contains("not a score"));
        assertTrue(grader.fails(grader.sh("echo 1.5\n", "")).getMessage().contains("[0, 1]"));
        assertTrue(grader.fails(grader.sh("echo -0.1\n", "")).getMessage().contains("[0, 1]"));
        assertTrue(grader.fails(grader.sh("echo NaN\n", "")).getMessage().contains("not a score"));
        assertTrue(grader.fails(grader.sh("true\n", "")).getMessage().contains("no score"));
        assertTrue(grader.fails(grader.sh("echo '{\"checks\": []}'\n", ""))
                .getMessage()
                .contains("the score must be"));
        AleException missing = grader.fails("{'type': 'command', 'command': ['/no/such/grader']}");
        assertContains("could not start", missing.getMessage());
    }

    @Test
    void readsTheLastLineWhenTheGraderLogsFirst() throws Exception {
        assertEquals(
                0.5,
                grader.verify(grader.sh("echo 'loading model'\necho '{\"score\": 0.5}'\n", ""))
                        .score());
    }

    @Test
    void copiesOutputsThatAreNotOnTheDefaultFileSystem() throws Exception {
        URI uri = URI.create("jar:" + dir.resolve("sandbox.zip").toUri());
        try (FileSystem zip = FileSystems.newFileSystem(uri, Map.of("create", "true"))) {
            Path out = Files.createDirectories(zip.getPath("/output/sub"));
            Files.writeString(out.resolve("answer.txt"), "0.75");
            Path ref = Files.createDirectories(zip.getPath("/reference"));
            Path mark = dir.resolve("mark");
            ExtendedContext inZip = ExtendedContext.of(ctx).withRoots(zip.getPath("/output"), ref);
            ctx.ref("grade.sh", "echo \"$1\" > \"$MARK\"\ntest -d \"$2\" || exit 3\ncat \"$1/sub/answer.txt\"\n");
            String config = "{'type': 'command', 'command': ['sh', '"
                    + ctx.reference().resolve("grade.sh") + "']," + " 'env': {'MARK': '" + mark + "'}}";
            assertEquals(0.75, ALLOWED.create(json(config), "").verify(inZip).score());
            Path copy = Path.of(Files.readString(mark).strip());
            assertTrue(copy.isAbsolute() && copy.getFileSystem() == FileSystems.getDefault());
            assertFalse(Files.exists(copy), "the copy is deleted afterwards");
        }
    }

    @Test
    void copiesNeverFollowLinks() throws Exception {
        Path from = Files.createDirectories(dir.resolve("from/sub"));
        Files.writeString(from.resolve("kept.txt"), "kept");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(from.resolve("link.txt"), secret);
        Files.createSymbolicLink(from.resolve("linkdir"), dir);
        Path to = dir.resolve("to");
        CommandDirs.copyTree(dir.resolve("from"), to);
        assertEquals("kept", Files.readString(to.resolve("sub/kept.txt")));
        assertFalse(Files.exists(to.resolve("sub/link.txt"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(to.resolve("sub/linkdir"), LinkOption.NOFOLLOW_LINKS));
        CommandDirs.deleteTree(to);
        assertFalse(Files.exists(to));
        assertEquals("secret", Files.readString(secret), "deleting does not follow links either");
    }

    @Test
    void refusesBadConfigurations() {
        assertField("{'type': 'command'}", "/command");
        assertField("{'type': 'command', 'command': []}", "/command");
        assertField("{'type': 'command', 'command': 'python3 grade.py'}", "/command");
        assertField("{'type': 'command', 'command': ['sh', 3]}", "/command/1");
        assertField("{'type': 'command', 'command': ['sh'], 'timeout': 'soon'}", "/timeout");
        assertField("{'type': 'command', 'command': ['sh'], 'timeout': 0}", "/timeout");
        assertField("{'type': 'command', 'command': ['sh'], 'maxOutputBytes': 0}", "/maxOutputBytes");
        assertField("{'type': 'command', 'command': ['sh'], 'env': {'ALE_OUTPUT': '/'}}", "/env/ALE_OUTPUT");
        assertField("{'type': 'command', 'command': ['sh'], 'env': {'A B': 'x'}}", "/env/A B");
        assertField("{'type': 'command', 'command': ['sh'], 'env': {'A': 1}}", "/env/A");
        assertField("{'type': 'command', 'command': ['sh'], 'cwd': '/'}", "/cwd");
    }

    @Test
    void readsDurations() {
        assertEquals(Duration.ofSeconds(90), CommandVerifierFactory.duration(json("'90s'"), ""));
        assertEquals(Duration.ofMinutes(2), CommandVerifierFactory.duration(json("'PT2M'"), ""));
        assertEquals(Duration.ofMillis(1500), CommandVerifierFactory.duration(json("1.5"), ""));
        assertEquals(Duration.ofHours(2), CommandVerifierFactory.duration(json("'2h'"), ""));
        assertThrows(VerifierConfigException.class, () -> CommandVerifierFactory.duration(json("'P400D'"), ""));
    }

    private static void assertField(String config, String field) {
        VerifierConfigException e = assertThrows(VerifierConfigException.class, () -> ALLOWED.create(json(config), ""));
        assertEquals(field, e.field(), e.getMessage());
    }
}
