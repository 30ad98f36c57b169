package dev.ale.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A key in the SDK's environment cannot be read by another process of the user from /proc/<pid>/environ. */
class OwnEnvironmentTest {
    /** Scrubs {@code ALE_REFERENCE_KEY}, then reports what Java and /proc/self/environ hold. */
    public static void main(String[] args) throws Exception {
        String before = System.getenv("ALE_REFERENCE_KEY");
        boolean blanked = OwnEnvironment.scrub("ALE_REFERENCE_KEY");
        String environ = Files.readString(Path.of("/proc/self/environ"), StandardCharsets.ISO_8859_1);
        System.out.println(blanked + " " + before.equals(System.getenv("ALE_REFERENCE_KEY")) + " "
                + environ.contains(before) + " " + environ.contains("ALE_REFERENCE_KEY=***"));
    }

    @Test
    void theKeyIsBlankedForOthersAndKeptForJava() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/environ")), "no /proc here");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), OwnEnvironmentTest.class.getName())
                .redirectErrorStream(true);
        pb.environment().put("ALE_REFERENCE_KEY", "TOKEN-KEY-4711");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(List.of("true true false true"), out.lines().toList(), out);
    }
}
