package dev.ale.tools;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** {@code list_files}, {@code read_file}, {@code write_file} and {@code edit_file} over a confined workspace. */
record FileTools(WorkspacePaths paths, ToolLimits limits) {
    /** The most entries a listing walks before it stops counting. */
    static final int WALK_CAP = 100_000;
    /** Room kept under the output cap for the note that says where to read on. */
    static final int NOTE_ROOM = 160;

    String list(String path, int depth) throws ToolException, IOException {
        if (depth < 1 || depth > 10) {
            throw new ToolException("depth must be between 1 and 10, got " + depth);
        }
        Path dir = paths.resolve(path);
        String shown = paths.show(dir);
        if (!Files.exists(dir)) {
            throw new ToolException("'" + shown + "' does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new ToolException("'" + shown + "' is a file, not a directory; read_file reads it");
        }
        List<String> entries = new ArrayList<>();
        boolean[] stopped = {false};
        Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (!d.equals(dir)) {
                    entries.add(paths.show(d) + "/");
                }
                return more();
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                entries.add(describe(f, attrs));
                return more();
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                entries.add(paths.show(f) + "  (unreadable)");
                return more();
            }

            private FileVisitResult more() {
                if (entries.size() >= WALK_CAP || Thread.currentThread().isInterrupted()) {
                    stopped[0] = true;
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(null);
        if (entries.isEmpty()) {
            return "(" + shown + " is empty)";
        }
        StringBuilder b = new StringBuilder();
        int shownCount = Math.min(entries.size(), limits.maxListEntries());
        entries.subList(0, shownCount).forEach(e -> b.append(e).append('\n'));
        if (shownCount < entries.size() || stopped[0]) {
            b.append("[")
                    .append(stopped[0] ? "more than " : "")
                    .append(Output.count(entries.size() - shownCount))
                    .append(" more entries not shown; list a subdirectory or a smaller depth]\n");
        }
        return b.toString();
    }

    private String describe(Path f, BasicFileAttributes attrs) {
        String shown = paths.show(f);
        if (attrs.isSymbolicLink()) {
            return shown + "  (symbolic link)";
        }
        if (attrs.isDirectory()) {
            return shown + "/";
        }
        if (!attrs.isRegularFile()) {
            return shown + "  (special file)";
        }
        return shown + "  (" + Output.count(attrs.size()) + " bytes)";
    }

    String read(String path, int startLine, int endLine) throws ToolException, IOException {
        if (startLine < 1) {
            throw new ToolException("start_line must be 1 or more, got " + startLine);
        }
        if (endLine != 0 && endLine < startLine) {
            throw new ToolException("end_line " + endLine + " is before start_line " + startLine);
        }
        Path file = paths.resolve(path);
        String shown = paths.show(file);
        BasicFileAttributes attrs = TextFiles.regularFile(file, shown);
        if (attrs.size() == 0) {
            return "(" + shown + " is empty)";
        }
        if (TextFiles.looksBinary(file)) {
            return binary(shown, attrs.size());
        }
        StringBuilder out = new StringBuilder();
        int line = 0;
        String note = null;
        TextFiles.BoundedInput in = new TextFiles.BoundedInput(Files.newInputStream(file), limits.maxScanBytes());
        try (Reader reader = TextFiles.reader(in)) {
            int room = Math.max(1, limits.maxOutputChars() - NOTE_ROOM);
            LineReader lines = new LineReader(reader, room);
            String text;
            while ((text = lines.next()) != null) {
                line++;
                if (line < startLine) {
                    continue;
                }
                if (endLine != 0 && line > endLine) {
                    break;
                }
                if (out.length() + text.length() + 1 > room && out.length() > 0) {
                    note = "[output cap reached: lines " + startLine + "-" + (line - 1)
                            + " shown; read on with start_line=" + line + "]";
                    break;
                }
                out.append(text).append('\n');
                if (Thread.currentThread().isInterrupted()) {
                    throw new ToolException("interrupted");
                }
            }
        } catch (CharacterCodingException e) {
            return binary(shown, attrs.size());
        }
        if (note == null && in.capped()) {
            note = "[stopped after reading the first " + Output.count(limits.maxScanBytes()) + " bytes of this "
                    + Output.count(attrs.size()) + "-byte file]";
        }
        if (line < startLine && note == null) {
            return "(" + shown + " has " + line + " lines; start_line " + startLine + " is past its end)";
        }
        return note == null ? out.toString() : out.append(note).append('\n').toString();
    }

    private static String binary(String shown, long size) {
        return "(" + shown + " is a binary file of " + Output.count(size) + " bytes; read_file shows UTF-8 text only)";
    }

    String write(String path, String content) throws ToolException, IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > limits.maxWriteBytes()) {
            throw new ToolException("the content is " + Output.count(bytes.length) + " bytes, over the cap of "
                    + Output.count(limits.maxWriteBytes()));
        }
        Path file = writable(path);
        boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        Files.createDirectories(file.getParent());
        TextFiles.write(file, bytes);
        return (existed ? "overwrote " : "created ") + paths.show(file) + " (" + Output.count(bytes.length) + " bytes)";
    }

    String edit(String path, String oldText, String newText, boolean replaceAll) throws ToolException, IOException {
        if (oldText.isEmpty()) {
            throw new ToolException("old_string must not be empty (write_file creates a file)");
        }
        if (oldText.equals(newText)) {
            throw new ToolException("old_string and new_string are the same; nothing to change");
        }
        Path file = writable(path);
        String shown = paths.show(file);
        BasicFileAttributes attrs = TextFiles.regularFile(file, shown);
        if (attrs.size() > limits.maxWriteBytes()) {
            throw new ToolException("'" + shown + "' is " + Output.count(attrs.size()) + " bytes, over the edit cap of "
                    + Output.count(limits.maxWriteBytes()));
        }
        String text = TextFiles.decode(Files.readAllBytes(file));
        if (text == null) {
            throw new ToolException("'" + shown + "' is a binary file; edit_file edits UTF-8 text only");
        }
        int count = occurrences(text, oldText);
        if (count == 0) {
            throw new ToolException("old_string was not found in '" + shown
                    + "' (it must match exactly, whitespace and line breaks included)");
        }
        if (count > 1 && !replaceAll) {
            throw new ToolException("old_string occurs " + count + " times in '" + shown
                    + "'; add surrounding text to make it unique, or set replace_all");
        }
        String changed = replaceAll ? text.replace(oldText, newText) : replaceFirst(text, oldText, newText);
        byte[] bytes = changed.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > limits.maxWriteBytes()) {
            throw new ToolException("the edited file would be " + Output.count(bytes.length)
                    + " bytes, over the cap of " + Output.count(limits.maxWriteBytes()));
        }
        TextFiles.write(file, bytes);
        return "replaced " + count + (count == 1 ? " occurrence" : " occurrences") + " in " + shown;
    }

    /** A path that may be written: inside the workspace, not the root, not a directory, link or special file. */
    private Path writable(String path) throws ToolException {
        Path file = paths.resolve(path);
        String shown = paths.show(file);
        if (file.equals(paths.root())) {
            throw new ToolException("give the path of a file, not the workspace root");
        }
        if (Files.isSymbolicLink(file)) {
            throw new ToolException("'" + shown + "' is a symbolic link; files are not written through links");
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolException("'" + shown + "' is a directory");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolException("'" + shown + "' is not a regular file (a pipe, socket or device)");
        }
        return file;
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }

    private static String replaceFirst(String text, String oldText, String newText) {
        int i = text.indexOf(oldText);
        return text.substring(0, i) + newText + text.substring(i + oldText.length());
    }
}
