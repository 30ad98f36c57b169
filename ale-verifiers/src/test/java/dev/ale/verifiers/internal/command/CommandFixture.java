package dev.ale.verifiers.internal.command;

import static dev.ale.verifiers.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.AleException;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerifierPolicy;
import dev.ale.process.internal.ProcessTree;
import dev.ale.verifiers.TestContext;
import dev.ale.verifiers.VerifierRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers for the command verifier: graders written as sh scripts into the reference. */
final class CommandFixture {
    /** A registry that allows command verifiers. */
    static final VerifierRegistry ALLOWED = VerifierRegistry.discover().withPolicy(new VerifierPolicy(true));

    final TestContext ctx;

    CommandFixture(Path dir) {
        ctx = TestContext.in(dir).out("answer.txt", "0.5");
    }

    /** Writes {@code body} as the reference's grade.sh and returns a config running it with sh, plus {@code extra} options. */
    String sh(String body, String extra) {
        ctx.ref("grade.sh", body);
        return "{'type': 'command', 'command': ['sh', '{reference}/grade.sh']" + extra + "}";
    }

    Verdict verify(String config) throws Exception {
        return ALLOWED.create(json(config), "").verify(ctx);
    }

    AleException fails(String config) {
        return assertThrows(AleException.class, () -> verify(config));
    }

    /** Every process whose pid the grader wrote into {@code pids} (child, grandchild) has ended. */
    static void assertAllDead(Path pids) throws IOException {
        for (String name : new String[] {"child", "grandchild"}) {
            Path f = pids.resolve(name);
            String text = Files.exists(f) ? Files.readString(f).strip() : "";
            if (!text.isEmpty()) {
                long pid = Long.parseLong(text);
                assertTrue(
                        ProcessHandle.of(pid).map(ProcessTree::ended).orElse(true), name + " " + pid + " still runs");
            }
        }
    }
}
