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
 * -XX:ArchiveClassesAtExit} (a dynamic CDS archive), or on Java 25 and later with {@code
 * -XX:AOTCacheOutput} (an AOT cache: the classes loaded and linked, and the methods' profiles). The
 * timed children map it with {@code -Xshare:on} or {@code -XX:AOTMode=on}, so a figure never claims
 * an archive that the JVM did not use.
 */
final class ClassDataArchive {
    /** How many cases the run that makes the archive has: a tenth of the smallest full size. */
    static final int MAKING_CASES = 200;

    /**
     * What a JVM makes: a dynamic CDS archive up to Java 24, an AOT cache from Java 25 (made in one
     * run with {@code -XX:AOTCacheOutput}, JEP 514, as the launcher makes it there).
     */
    enum Kind {
        DYNAMIC_CDS("dynamic-cds", ".jsa", "-XX:ArchiveClassesAtExit=", "-Xshare:on", "-XX:SharedArchiveFile="),
        AOT_CACHE("aot-cache", ".aot", "-XX:AOTCacheOutput=", "-XX:AOTMode=on", "-XX:AOTCache=");

        /** The first Java whose JVM makes an AOT cache in one run. */
        static final int AOT_CACHE_FEATURE = 25;

        final String label;
        final String extension;
        private final String making;
        /** The option with which a JVM insists on mapping the archive (it exits when it cannot). */
        final String insist;

        private final String mapping;

        Kind(String label, String extension, String making, String insist, String mapping) {
            this.label = label;
            this.extension = extension;
            this.making = making;
            this.insist = insist;
            this.mapping = mapping;
        }

        /** The kind that a Java of this feature version ({@code Runtime.version().feature()}) makes. */
        static Kind of(int feature) {
            return feature >= AOT_CACHE_FEATURE ? AOT_CACHE : DYNAMIC_CDS;
        }

        /** The kind this JVM, and so its children, make. */
        static Kind current() {
            return of(Runtime.version().feature());
        }

        /** The option that makes the archive at {@code archive} when the JVM exits. */
        String making(Path archive) {
            return making + archive;
        }

        /** The options that map the archive at {@code archive}, insisting on it. */
        List<String> mapping(Path archive) {
            return List.of(insist, mapping + archive);
        }
    }

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
                                || o.contains("ArchiveClassesAtExit")
                                || o.contains("AOTCache")
                                || o.contains("AOTMode"));
    }

    /** Makes the archive under {@code dir}: the launcher's options with it, or null when not {@link #possible()}. */
    static @Nullable List<String> make(Path dir, int parallelism) throws Exception {
        if (!possible()) {
            return null;
        }
        Path zip = dir.resolve("pack.zip");
        TinyPack.write(dir.resolve("pack"), zip, MAKING_CASES);
        return make(
                dir, "tiny", TinyChild.class, dir.resolve("making.log"), zip.toString(), String.valueOf(parallelism));
    }

    /**
     * Makes an archive in {@code dir}, named {@code stem} and the kind's extension, by a run of
     * {@code child} with {@code args} and the launcher's options (its output in {@code log}), and
     * returns the launcher's options that map it; call only when {@link #possible()}.
     */
    static List<String> make(Path dir, String stem, Class<?> child, Path log, String... args) throws Exception {
        Kind kind = Kind.current();
        Path archive = dir.resolve(stem + kind.extension);
        List<String> making = new ArrayList<>(ChildJvm.LAUNCHER_OPTIONS);
        making.add(kind.making(archive));
        ChildJvm.runToExit(making, child, log, args);
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            throw new IllegalStateException("the JVM made no class-data archive (" + kind.label + "): see " + log);
        }
        List<String> mapping = new ArrayList<>(ChildJvm.LAUNCHER_OPTIONS);
        mapping.addAll(kind.mapping(archive));
        return List.copyOf(mapping);
    }
}
