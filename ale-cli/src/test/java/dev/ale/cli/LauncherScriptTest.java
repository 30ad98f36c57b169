package dev.ale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./ale} launcher, run by bash in a copy of the repository layout with stand-ins for
 * {@code mvn} (it logs its arguments and makes the jar) and {@code java} (it prints its arguments).
 */
class LauncherScriptTest {
    @TempDir
    Path root;

    private Path log;
    private Path jar;

    @BeforeEach
    void layout() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to run the launcher");
        Files.copy(Path.of("../ale"), root.resolve("ale"));
        Ale.write(root.resolve("pom.xml"), "<project/>\n");
        Ale.write(root.resolve("ale-cli/pom.xml"), "<project/>\n");
        Path source = root.resolve("ale-cli/src/main/java/Main.java");
        Ale.write(source, "class Main {}\n");
        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.setLastModifiedTime(
                root.resolve("ale-cli/pom.xml"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        log = root.resolve("mvn.log");
        jar = root.resolve("ale-cli/target/ale.jar");
        script(
                root.resolve("bin/mvn"),
                "echo \"mvn $* in $PWD\" >> '" + log + "'\n"
                        + "printf '\\033[0m\\033[1mBuilding\\033[m\\n'; printf '\\033[0m' >&2\n"
                        + "[ -f fail-build ] && exit 1\nmkdir -p ale-cli/target && touch ale-cli/target/ale.jar\n");
        script(root.resolve("jdk/bin/java"), "echo \"java $*\"\n");
    }

    @Test
    void buildsTheJarTheFirstTimeThenRunsItWithTheArguments() throws Exception {
        Run first = ale(Map.of(), "run", "my pack", "--harness", "rule-based");
        assertEquals(0, first.code, first.toString());
        assertEquals(JAVA + "-jar " + jar + " run my pack --harness rule-based\n", first.out);
        assertEquals(List.of("mvn -B -q -DskipTests install in " + root), Files.readAllLines(log));
        assertTrue(first.err.contains("ale: building " + jar), first.err);
        assertTrue(first.err.contains("Building\n"), first.err);
        assertFalse(first.err.contains("\033"), "Maven's colour codes are stripped: " + first.err);
        Run second = ale(Map.of(), "demo");
        assertEquals(JAVA + "-jar " + jar + " demo\n", second.out);
        assertEquals(1, Files.readAllLines(log).size(), "an up-to-date jar is not built again");
    }

    @Test
    void rebuildsWhenASourceIsNewerThanTheJar() throws Exception {
        ale(Map.of(), "demo");
        Path source = root.resolve("ale-cli/src/main/java/Main.java");
        Files.setLastModifiedTime(
                source, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 10_000));
        ale(Map.of(), "demo");
        assertEquals(2, Files.readAllLines(log).size());
    }

    @Test
    void aFailedBuildExitsThreeWithoutRunning() throws Exception {
        Files.writeString(root.resolve("fail-build"), "");
        Run r = ale(Map.of(), "demo");
        assertEquals(3, r.code, r.toString());
        assertEquals("", r.out);
        assertTrue(r.err.contains("ale: the build failed"), r.err);
    }

    @Test
    void aleJarRunsTheGivenJarWithoutBuilding() throws Exception {
        Run r = ale(Map.of("ALE_JAR", "/opt/ale.jar"), "version");
        assertEquals(JAVA + "-jar /opt/ale.jar version\n", r.out);
        assertTrue(Files.notExists(log));
    }

    @Test
    void packCommandsGetTheSameOptions() throws Exception {
        Run pack = ale(Map.of("ALE_JAR", "/opt/ale.jar"), "pack", "validate", "p");
        assertEquals(JAVA + "-jar /opt/ale.jar pack validate p\n", pack.out);
    }

    @Test
    void aleJavaOptsReplaceTheDefaultJvmOptions() throws Exception {
        Run mine = ale(Map.of("ALE_JAR", "/opt/ale.jar", "ALE_JAVA_OPTS", "-Xmx2g -Dx=1"), "version");
        assertEquals("java -Xmx2g -Dx=1 -jar /opt/ale.jar version\n", mine.out);
        Run none = ale(Map.of("ALE_JAR", "/opt/ale.jar", "ALE_JAVA_OPTS", ""), "version");
        assertEquals("java -jar /opt/ale.jar version\n", none.out);
    }

    /** What the fake java prints before {@code -jar}: the launcher's default JVM options. */
    private static final String JAVA =
            "java -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -Xms96m -XX:NewRatio=5 ";

    private record Run(int code, String out, String err) {}

    private Run ale(Map<String, String> env, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("/bin/bash", root.resolve("ale").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().put("PATH", root.resolve("bin") + ":/usr/bin:/bin");
        pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        pb.environment().remove("ALE_JAR");
        pb.environment().remove("ALE_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        return new Run(p.waitFor(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static void script(Path p, String body) throws IOException {
        Ale.write(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
