package dev.ale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The children that speak for a CLI run use the {@code ale} launcher's JVM options: the two lists stay equal. */
class LauncherOptionsTest {
    @Test
    void theBenchChildrenUseTheLaunchersDefaultJvmOptions() throws Exception {
        String script = Files.readString(Path.of("..", "ale"), StandardCharsets.UTF_8);
        String line = script.lines()
                .filter(l -> l.startsWith("default_java_opts="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no default_java_opts= line in ale"));
        String quoted = line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'));
        List<String> launcher = List.of(quoted.split(" "));
        assertEquals(launcher, ChildJvm.options(ChildJvm.DEFAULT_OPTIONS));
        if (System.getProperty("ale.bench.childOptions") == null) {
            assertEquals(launcher, ChildJvm.LAUNCHER_OPTIONS);
        }
    }

    @Test
    void theScalingChildrenAddWhatTheLauncherAddsForManyAttemptsAtOnce() throws Exception {
        String script = Files.readString(Path.of("..", "ale"), StandardCharsets.UTF_8);
        assertTrue(
                script.contains("[ \"$n\" -ge " + ChildJvm.MANY_AT_ONCE + " ]"),
                "the launcher's threshold is " + ChildJvm.MANY_AT_ONCE);
        assertTrue(
                script.contains("parallel_opts=(" + ChildJvm.MANY_AT_ONCE_OPTION + ")"),
                "the launcher adds " + ChildJvm.MANY_AT_ONCE_OPTION);
    }
}
