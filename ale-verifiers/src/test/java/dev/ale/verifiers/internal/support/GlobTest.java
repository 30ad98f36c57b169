package dev.ale.verifiers.internal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ale.api.spi.VerifierConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
    private static Glob glob(String g) {
        return Glob.parse(g, "/glob", true);
    }

    /** Globs, paths, and whether the glob matches the path. */
    private static final String MATCHES =
            """
            # * and ? stay within a segment
            reports/*.pdf -> reports/q1.pdf -> true
            reports/*.pdf -> reports/.pdf -> true
            reports/*.pdf -> reports/2024/q1.pdf -> false
            reports/*.pdf -> reports/q1.pdfx -> false
            q?.csv -> q1.csv -> true
            q?.csv -> q10.csv -> false
            a?b -> a/b -> false
            # ** spans any number of segments
            **/*.pdf -> a.pdf -> true
            **/*.pdf -> x/y/a.pdf -> true
            a/**/b -> a/b -> true
            a/**/b -> a/x/y/b -> true
            a/**/b -> a/xb -> false
            reports/** -> reports -> true
            reports/** -> reports/x/y -> true
            reports/** -> reportsx -> false
            ** -> any/thing -> true
            # sets, alternatives and literals
            [a-c]x.[!t]sv -> bx.csv -> true
            [a-c]x.[!t]sv -> dx.csv -> false
            [a-c]x.[!t]sv -> bx.tsv -> false
            out.{csv,xlsx} -> out.xlsx -> true
            out.{csv,xlsx} -> out.json -> false
            a+b (1).txt -> a+b (1).txt -> true
            a.txt -> abtxt -> false
            [-x] -> - -> true
            /etc/** -> /etc/passwd -> true
            /etc/** -> etc/passwd -> false
            """;

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = MATCHES)
    void matchesAsGlobsDo(String glob, String path, boolean matches) {
        assertEquals(matches, glob(glob).matches(path), glob + " on " + path);
    }

    @Test
    void theBaseIsTheLeadingLiteralDirectories() {
        assertEquals(List.of("reports", "2024"), glob("reports/2024/*.pdf").base());
        assertEquals(List.of("reports"), glob("reports/*/x.pdf").base());
        assertEquals(List.of(), glob("**/x").base());
        assertEquals(List.of(), glob("x.pdf").base());
    }

    @Test
    void refusesBadPatterns() {
        for (String bad :
                List.of("", "a//b", "a/./b", "../a", "a\\b", "a**b/c", "[abc", "[!]", "{a,{b}}", "{a,b", "[z-a]")) {
            VerifierConfigException e =
                    assertThrows(VerifierConfigException.class, () -> Glob.parse(bad, "/glob", false), bad);
            assertEquals("/glob", e.field());
        }
        assertThrows(VerifierConfigException.class, () -> Glob.parse("/abs", "/glob", false));
    }
}
