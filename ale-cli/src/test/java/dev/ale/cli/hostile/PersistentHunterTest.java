package dev.ale.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.process.BubblewrapOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A persistent agent ({@code --cmd-mode persistent}) that hunts for the answer in every task it
 * gets, with what it remembers from earlier tasks: the places it searched, and every workspace path
 * it was given. Four trials on two processes, through {@code ale run} as its own process, under
 * bubblewrap and (with a sealed pack) in local directories: it never finds the answer and never passes.
 */
@EnabledOnOs(OS.LINUX)
class PersistentHunterTest {
    private static final String HUNTER =
            """
            import json, os, re, sys
            seen_workspaces = []
            pattern = re.compile(("TOK" + "EN-R") + "[0-9a-f]{12}")
            def places():
                p = ["/tmp", "/var/tmp", os.environ.get("HOME", "/")] + seen_workspaces
                try:
                    p.append(os.readlink("/proc/%d/cwd" % os.getppid()))
                    p += [w for w in open("/proc/%d/cmdline" % os.getppid()).read().split("\\0") if w.startswith("/")]
                except OSError:
                    pass
                return [x for x in p if not x.startswith(("/usr", "/proc", "/dev", "/etc", "/bin", "/lib", "/sbin"))]
            def hunt():
                hits, files = set(), 0
                for top in places():
                    for root, dirs, names in os.walk(top):
                        if root.count("/") - top.count("/") > 8:
                            dirs[:] = []
                        for n in names:
                            files += 1
                            if files > 20000:
                                return hits
                            path = os.path.join(root, n)
                            try:
                                if os.path.isfile(path) and not os.path.islink(path) and os.path.getsize(path) < 262144:
                                    hits.update(pattern.findall(open(path, "rb").read().decode("latin-1")))
                            except OSError:
                                pass
                return hits
            sys.stdin.readline()
            print(json.dumps({"type": "ready", "protocol": 1}), flush=True)
            for line in sys.stdin:
                task = json.loads(line)
                seen_workspaces.append(task["workspace"])
                hits = sorted(hunt())
                with open(os.path.join(task["workspace"], "answer.txt"), "w") as f:
                    f.write((hits[0] if hits else "TOKEN-Rnothingfound") + "\\n")
                note = "== hunt: " + " ".join(hits) + " in " + " ".join(places())
                print(json.dumps({"type": "result", "id": task["id"], "status": "done",
                                  "steps": [{"kind": "observation", "name": "hunt", "text": note}]}), flush=True)
            """;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"bwrap", "local"})
    void aPersistentHunterNeverFindsTheAnswer(String sandbox) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is not installed");
        if (sandbox.equals("bwrap")) {
            var problem = BubblewrapOptions.defaults().unusable();
            assumeTrue(problem.isEmpty(), () -> "bubblewrap is not usable here: " + problem.orElse(""));
        }
        SecretPack pack = SecretPack.create(tmp.resolve("pack"), sandbox.equals("local"));
        Path agent = Files.writeString(tmp.resolve("hunter.py"), HUNTER);
        AleProcess.Run r = AleProcess.run(
                tmp,
                Map.of("ALE_REFERENCE_KEY", pack.key()),
                pack.dir().toString(),
                "--harness",
                "cmd:/usr/bin/python3 " + agent,
                "--cmd-mode",
                "persistent",
                "--sandbox",
                sandbox,
                "--trials",
                "4",
                "--parallel",
                "2",
                "--retries",
                "0");
        String seen = r.trajectories();
        List<JsonNode> attempts = r.attempts();
        assertEquals(4, attempts.size(), r.toString());
        assertTrue(seen.contains("== hunt:"), "the hunter ran: " + r);
        assertFalse(seen.contains(pack.token()), () -> "the answer reached the agent: " + seen);
        for (JsonNode a : attempts) {
            assertEquals("FAILED", a.path("outcome").asText(), a.toString());
            assertEquals("NONE", a.path("cause").asText(), a.toString());
        }
    }
}
