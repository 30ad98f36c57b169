package dev.ale.verifiers.internal.text;

/**
 * Counts words the way the {@code words} condition documents: a word is a run of letters, digits
 * and combining marks, in which single {@code '}, {@code ’}, {@code -}, {@code .} or {@code ,}
 * characters may join two such runs ({@code don't}, {@code state-of-the-art}, {@code 1,250.50}
 * and {@code e.g} are one word each). Punctuation, symbols and Markdown markers are not words.
 */
final class Words {
    private Words() {}

    static long count(CharSequence text) {
        long words = 0;
        boolean inWord = false;
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = Character.codePointAt(text, i);
            int len = Character.charCount(cp);
            if (isWordChar(cp)) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else if (!(inWord && isJoiner(cp) && i + len < n && isWordChar(Character.codePointAt(text, i + len)))) {
                inWord = false;
            }
            i += len;
        }
        return words;
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK
                || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    private static boolean isJoiner(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '-' || cp == '.' || cp == ',';
    }
}
