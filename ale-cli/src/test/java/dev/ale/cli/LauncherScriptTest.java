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
    void manyAttemptsAtOnceGetALargerYoungGeneration() throws Exception {
        Map<String, String> env = Map.of("ALE_JAR", "/opt/ale.jar");
        assertEquals(
                JAVA + "-Xmn64m -jar /opt/ale.jar run p --parallel 256\n",
                ale(env, "run", "p", "--parallel", "256").out);
        assertEquals(
                JAVA + "-Xmn64m -jar /opt/ale.jar run p --parallel=64\n", ale(env, "run", "p", "--parallel=64").out);
        assertEquals(JAVA + "-jar /opt/ale.jar run p --parallel 63\n", ale(env, "run", "p", "--parallel", "63").out);
        assertEquals(
                JAVA + "-jar /opt/ale.jar run p -- --parallel 256\n",
                ale(env, "run", "p", "--", "--parallel", "256").out);
        assertEquals(
                JAVA + "-jar /opt/ale.jar run p --parallel 99999999999\n",
                ale(env, "run", "p", "--parallel", "99999999999").out);
        Map<String, String> mine = Map.of("ALE_JAR", "/opt/ale.jar", "ALE_JAVA_OPTS", "-Xmx2g");
        assertEquals(
                "java -Xmx2g -jar /opt/ale.jar run p --parallel 256\n", ale(mine, "run", "p", "--parallel", "256").out);
    }

    @Test
    void aleJavaOptsReplaceTheDefaultJvmOptions() throws Exception {
        Run mine = ale(Map.of("ALE_JAR", "/opt/ale.jar", "ALE_JAVA_OPTS", "-Xmx2g -Dx=1"), "version");
        assertEquals("java -Xmx2g -Dx=1 -jar /opt/ale.jar version\n", mine.out);
        Run none = ale(Map.of("ALE_JAR", "/opt/ale.jar", "ALE_JAVA_OPTS", ""), "version");
        assertEquals("java -jar /opt/ale.jar version\n", none.out);
    }

    @Test
    void theFirstRunMakesAClassDataArchiveInATemporaryFolderAndLaterRunsMapIt() throws Exception {
        Map<String, String> env = archivingJava();
        Run first = ale(env, "version");
        assertEquals(0, first.code, first.toString());
        Path archive = onlyArchive();
        assertEquals(
                JAVA + "-XX:SharedArchiveFile=" + archive + CDS_LOGS_OFF + "-jar " + jar + " version\n", first.out);
        assertTrue(first.err.contains("ale: making a class-data archive of ale.jar"), first.err);
        List<String> made = Files.readAllLines(root.resolve("archive.log"));
        assertEquals(1, made.size(), made.toString());
        assertTrue(made.get(0).contains(" -jar " + jar + " demo --out "), made.get(0));
        assertFalse(
                made.get(0).endsWith(" in " + root), "the demo's run directory is not left where ale runs: " + made);
        assertTrue(Files.notExists(root.resolve("runs")));
        String work = made.get(0).substring(made.get(0).lastIndexOf(" in ") + 4);
        assertTrue(Files.notExists(Path.of(work)), "the temporary folder is removed: " + work);
        Run second = ale(env, "demo");
        assertEquals(JAVA + "-XX:SharedArchiveFile=" + archive + CDS_LOGS_OFF + "-jar " + jar + " demo\n", second.out);
        assertEquals(1, Files.readAllLines(root.resolve("archive.log")).size(), "made once");
        assertFalse(second.err.contains("class-data"), second.err);
    }

    @Test
    void aNewerJarGetsANewArchiveAndIsNeverRunWithTheOldOne() throws Exception {
        Map<String, String> env = archivingJava();
        ale(env, "version");
        Path archive = onlyArchive();
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 10_000));
        Run after = ale(env, "version");
        assertEquals(2, Files.readAllLines(root.resolve("archive.log")).size(), "made again");
        assertTrue(after.out.contains("-XX:SharedArchiveFile=" + archive + " "), after.out);
        Files.writeString(root.resolve("no-archive"), "");
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 20_000));
        Run stale = ale(env, "version");
        assertEquals(JAVA + "-jar " + jar + " version\n", stale.out, "an archive older than the jar is not given");
    }

    @Test
    void anArchiveThatAJvmCannotMapIsNotKeptAndNotTriedAgainUntilTheJarChanges() throws Exception {
        Map<String, String> env = archivingJava();
        Files.writeString(root.resolve("bad-archive"), "");
        Run first = ale(env, "version");
        assertEquals(0, first.code, first.toString());
        assertEquals(JAVA + "-jar " + jar + " version\n", first.out);
        try (var files = Files.list(jar.getParent())) {
            assertEquals(
                    List.of(archiveName() + ".failed", "ale.jar"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no archive, no temporary file, a marker");
        }
        ale(env, "version");
        assertEquals(1, Files.readAllLines(root.resolve("archive.log")).size(), "not tried again");
        Files.delete(root.resolve("bad-archive"));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        Run rebuilt = ale(env, "version");
        assertEquals(2, Files.readAllLines(root.resolve("archive.log")).size(), "tried again for the new jar");
        assertTrue(rebuilt.out.contains("-XX:SharedArchiveFile="), rebuilt.out);
    }

    @Test
    void noArchiveWithAleCdsOffAleJarOrAClassDataOptionOfTheUsersOwn() throws Exception {
        Map<String, String> env = archivingJava();
        Run off = ale(with(env, "ALE_CDS", "off"), "version");
        assertEquals(JAVA + "-jar " + jar + " version\n", off.out);
        Run own = ale(with(env, "ALE_JAVA_OPTS", "-Xshare:off"), "version");
        assertEquals("java -Xshare:off -jar " + jar + " version\n", own.out);
        Run given = ale(with(env, "ALE_JAR", "/opt/ale.jar"), "version");
        assertEquals(JAVA + "-jar /opt/ale.jar version\n", given.out);
        assertTrue(Files.notExists(root.resolve("archive.log")), "no archive was made");
    }

    /**
     * A stand-in java that writes an archive when asked to ({@code -XX:ArchiveClassesAtExit}, logged
     * with its folder; not while the file {@code no-archive} exists), maps one with {@code -Xshare:on}
     * unless the file {@code bad-archive} exists, and otherwise prints its arguments; the environment
     * that selects it.
     */
    private Map<String, String> archivingJava() throws IOException {
        script(
                root.resolve("jdk2/bin/java"),
                "case \"$*\" in *ArchiveClassesAtExit*) [ -f '" + root.resolve("no-archive") + "' ] && exit 1;; esac\n"
                        + "for a in \"$@\"; do case \"$a\" in\n"
                        + "  -XX:ArchiveClassesAtExit=*) echo \"$* in $PWD\" >> '" + root.resolve("archive.log")
                        + "'; printf classes > \"${a#*=}\"; exit 0;;\n"
                        + "  -Xshare:on) [ -f '" + root.resolve("bad-archive") + "' ] && exit 1; exit 0;;\n"
                        + "esac; done\n"
                        + "echo \"java $*\"\n");
        return Map.of("JAVA_HOME", root.resolve("jdk2").toString());
    }

    private Path onlyArchive() throws Exception {
        Path archive = jar.resolveSibling(archiveName());
        assertTrue(Files.isRegularFile(archive), "no " + archive);
        return archive;
    }

    /** The archive's name for the stand-in java of {@link #archivingJava()}: keyed by its path's checksum. */
    private String archiveName() throws Exception {
        Process p = new ProcessBuilder(
                        "/bin/sh",
                        "-c",
                        "printf '%s' \"$1\" | cksum | cut -d ' ' -f 1",
                        "sh",
                        root.resolve("jdk2/bin/java").toRealPath().toString())
                .start();
        String sum = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor());
        return "ale-" + sum + ".jsa";
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put(name, value);
        return all;
    }

    private static final String CDS_LOGS_OFF = " -Xlog:cds=off -Xlog:cds+dynamic=off ";

    /** What the fake java prints before {@code -jar}: the launcher's default JVM options. */
    private static final String JAVA =
            "java -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -Xms96m -XX:NewRatio=5"
                    + " -XX:InlineSmallCode=500 ";

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
