package dev.ale.verifiers.internal.command;

import static dev.ale.verifiers.Fixture.assertContains;
import static dev.ale.verifiers.Fixture.assertContainsAll;
import static dev.ale.verifiers.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.AleException;
import dev.ale.api.spi.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code {ale-evaluate}} shim: an ALE task's {@code main.py} {@code evaluate()} run over the
 * grader's folders, with the session calls ALE's graders make. Needs python3.
 */
@DisabledOnOs(OS.WINDOWS)
class AleEvaluateShimTest {
    /** How an imported ALE task with a main.py is graded. */
    static final String CONFIG = "{'type': 'command', 'command': ['{python}', '{ale-evaluate}', '--main',"
            + " '{task}/main.py', '--output', '{output}/output', '--reference', '{reference}', '--input',"
            + " '{inputs}/input', '--work', '{workdir}']}";

    /** A Windows task: evaluate() uploads a scoring script to a temp folder and runs it with python. */
    static final String WINDOWS_MAIN =
            """
            import json, logging, subprocess, sys
            from dataclasses import dataclass
            from pathlib import Path
            import cua_bench as cb
            REPO_ROOT = Path(__file__).resolve().parents[3]  # as ALE's main.py files find their repository
            if str(REPO_ROOT) not in sys.path:
                sys.path.insert(0, str(REPO_ROOT))
            from tasks.common_config import GeneralTaskConfig
            logger = logging.getLogger(__name__)
            TMP = r"C:\\Users\\User\\AppData\\Local\\Temp\\eval\\demo"

            @dataclass
            class Config(GeneralTaskConfig):
                DOMAIN_NAME: str = "business_finance"
                TASK_NAME: str = "demo"
                VARIANT_NAME: str = "base"

            config = Config()

            @cb.tasks_config(split="train")
            def load():
                return [cb.Task(description="d", metadata=config.to_metadata(), computer={})]

            @cb.evaluate_task(split="train")
            async def evaluate(task_cfg, session):
                meta = task_cfg.metadata
                print("a print in evaluate() must not spoil the result")
                if not await session.exists(meta["remote_output_dir"] + r"\\answer.json"):
                    return [0.0]
                script = TMP + r"\\score.py"
                await session.makedirs(TMP)
                await session.write_file(script, (Path(__file__).parent / "scripts" / "score.py").read_text())
                line = subprocess.list2cmdline(
                    ["python", script, "--pred-dir", meta["remote_output_dir"], "--gt-dir", meta["reference_dir"],
                     "--input=" + meta["input_dir"]])
                result = await session.run_command(line, check=False)
                return [json.loads(result["stdout"])["total_score"] / 100.0]
            """;

    static final String SCORE =
            """
            import argparse, json, pathlib
            p = argparse.ArgumentParser()
            p.add_argument("--pred-dir"); p.add_argument("--gt-dir"); p.add_argument("--input")
            a = p.parse_args()
            assert (pathlib.Path(a.input) / "accounts.txt").read_text() == "cash rent"
            got = json.loads((pathlib.Path(a.pred_dir) / "answer.json").read_text())
            want = json.loads((pathlib.Path(a.gt_dir) / "answer.json").read_text())
            print(json.dumps({"total_score": 100.0 * sum(got.get(k) == v for k, v in want.items()) / len(want)}))
            """;

    /** A Linux task: evaluate() reads the output's bytes and raises when it is missing. */
    static final String LINUX_MAIN =
            """
            import json
            import cua_bench as cb
            from tasks.linux_runtime import DATA_ROOT, LinuxTaskConfig

            class Config(LinuxTaskConfig):
                def __init__(self):
                    super().__init__(DOMAIN_NAME="computing_math", TASK_NAME="routes")

            @cb.tasks_config(split="train")
            def load():
                return [cb.Task(description="d", metadata=Config().to_metadata())]

            @cb.evaluate_task(split="train")
            async def evaluate(task_cfg, session):
                meta = task_cfg.metadata
                assert meta["task_dir"].startswith(DATA_ROOT)
                got = json.loads(await session.read_bytes(meta["remote_output_dir"] + "/results.json"))
                want = json.loads(await session.read_file(meta["reference_dir"] + "/results.json"))
                return [1.0 if got == want else 0.25]
            """;

    @TempDir
    Path dir;

