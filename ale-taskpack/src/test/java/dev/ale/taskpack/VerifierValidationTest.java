package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.task.Task;
import dev.ale.taskpack.internal.OpenedVerifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifierValidationTest extends StandardPackTest {
    /** A registry that accepts every configuration. */
    static final VerifierFactories ANYTHING = new VerifierFactories() {
        @Override
        public Verifier create(JsonNode config, String pointer) {
            return ctx -> Verdict.of(1, "", List.of());
        }

        @Override
        public Set<String> types() {
            return Set.of();
        }
    };

    @Test
    void theRegistryFoundOnTheClassPathChecksConfigs() {
        p.editTask("bank-rec", t -> t.putObject("verifier").put("type", "nope"));
        VerifierConfigException e = assertThrows(VerifierConfigException.class, () -> TaskPacks.open(tmp));
        assertEquals("tasks/bank-rec/task.json", e.source());
        assertEquals("/verifier/type", e.field());
        assertEquals("tasks/bank-rec/task.json at /verifier/type: unknown verifier type 'nope'", e.getMessage());
    }

    @Test
    void nestedProblemsCarryTheirPointer() {
        p.editTask(
                "ledger-close",
                t -> ((ObjectNode) t.get("verifier").get("checks").get(0)).remove("path"));
        VerifierConfigException e = assertThrows(VerifierConfigException.class, () -> TaskPacks.open(tmp));
        assertEquals("tasks/ledger-close/task.json", e.source());
        assertEquals("/verifier/checks/0/path", e.field());
    }

    @Test
    void theRegistryOfTheOptionsWins() {
        p.editTask("bank-rec", t -> t.putObject("verifier").put("type", "nope"));
        try (TaskPack pack = TaskPacks.open(tmp, PackOptions.defaults().withVerifiers(ANYTHING))) {
            assertEquals(List.of(), pack.warnings());
        }
    }

    @Test
    void eachTaskKeepsTheVerifierItsConfigurationWasCheckedWith() {
        List<Verifier> built = new ArrayList<>();
        VerifierFactories counting = new VerifierFactories() {
            @Override
            public Verifier create(JsonNode config, String pointer) {
                Verifier v = ctx -> Verdict.of(1, "", List.of());
                built.add(v);
                return v;
            }

            @Override
            public Set<String> types() {
                return Set.of();
            }
        };
        try (TaskPack pack = TaskPacks.open(tmp, PackOptions.defaults().withVerifiers(counting))) {
            assertEquals(pack.tasks().size(), built.size(), "one verifier per task");
            for (int i = 0; i < pack.tasks().size(); i++) {
                Task task = pack.tasks().get(i);
                assertSame(built.get(i), OpenedVerifier.of(task, counting).orElseThrow(), task.id());
                assertEquals(Optional.empty(), OpenedVerifier.of(task, ANYTHING), "another registry gets none");
            }
            Task selected = pack.select(TaskFilter.parse("id:bank-rec")).tasks().get(0);
            assertSame(
                    OpenedVerifier.of(pack.task("bank-rec").orElseThrow(), counting)
                            .orElseThrow(),
                    OpenedVerifier.of(selected, counting).orElseThrow());
            assertEquals(pack.tasks().size(), built.size(), "none built since");
        }
    }

    @Test
    void withoutARegistryConfigsAreNotCheckedAndAWarningSaysSo() throws Exception {
        p.editTask("bank-rec", t -> t.putObject("verifier").put("type", "nope"));
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        try (URLClassLoader empty = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(empty);
            try (TaskPack pack = TaskPacks.open(tmp)) {
                assertEquals(List.of(VerifierCheck.NO_REGISTRY), pack.warnings());
                assertEquals(Optional.empty(), OpenedVerifier.of(pack.tasks().get(0), ANYTHING), "none was built");
                assertTrue(pack.warnings().get(0).contains("no verifier registry on the class path"));
            }
        } finally {
            thread.setContextClassLoader(saved);
        }
    }
}
