package dev.ale.taskpack.ale;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the paths of an ALE prompt to the workspace: ALE's agent works in the task folder
 * {@code base\} of its VM ({@code E:\agenthle\<cluster>\<task>\base} on Windows), with the task's
 * files in {@code input\} and its deliverables in {@code output\}; an imported task's workspace
 * holds the same {@code input/} and {@code output/} folders, so {@code base\input\file_list.txt}
 * becomes {@code input/file_list.txt} and {@code base\output\} becomes {@code output/}.
 */
final class AlePrompt {
    /** An optional absolute VM prefix, {@code base}, the area, and the rest of the path. */
    private static final Pattern PATH =
            Pattern.compile("(?:(?:[A-Za-z]:)?[\\\\/](?:[\\w.-]+[\\\\/])*?)?\\bbase[\\\\/](input|output|software)\\b"
                    + "((?:[\\\\/][^\\s\\\\/`'\"<>|,;()\\[\\]]+)*[\\\\/]?)");

    static final String NOTE = "\n\n(Workspace layout: ALE's task folder base/ is your working directory here:"
            + " read the task's files in input/ and write your deliverables in output/.)";

    private AlePrompt() {}

    /** The prompt with its VM paths rewritten, and a note on the layout when any was. */
    static String rewrite(String prompt) {
        Matcher m = PATH.matcher(prompt);
        StringBuilder out = new StringBuilder();
        boolean any = false;
        while (m.find()) {
            any = true;
            m.appendReplacement(
                    out, Matcher.quoteReplacement(m.group(1) + m.group(2).replace('\\', '/')));
        }
        m.appendTail(out);
        return any ? out + NOTE : out.toString();
    }
}
