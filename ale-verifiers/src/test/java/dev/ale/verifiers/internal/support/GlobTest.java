package dev.ale.verifiers.internal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.VerifierConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobTest {
    private static Glob glob(String g) {
        return Glob.parse(g, "/glob", true);
    }

    @Test
    void starAndQuestionMarkStayWithinASegment() {
        Glob g = glob("reports/*.pdf");
        assertTrue(g.matches("reports/q1.pdf"));
        assertTrue(g.matches("reports/.pdf"));
        assertFalse(g.matches("reports/2024/q1.pdf"));
        assertFalse(g.matches("reports/q1.pdfx"));
        assertTrue(glob("q?.csv").matches("q1.csv"));
        assertFalse(glob("q?.csv").matches("q10.csv"));
        assertFalse(glob("a?b").matches("a/b"));
    }

    @Test
    void doubleStarSpansAnyNumberOfSegments() {
        assertTrue(glob("**/*.pdf").matches("a.pdf"));
        assertTrue(glob("**/*.pdf").matches("x/y/a.pdf"));
        assertTrue(glob("a/**/b").matches("a/b"));
        assertTrue(glob("a/**/b").matches("a/x/y/b"));
        assertFalse(glob("a/**/b").matches("a/xb"));
        assertTrue(glob("reports/**").matches("reports"));
        assertTrue(glob("reports/**").matches("reports/x/y"));
        assertFalse(glob("reports/**").matches("reportsx"));
        assertTrue(glob("**").matches("any/thing"));
    }

    @Test
    void setsAlternativesAndLiterals() {
        assertTrue(glob("[a-c]x.[!t]sv").matches("bx.csv"));
        assertFalse(glob("[a-c]x.[!t]sv").matches("dx.csv"));
        assertFalse(glob("[a-c]x.[!t]sv").matches("bx.tsv"));
        assertTrue(glob("out.{csv,xlsx}").matches("out.xlsx"));
        assertFalse(glob("out.{csv,xlsx}").matches("out.json"));
        assertTrue(glob("a+b (1).txt").matches("a+b (1).txt"));
        assertFalse(glob("a.txt").matches("abtxt"));
        assertTrue(glob("[-x]").matches("-"));
        assertTrue(glob("/etc/**").matches("/etc/passwd"));
        assertFalse(glob("/etc/**").matches("etc/passwd"));
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
