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
        String made = madeOnceThenMapped(
                env, archiveName(), "-XX:SharedArchiveFile=%s" + CDS_LOGS_OFF, "a class-data archive", "archive.log");
        assertTrue(made.contains(" -jar " + jar + " demo --out "), made);
        assertFalse(made.endsWith(" in " + root), "the demo's run directory is not left where ale runs: " + made);
        assertTrue(Files.notExists(root.resolve("runs")));
        String work = made.substring(made.lastIndexOf(" in ") + 4);
        assertTrue(Files.notExists(Path.of(work)), "the temporary folder is removed: " + work);
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
        unmappableIsMarkedAndNotTriedAgain(env, archiveName(), "archive.log");
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

    @Test
    void onJava25TheFirstRunMakesAnAotCacheNamedByTheJarsBytesAndLaterRunsMapIt() throws Exception {
        Map<String, String> env = aotJava();
        String name = aotName();
        String made = madeOnceThenMapped(env, name, "-XX:AOTCache=%s" + AOT_LOGS_OFF, "an AOT cache", "aot.log");
        assertTrue(made.contains(" -XX:AOTCacheOutput=" + jar.resolveSibling(name) + "."), made);
        assertTrue(made.contains(" -jar " + jar + " demo --trials 20 --out "), made);
    }

    @Test
    void onJava25AJarWithOtherBytesNeverMapsTheOldCacheWhateverItsDate() throws Exception {
        Map<String, String> env = aotJava();
        ale(env, "version");
        Path old = jar.resolveSibling(aotName());
        // other bytes at the same path, dated before the cache: Java 25 itself would map the old one
        Ale.write(jar, "version 2 of the jar\n");
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(old).toMillis() - 20_000));
        Files.writeString(root.resolve("no-archive"), "");
        Run unmade = ale(env, "version");
        assertEquals(JAVA + "-jar " + jar + " version\n", unmade.out, "the old cache is not given to the new jar");
        Files.delete(root.resolve("no-archive"));
        Files.delete(jar.resolveSibling(aotName() + ".failed"));
        Run remade = ale(env, "version");
        Path cache = jar.resolveSibling(aotName());
        assertFalse(cache.equals(old));
        assertEquals(JAVA + "-XX:AOTCache=" + cache + AOT_LOGS_OFF + "-jar " + jar + " version\n", remade.out);
        assertTrue(Files.notExists(old), "the earlier jar's cache is removed once the new one is made");
    }

    @Test
    void onJava25ACacheThatTheJvmCannotMapIsNotKeptAndNotTriedAgain() throws Exception {
        Map<String, String> env = aotJava();
        unmappableIsMarkedAndNotTriedAgain(env, aotName(), "aot.log");
        Run own = ale(with(env, "ALE_JAVA_OPTS", "-XX:AOTCache=/opt/mine.aot"), "version");
        assertEquals("java -XX:AOTCache=/opt/mine.aot -jar " + jar + " version\n", own.out, "the user's own cache");
    }

    /**
     * A stand-in Java 25 (its release file says so) as {@link #archivingJava()} is one of Java 17,
     * for an AOT cache ({@code -XX:AOTCacheOutput}, logged in {@code aot.log}; mapped with {@code
     * -XX:AOTMode=on}); the environment that selects it, with a jar already built.
     */
    private Map<String, String> aotJava() throws IOException {
        stubJava("jdk3", "25.0.3", "-XX:AOTCacheOutput", "-XX:AOTMode=on", "aot.log");
        Ale.write(jar, "version 1 of the jar\n");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 30_000));
        return Map.of("JAVA_HOME", root.resolve("jdk3").toString());
    }

    /**
     * Writes {@code <home>/bin/java}, a stand-in that makes an archive when given {@code making=FILE}
     * (logged with its folder in {@code log}; not while the file {@code no-archive} exists), maps one
     * when given {@code insist} unless the file {@code bad-archive} exists, and otherwise prints its
     * arguments; and {@code <home>/release}, naming the Java version.
     */
    private void stubJava(String home, String version, String making, String insist, String log) throws IOException {
        script(
                root.resolve(home + "/bin/java"),
                "case \"$*\" in *" + making.substring(5) + "*) [ -f '" + root.resolve("no-archive")
                        + "' ] && exit 1;; esac\n"
                        + "for a in \"$@\"; do case \"$a\" in\n"
                        + "  " + making + "=*) echo \"$* in $PWD\" >> '" + root.resolve(log)
                        + "'; printf classes > \"${a#*=}\"; exit 0;;\n"
                        + "  " + insist + ") [ -f '" + root.resolve("bad-archive") + "' ] && exit 1; exit 0;;\n"
                        + "esac; done\n"
                        + "echo \"java $*\"\n");
        Ale.write(root.resolve(home + "/release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    }

    /**
     * The first run with {@code env} makes the archive {@code name} beside the jar (announced as
     * {@code what}) and maps it ({@code mapping}, {@code %s} the archive's path), a second run maps
     * it without making it again; returns the one line that making it left in {@code log}.
     */
    private String madeOnceThenMapped(Map<String, String> env, String name, String mapping, String what, String log)
            throws Exception {
        Run first = ale(env, "version");
        assertEquals(0, first.code, first.toString());
        Path archive = jar.resolveSibling(name);
        assertTrue(Files.isRegularFile(archive), "no " + archive);
        String maps = JAVA + mapping.formatted(archive) + "-jar " + jar;
        assertEquals(maps + " version\n", first.out);
        assertTrue(first.err.contains("ale: making " + what + " of ale.jar"), first.err);
        List<String> made = Files.readAllLines(root.resolve(log));
        assertEquals(1, made.size(), made.toString());
        Run second = ale(env, "demo");
        assertEquals(maps + " demo\n", second.out);
        assertEquals(1, Files.readAllLines(root.resolve(log)).size(), "made once");
        assertFalse(second.err.contains("making"), second.err);
        return made.get(0);
    }

    /**
     * With a JVM that cannot map what it made ({@code bad-archive}): the run goes on without one,
     * leaves no archive and no temporary file but a {@code .failed} marker, and a second run does not
     * try again ({@code log} keeps one line).
     */
    private void unmappableIsMarkedAndNotTriedAgain(Map<String, String> env, String name, String log) throws Exception {
        Files.writeString(root.resolve("bad-archive"), "");
        Run first = ale(env, "version");
        assertEquals(0, first.code, first.toString());
        assertEquals(JAVA + "-jar " + jar + " version\n", first.out);
        try (var files = Files.list(jar.getParent())) {
            assertEquals(
                    List.of(name + ".failed", "ale.jar"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no archive, no temporary file, a marker");
        }
        ale(env, "version");
        assertEquals(1, Files.readAllLines(root.resolve(log)).size(), "not tried again");
    }

    /** The AOT cache's name for the stand-in of {@link #aotJava()}: its path's checksum and the jar's. */
    private String aotName() throws Exception {
        return "ale-"
                + cksum(
                        "printf '%s' \"$1\"",
                        root.resolve("jdk3/bin/java").toRealPath().toString()) + "-"
                + cksum("cat \"$1\"", jar.toString()) + ".aot";
    }

    /** The first field of {@code cksum} of what {@code producer} (a shell command on {@code $1}) prints. */
    private static String cksum(String producer, String argument) throws Exception {
        Process p =
                new ProcessBuilder("/bin/sh", "-c", producer + " | cksum | cut -d ' ' -f 1", "sh", argument).start();
        String sum = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor());
        return sum;
    }

    /**
     * A stand-in Java 17 (its release file says so) that writes a dynamic CDS archive when asked to
     * ({@code -XX:ArchiveClassesAtExit}, logged in {@code archive.log}) and maps one with {@code
     * -Xshare:on}, as {@link #stubJava} describes; the environment that selects it.
     */
    private Map<String, String> archivingJava() throws IOException {
        stubJava("jdk2", "17.0.15", "-XX:ArchiveClassesAtExit", "-Xshare:on", "archive.log");
        return Map.of("JAVA_HOME", root.resolve("jdk2").toString());
    }

    private Path onlyArchive() throws Exception {
        Path archive = jar.resolveSibling(archiveName());
        assertTrue(Files.isRegularFile(archive), "no " + archive);
        return archive;
    }

    /** The archive's name for the stand-in java of {@link #archivingJava()}: keyed by its path's checksum. */
    private String archiveName() throws Exception {
        return "ale-"
                + cksum(
                        "printf '%s' \"$1\"",
                        root.resolve("jdk2/bin/java").toRealPath().toString()) + ".jsa";
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put(name, value);
        return all;
    }

    private static final String CDS_LOGS_OFF = " -Xlog:cds=off -Xlog:cds+dynamic=off ";
    private static final String AOT_LOGS_OFF = " -Xlog:aot*=off -Xlog:cds*=off ";

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
