package dev.ale.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A class-data archive for a figure's children (tiny cases, the label CSV), made as the {@code ale}
 * launcher makes its own: a first, smaller run of the same child with {@code
 * -XX:ArchiveClassesAtExit}. The timed children map it with {@code -Xshare:on}, so a figure never
 * claims an archive that the JVM did not use.
 */
final class ClassDataArchive {
    /** How many cases the run that makes the archive has: a tenth of the smallest full size. */
    static final int MAKING_CASES = 200;

    private ClassDataArchive() {}

    /**
     * Whether an archive can be made here: Java archives classes from jars only (the bench's own jar,
     * not the class folders of a test run), and the launcher makes none when the options name a
     * class-data option of their own.
     */
    static boolean possible() {
        boolean jarsOnly = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .allMatch(entry -> Files.isRegularFile(Path.of(entry)));
        return jarsOnly
                && ChildJvm.LAUNCHER_OPTIONS.stream()
                        .noneMatch(o -> o.contains("Xshare")
                                || o.contains("SharedArchiveFile")
                                || o.contains("ArchiveClassesAtExit"));
    }

    /** Makes the archive under {@code dir}: the launcher's options with it, or null when not {@link #possible()}. */
    static @Nullable List<String> make(Path dir, int parallelism) throws Exception {
        if (!possible()) {
            return null;
        }
        Path zip = dir.resolve("pack.zip");
        TinyPack.write(dir.resolve("pack"), zip, MAKING_CASES);
        return make(
                dir.resolve("tiny.jsa"),
                TinyChild.class,
                dir.resolve("making.log"),
                zip.toString(),
                String.valueOf(parallelism));
    }

    /**
     * Makes an archive at {@code archive} by a run of {@code child} with {@code args} and the
     * launcher's options (its output in {@code log}), and returns the launcher's options that map it;
     * call only when {@link #possible()}.
     */
    static List<String> make(Path archive, Class<?> child, Path log, String... args) throws Exception {
        List<String> making = new ArrayList<>(ChildJvm.LAUNCHER_OPTIONS);
        making.add("-XX:ArchiveClassesAtExit=" + archive);
        ChildJvm.runToExit(making, child, log, args);
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            throw new IllegalStateException("the JVM made no class-data archive: see " + log);
        }
        List<String> mapping = new ArrayList<>(ChildJvm.LAUNCHER_OPTIONS);
        mapping.add("-Xshare:on");
        mapping.add("-XX:SharedArchiveFile=" + archive);
        return List.copyOf(mapping);
    }
}
