package dev.ale.verifiers.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownDocTest {
    private static List<String> headings(String md) {
        return MarkdownDoc.parse(md).headings().stream()
                .map(h -> h.level() + ":" + h.text() + "@" + h.line())
                .toList();
    }

    @Test
    void findsAtxHeadingsWithClosingHashesAndIndentation() {
        assertEquals(
                List.of("1:Title@1", "2:Findings@3", "3:Notes #1@4", "6:Deep@5", "2:@6"),
                headings("# Title\ntext\n  ## Findings ##\n### Notes #1\n###### Deep\n##\n"));
        assertEquals(List.of(), headings("#hashtag\n####### seven\n    # indented code\n\\# escaped"));
    }

    @Test
    void findsSetextHeadingsButNotThematicBreaksOrListItems() {
        assertEquals(
                List.of("1:Big Title@1", "2:Sub title on two lines@4"),
                headings("Big  Title\n===\n\nSub title\non two lines\n---\n\n---\n- item\n---\n"));
    }

    @Test
    void ignoresCodeFencesAndFrontMatter() {
        assertEquals(
                List.of("2:Real@10"),
                headings("---\ntitle: x\n---\n```md\n# not a heading\n```\n~~~\n## no\n~~~\n## Real\n"));
        assertEquals(List.of("1:After@5"), headings("````\n```\n# inside\n````\n# After"));
        assertEquals(List.of(), headings("```\n# unclosed fence swallows the rest\n"));
    }

    @Test
    void aSectionRunsToTheNextHeadingOfTheSameOrHigherLevel() {
        MarkdownDoc doc = MarkdownDoc.parse("# A\na1\n## B\nb1\n### C\nc1\n## D\nd1\n# E\ne1");
        List<MarkdownDoc.Heading> h = doc.headings();
        assertEquals("a1\n## B\nb1\n### C\nc1\n## D\nd1\n", doc.body(h.get(0)));
        assertEquals("b1\n### C\nc1\n", doc.body(h.get(1)));
        assertEquals("c1\n", doc.body(h.get(2)));
        assertEquals("e1", doc.body(h.get(4)));
    }

    @Test
    void plainTextUnwrapsEmphasisAndCollapsesSpace() {
        assertEquals("Executive Summary", MarkdownDoc.plain("**Executive   Summary**"));
        assertEquals("code", MarkdownDoc.plain("`code`"));
        assertEquals("snake_case", MarkdownDoc.plain("snake_case"));
    }
}
