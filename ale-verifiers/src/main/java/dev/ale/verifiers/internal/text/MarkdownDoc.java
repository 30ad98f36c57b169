package dev.ale.verifiers.internal.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The headings and sections of a Markdown document, found the CommonMark way for the parts that
 * matter to grading: ATX headings ({@code ## Title}, up to three spaces of indentation, an optional
 * closing run of {@code #}) and setext headings (a paragraph underlined with {@code ===} for level
 * 1 or {@code ---} for level 2). Nothing inside fenced code blocks ({@code ```} or {@code ~~~}) or
 * indented code is a heading, nor is anything in a leading YAML front matter block
 * ({@code ---} ... {@code ---}). A section is a heading's body: the text after it up to the next
 * heading of the same or a higher level (lower number), so it includes its sub-sections.
 */
final class MarkdownDoc {
    /**
     * One heading.
     *
     * @param level     1 to 6
     * @param text      its text, white space collapsed, closing {@code #}s removed
     * @param line      its first line, counting from 1
     * @param bodyStart where its body starts in the document
     * @param bodyEnd   where its section ends (the next heading of the same or a higher level)
     */
    record Heading(int level, String text, int line, int bodyStart, int bodyEnd) {}

    private final String text;
    private final List<Heading> headings;

    private MarkdownDoc(String text, List<Heading> headings) {
        this.text = text;
        this.headings = List.copyOf(headings);
    }

    List<Heading> headings() {
        return headings;
    }

    /** The body of a heading's section. */
    String body(Heading h) {
        return text.substring(h.bodyStart(), h.bodyEnd());
    }

    /** Parses {@code text}, whose line breaks are {@code \n}. */
    static MarkdownDoc parse(String text) {
        List<int[]> found = new ArrayList<>(); // level, line, headingStart, bodyStart
        List<String> titles = new ArrayList<>();
        char fence = 0;
        int fenceLen = 0;
        int para = -1; // offset where the open paragraph starts
        int paraLine = 0;
        int prevEnd = 0; // end of the previous line (before its \n)
        int pos = skipFrontMatter(text);
        int lineNo = countLines(text, pos);
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            int next = nl < 0 ? text.length() : nl + 1;
            String line = text.substring(pos, end);
            lineNo++;
            int indent = indent(line);
            String rest = indent >= line.length() ? "" : line.substring(indent);
            if (fence != 0) {
                if (indent < 4
                        && run(rest, fence) >= fenceLen
                        && rest.substring(run(rest, fence)).isBlank()) {
                    fence = 0;
                }
            } else if (line.isBlank()) {
                para = -1;
            } else if (indent >= 4) {
                prevEnd = end; // indented code, or a paragraph's continuation
            } else if (opensFence(rest)) {
                fence = rest.charAt(0);
                fenceLen = run(rest, fence);
                para = -1;
            } else if (atxLevel(rest) > 0) {
                int level = atxLevel(rest);
                found.add(new int[] {level, lineNo, pos, next});
                titles.add(atxText(rest.substring(level)));
                para = -1;
            } else if (para >= 0 && (isRun(rest, '=') || isRun(rest, '-'))) {
                found.add(new int[] {rest.charAt(0) == '=' ? 1 : 2, paraLine, para, next});
                titles.add(collapse(text.substring(para, prevEnd)));
                para = -1;
            } else if (isBlockStart(rest)) {
                para = -1;
            } else if (para < 0) {
                para = pos;
                paraLine = lineNo;
            }
            prevEnd = end;
            pos = next;
        }
        return new MarkdownDoc(text, sections(text, found, titles));
    }

    /** Fills in where each section ends: at the next heading of the same or a higher level. */
    private static List<Heading> sections(String text, List<int[]> found, List<String> titles) {
        int[] ends = new int[found.size()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < found.size(); i++) {
            while (!open.isEmpty() && found.get(open.peek())[0] >= found.get(i)[0]) {
                ends[open.pop()] = found.get(i)[2];
            }
            open.push(i);
        }
        while (!open.isEmpty()) {
            ends[open.pop()] = text.length();
        }
        List<Heading> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            int[] f = found.get(i);
            out.add(new Heading(f[0], titles.get(i), f[1], Math.min(f[3], ends[i]), ends[i]));
        }
        return out;
    }

    private static int skipFrontMatter(String text) {
        int nl = text.indexOf('\n');
        if (nl < 0 || !text.substring(0, nl).stripTrailing().equals("---")) {
            return 0;
        }
        for (int pos = nl + 1; pos < text.length(); ) {
            int e = text.indexOf('\n', pos);
            int end = e < 0 ? text.length() : e;
            String line = text.substring(pos, end).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                return e < 0 ? text.length() : e + 1;
            }
            pos = end + 1;
        }
        return 0;
    }

    private static int countLines(String text, int upTo) {
        int n = 0;
        for (int i = 0; i < upTo; i++) {
            n += text.charAt(i) == '\n' ? 1 : 0;
        }
        return n;
    }

    /** Leading indentation in columns (a tab counts as 4), up to the first other character. */
    private static int indent(String line) {
        int cols = 0;
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            cols += line.charAt(i) == '\t' ? 4 : 1;
            i++;
            if (cols >= 4) {
                return 4;
            }
        }
        return i;
    }

    private static int run(String s, char c) {
        int n = 0;
        while (n < s.length() && s.charAt(n) == c) {
            n++;
        }
        return n;
    }

    private static boolean opensFence(String rest) {
        if (rest.isEmpty() || (rest.charAt(0) != '`' && rest.charAt(0) != '~')) {
            return false;
        }
        int n = run(rest, rest.charAt(0));
        return n >= 3 && (rest.charAt(0) == '~' || rest.indexOf('`', n) < 0);
    }

    private static int atxLevel(String rest) {
        int n = run(rest, '#');
        boolean ends = n == rest.length() || rest.charAt(n) == ' ' || rest.charAt(n) == '\t';
        return n >= 1 && n <= 6 && ends ? n : 0;
    }

    private static String atxText(String afterHashes) {
        String t = afterHashes.strip();
        int k = t.length();
        while (k > 0 && t.charAt(k - 1) == '#') {
            k--;
        }
        if (k == 0) {
            t = "";
        } else if (k < t.length() && (t.charAt(k - 1) == ' ' || t.charAt(k - 1) == '\t')) {
            t = t.substring(0, k);
        }
        return collapse(t);
    }

    /** A line that is only {@code c}, repeated, then optional trailing spaces. */
    private static boolean isRun(String rest, char c) {
        int n = run(rest, c);
        return n > 0 && rest.substring(n).isBlank();
    }

    /** Lines that start another kind of block: thematic breaks, quotes, list items, tables, HTML. */
    private static boolean isBlockStart(String rest) {
        char c = rest.charAt(0);
        if (c == '>' || c == '|' || c == '<') {
            return true;
        }
        if ((c == '-' || c == '*' || c == '+')
                && (rest.length() == 1 || rest.charAt(1) == ' ' || rest.charAt(1) == '\t')) {
            return true;
        }
        String compact = rest.replace(" ", "").replace("\t", "");
        if (compact.length() >= 3 && (isRun(compact, '-') || isRun(compact, '*') || isRun(compact, '_'))) {
            return true;
        }
        int d = 0;
        while (d < rest.length() && d < 10 && Character.isDigit(rest.charAt(d))) {
            d++;
        }
        return d > 0
                && d < 10
                && d < rest.length()
                && (rest.charAt(d) == '.' || rest.charAt(d) == ')')
                && (d + 1 == rest.length() || rest.charAt(d + 1) == ' ' || rest.charAt(d + 1) == '\t');
    }

    /** White space collapsed to single spaces, ends trimmed. */
    static String collapse(String s) {
        return String.join(" ", s.strip().split("\\s+"));
    }

    /** A heading's text for comparison: collapsed, and unwrapped from emphasis or code markers. */
    static String plain(String s) {
        String t = collapse(s);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String w : new String[] {"**", "__", "*", "_", "`"}) {
                if (t.length() > 2 * w.length() && t.startsWith(w) && t.endsWith(w)) {
                    t = t.substring(w.length(), t.length() - w.length()).strip();
                    changed = true;
                }
            }
        }
        return t;
    }
}
