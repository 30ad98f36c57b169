package dev.ale.samples.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import dev.ale.api.spi.Check;
import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPart;
import dev.ale.core.AttemptResult;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.PackCheck;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import dev.ale.verifiers.VerifierRegistry;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The plugin-demo pack: its task runs through the evaluator with the plugin found by ServiceLoader. */
class PluginDemoPackTest {
    private static final Path PACK = Path.of("packs/plugin-demo");

    @Test
    void thePluginIsFoundThroughServiceLoaderBesideTheBuiltIns() {
        Set<String> types = VerifierRegistry.discover().types();
        assertTrue(types.contains(DoubleEntryVerifierFactory.TYPE), types.toString());
        assertTrue(types.contains("csv"), types.toString());
    }

    @Test
    void theSolutionPassesThroughEvaluatorRun() throws Exception {
        try (TaskPack pack = TaskPacks.open(PACK)) {
            pack.verify();
            assertEquals(List.of(), pack.warnings());
            String solution = solution(pack);
            EvaluationReport report = Evaluator.run(pack, ctx -> {
                Files.writeString(ctx.workspace().resolve("journal.csv"), solution);
                return SessionOutcome.completed();
            });
            AttemptResult a = report.attempts().get(0);
            assertEquals(Outcome.PASSED, a.outcome(), a.toString());
            assertEquals(1.0, a.score());
        }
    }

    @Test
    void anEntryThatDoesNotBalanceCostsCredit() throws Exception {
        try (TaskPack pack = TaskPacks.open(PACK)) {
            String wrong = solution(pack).replace("2000,,1134.56", "2000,,1134.65");
            EvaluationReport report = Evaluator.run(pack, ctx -> {
                Files.writeString(ctx.workspace().resolve("journal.csv"), wrong);
                return SessionOutcome.completed();
            });
            AttemptResult a = report.attempts().get(0);
            assertEquals(Outcome.FAILED, a.outcome());
            Check balance = a.verdict().checks().stream()
                    .filter(c -> c.name().equals("entries balance"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(5.0 / 6, balance.score(), 1e-12);
            assertEquals((1 * 5.0 / 6 + 3 * 11.0 / 12) / 4, a.score(), 1e-9);
        }
    }

    @Test
    void thePackPassesItsSelfCheck() {
        try (TaskPack pack = TaskPacks.open(PACK)) {
            List<PackCheck.Result> results = PackCheck.run(pack);
            assertEquals(1, results.size());
            assertTrue(results.get(0).sound(), results.toString());
        }
    }

    @Test
    void withoutThePluginJarTheTypeIsUnknown() throws Exception {
        URL plugin = DoubleEntryVerifierFactory.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation();
        List<URL> rest = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            URL url = Path.of(entry).toUri().toURL();
            if (!url.sameFile(plugin) && !entry.isEmpty()) {
                rest.add(url);
            }
        }
        assertTrue(rest.size() > 3, "the test class path is not on the command line: " + rest);
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        try (URLClassLoader without =
                new URLClassLoader(rest.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(without);
            Object registry = without.loadClass("dev.ale.verifiers.VerifierRegistry")
                    .getMethod("discover")
                    .invoke(null);
            Set<?> types = (Set<?>) registry.getClass().getMethod("types").invoke(registry);
            assertTrue(types.contains("csv"), types.toString());
            assertFalse(types.contains(DoubleEntryVerifierFactory.TYPE), types.toString());
            InvocationTargetException e = Assertions.assertThrows(
                    InvocationTargetException.class, () -> without.loadClass("dev.ale.taskpack.TaskPacks")
                            .getMethod("open", Path.class)
                            .invoke(null, PACK));
            assertEquals(
                    "dev.ale.api.spi.VerifierConfigException",
                    e.getCause().getClass().getName());
            assertTrue(
                    e.getCause().getMessage().contains("unknown verifier type 'acme.double-entry'"),
                    e.getCause().getMessage());
            assertTrue(
                    e.getCause().getMessage().startsWith("tasks/month-end-journal/task.json"),
                    e.getCause().getMessage());
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    private static String solution(TaskPack pack) throws Exception {
        TaskFile file = pack.task("month-end-journal")
                .orElseThrow()
                .files(TaskPart.SOLUTION)
                .get(0);
        try (InputStream in = file.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