    PartsContext ctx;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(python().isPresent(), "python3 is not installed");
        ctx = PartsContext.in(dir);
    }

    private static Optional<Path> python() {
        try {
            return Optional.of(PythonFinder.find(Optional.empty(), System::getenv));
        } catch (AleException e) {
            return Optional.empty();
        }
    }

    private Verdict verify() throws Exception {
        return CommandFixture.ALLOWED.create(json(CONFIG), "").verify(ctx);
    }

    @Test
    void runsAWindowsEvaluateThatUploadsAndRunsItsScript() throws Exception {
        ctx.grader("main.py", WINDOWS_MAIN).grader("scripts/score.py", SCORE).input("input/accounts.txt", "cash rent");
        ctx.parent().ref("answer.json", "{\"cash\": 120.75, \"rent\": -80}");
        ctx.parent().out("output/answer.json", "{\"cash\": 120.75, \"rent\": -81}");
        Verdict half = verify();
        assertEquals(0.5, half.score(), half.summary());
        assertContains("evaluate() returned [0.5]", half.summary());
        ctx.parent().out("output/answer.json", "{\"cash\": 120.75, \"rent\": -80}");
        assertEquals(1.0, verify().score());
        Files.delete(ctx.output().resolve("output/answer.json"));
        assertEquals(0.0, verify().score(), "evaluate() returns [0.0] itself for a missing file");
    }

    @Test
    void anEvaluateThatRaisesOnAMissingOutputScoresZeroWithItsError() throws Exception {
        ctx.grader("main.py", LINUX_MAIN);
        ctx.parent().ref("results.json", "{\"A\": 0}");
        Verdict v = verify();
        assertEquals(0, v.score());
        assertTrue(v.gateFailed());
        assertContainsAll(v.summary(), "FileNotFoundError", "results.json");
        ctx.parent().out("output/results.json", "{\"A\": 0}");
        assertEquals(1.0, verify().score());
    }

    /** The error of verifying with a main.py that runs {@code code} before it reads the results. */
    private AleException failsWith(String code) throws Exception {
        ctx.grader("main.py", LINUX_MAIN.replace("    got = json.loads(", code + "    got = json.loads("));
        return assertThrows(AleException.class, this::verify);
    }

    @Test
    void aCallTheShimCannotServeIsAnErrorNamingIt() throws Exception {
        String swallowing =
                "    try:\n        await session.screenshot()\n    except Exception:\n        return [0.0]\n";
        assertContains(
                "session.screenshot is not supported", failsWith(swallowing).getMessage());
        String chained = "    await session.run_command(\"python3 x.py && rm -rf /tmp/x\")\n";
        assertContains("shell syntax", failsWith(chained).getMessage());
        String powershell = "    await session.run_command(\"powershell -File x.ps1\")\n";
        assertContains("'powershell'", failsWith(powershell).getMessage());
    }

    @Test
    void aMainThatDoesNotLoadIsAnError() throws Exception {
        ctx.grader("main.py", "from utils.finance_evaluation import verify_files_remote\n" + LINUX_MAIN);
        AleException e = assertThrows(AleException.class, this::verify);
        assertContainsAll(e.getMessage(), "main.py did not load", "utils");
    }

    @Test
    void evaluateCannotReadOutOfItsFoldersThroughTheVmPaths() throws Exception {
        ctx.grader(
                "main.py",
                LINUX_MAIN.replace(
                        "meta[\"remote_output_dir\"] + \"/results.json\"",
                        "meta[\"remote_output_dir\"] + \"/../../../../../../../../etc/passwd\""));
        ctx.parent().ref("results.json", "{\"A\": 0}");
        Verdict v = verify();
        assertEquals(
                0, v.score(), "a path climbing out of the task folder lands in the scratch folder, not on the host");
        assertContains("FileNotFoundError", v.summary());
    }

    @Test
    void modulesTheAgentLeavesInItsOutputAreNeverImported() throws Exception {
        ctx.grader("main.py", LINUX_MAIN);
        ctx.parent().ref("results.json", "{\"A\": 0}");
        String hijack = "import sys\nprint('{\"score\": 1.0}')\nsys.exit(0)\n";
        for (String module : new String[] {"json.py", "cua_bench.py", "tasks/__init__.py", "tasks/linux_runtime.py"}) {
            ctx.parent().out("output/" + module, hijack);
            ctx.parent().out(module, hijack);
        }
        ctx.parent().out("output/results.json", "{\"A\": 1}");
        assertEquals(0.25, verify().score(), "the task's own grader scored the wrong answer");
    }
}
