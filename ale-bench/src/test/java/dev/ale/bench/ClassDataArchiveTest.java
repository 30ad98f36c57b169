package dev.ale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The archive a figure's children make and map, by the Java they run on. */
class ClassDataArchiveTest {
    private static final Path ARCHIVE = Path.of("/tmp/x/tiny.bin");

    @Test
    void javaUpTo24MakesADynamicCdsArchiveAndTheChildrenInsistOnMappingIt() {
        for (int feature : new int[] {17, 21, 24}) {
            ClassDataArchive.Kind kind = ClassDataArchive.Kind.of(feature);
            assertEquals(ClassDataArchive.Kind.DYNAMIC_CDS, kind, "Java " + feature);
            assertEquals("-XX:ArchiveClassesAtExit=/tmp/x/tiny.bin", kind.making(ARCHIVE));
            assertEquals(List.of("-Xshare:on", "-XX:SharedArchiveFile=/tmp/x/tiny.bin"), kind.mapping(ARCHIVE));
            assertEquals(".jsa", kind.extension);
        }
    }

    @Test
    void java25AndLaterMakeAnAotCacheInOneRunAndTheChildrenInsistOnMappingIt() {
        for (int feature : new int[] {25, 26}) {
            ClassDataArchive.Kind kind = ClassDataArchive.Kind.of(feature);
            assertEquals(ClassDataArchive.Kind.AOT_CACHE, kind, "Java " + feature);
            assertEquals("-XX:AOTCacheOutput=/tmp/x/tiny.bin", kind.making(ARCHIVE));
            assertEquals(List.of("-XX:AOTMode=on", "-XX:AOTCache=/tmp/x/tiny.bin"), kind.mapping(ARCHIVE));
            assertEquals(".aot", kind.extension);
        }
    }
}
