package dev.ale.tools;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * {@code search_files}: the lines of the workspace's text files that hold a string or match a
 * regular expression. Links are not followed; binary files and files over the size cap are skipped
 * (and counted); a regular expression gets a fixed budget of character reads, so a pattern that
 * backtracks without end fails instead of hanging the agent.
 */
record SearchTool(WorkspacePaths paths, ToolLimits limits) {
    /** Character reads one search's regular expressions may make in all. */
    static final long REGEX_BUDGET = 20_000_000L;
    /** Characters of a matching line shown. */
    static final int LINE_SHOWN = 300;

    String search(String pattern, String path, String include, boolean regex) throws ToolException, IOException {
        if (pattern.isEmpty()) {
            throw new ToolException("pattern must not be empty");
        }
        Predicate<CharSequence> matches = matcher(pattern, regex);
        Path base = paths.resolve(path);
        PathMatcher glob = glob(include);
        List<Path> files = files(base);
        StringBuilder out = new StringBuilder();
        int found = 0;
        int skipped = 0;
        boolean capped = false;
        for (Path file : files) {
            String shown = paths.show(file);
            if (glob != null
                    && !glob.matches(file.getFileName())
                    && !glob.matches(file.getFileSystem().getPath(shown))) {
                continue;
            }
            if (Files.size(file) > limits.maxSearchFileBytes()) {
                skipped++;
                continue;
            }
            String text = TextFiles.decode(Files.readAllBytes(file));
            if (text == null) {
                skipped++;
                continue;
            }
            int lineNo = 0;
            for (String line : text.split("\n", -1)) {
                lineNo++;
                if (matches.test(line)) {
                    if (found == limits.maxSearchMatches()) {
                        capped = true;
                        break;
                    }
                    found++;
                    String cut = line.length() > LINE_SHOWN ? line.substring(0, LINE_SHOWN) + " [...]" : line;
                    out.append(shown)
                            .append(':')
                            .append(lineNo)
                            .append(": ")
                            .append(cut.strip())
                            .append('\n');
                }
            }
            if (capped) {
                break;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new ToolException("interrupted");
            }
        }
        if (found == 0) {
            out.append("(no matches)\n");
        }
        if (capped) {
            out.append("[stopped at ").append(limits.maxSearchMatches()).append(" matches; narrow the search]\n");
        }
        if (skipped > 0) {
            out.append("[")
                    .append(skipped)
                    .append(skipped == 1 ? " file" : " files")
                    .append(" skipped: binary, not UTF-8, or over ")
                    .append(Output.count(limits.maxSearchFileBytes()))
                    .append(" bytes]\n");
        }
        return out.toString();
    }

    private static Predicate<CharSequence> matcher(String pattern, boolean regex) throws ToolException {
        if (!regex) {
            return line -> line.toString().contains(pattern);
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new ToolException("pattern is not a valid regular expression: " + e.getDescription());
        }
        long[] budget = {REGEX_BUDGET};
        return line -> compiled.matcher(new BudgetedChars(line, budget)).find();
    }

    private @Nullable PathMatcher glob(@Nullable String include) throws ToolException {
        if (include == null || include.isBlank()) {
            return null;
        }
        try {
            return paths.root().getFileSystem().getPathMatcher("glob:" + include.strip());
        } catch (IllegalArgumentException e) {
            throw new ToolException("include is not a valid glob: " + e.getMessage());
        }
    }

    /** The regular files under {@code base} (or {@code base} itself), sorted, links not followed. */
    private List<Path> files(Path base) throws ToolException, IOException {
        if (!Files.exists(base)) {
            throw new ToolException("'" + paths.show(base) + "' does not exist");
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(base, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.add(f);
                }
                return files.size() >= FileTools.WALK_CAP ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    /** A line that counts every character a regular expression reads against a budget shared by one search. */
    private record BudgetedChars(CharSequence text, long[] budget) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new RegexBudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedChars(text.subSequence(start, end), budget);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Thrown out of a regular expression that used up its budget. */
    static final class RegexBudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RegexBudgetExceeded() {
            super(
                    "the regular expression used up its budget of " + Output.count(REGEX_BUDGET)
                            + " character reads; simplify it",
                    null,
                    false,
                    false);
        }
    }
}
