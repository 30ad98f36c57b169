package dev.ale.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The JSON Schemas and descriptions of the tools, worded for a model and stating the limits it will meet. */
final class ToolSchemas {
    static final String LIST_FILES = "list_files";
    static final String READ_FILE = "read_file";
    static final String WRITE_FILE = "write_file";
    static final String EDIT_FILE = "edit_file";
    static final String SEARCH_FILES = "search_files";
    static final String RUN_COMMAND = "run_command";

    private ToolSchemas() {}

    static List<ToolSpec> all(ToolLimits limits, boolean commands) {
        List<ToolSpec> specs = new ArrayList<>(List.of(
                new ToolSpec(
                        LIST_FILES,
                        "List the files and directories of the workspace (or of a directory in it),"
                                + " with file sizes. Directories end in '/'. At most " + limits.maxListEntries()
                                + " entries are listed.",
                        object().string("path", "directory relative to the workspace root; default '.'", false)
                                .integer("depth", "how many levels to descend, 1 to 10; default 2", false)
                                .done()),
                new ToolSpec(
                        READ_FILE,
                        "Read a UTF-8 text file of the workspace, optionally a range of lines (1-based,"
                                + " inclusive). Output over " + limits.maxOutputChars()
                                + " characters is cut, with a note saying"
                                + " where to read on. Binary files are not shown.",
                        object().string("path", "file path relative to the workspace root", true)
                                .integer("start_line", "first line to return, 1-based; default 1", false)
                                .integer("end_line", "last line to return, inclusive; default: to the end", false)
                                .done()),
                new ToolSpec(
                        WRITE_FILE,
                        "Create or overwrite a file of the workspace with the given UTF-8 text."
                                + " Missing parent directories are created. At most " + limits.maxWriteBytes()
                                + " bytes.",
                        object().string("path", "file path relative to the workspace root", true)
                                .string("content", "the complete new content of the file", true)
                                .done()),
                new ToolSpec(
                        EDIT_FILE,
                        "Replace an exact string in a text file of the workspace. old_string must match"
                                + " exactly (whitespace and line breaks included) and, unless replace_all is true, occur exactly"
                                + " once.",
                        object().string("path", "file path relative to the workspace root", true)
                                .string("old_string", "the exact text to replace", true)
                                .string("new_string", "the text to put in its place", true)
                                .bool("replace_all", "replace every occurrence; default false", false)
                                .done()),
                new ToolSpec(
                        SEARCH_FILES,
                        "Find the lines of the workspace's text files that contain a string (or"
                                + " match a Java regular expression). Returns 'path:line: text', at most "
                                + limits.maxSearchMatches() + " matches.",
                        object().string(
                                        "pattern",
                                        "the text to look for (a regular expression when regex is true)",
                                        true)
                                .string(
                                        "path",
                                        "directory or file to search, relative to the workspace root; default '.'",
                                        false)
                                .string("include", "only files whose name matches this glob, such as '*.csv'", false)
                                .bool("regex", "treat pattern as a regular expression; default false", false)
                                .done())));
        if (commands) {
            specs.add(new ToolSpec(
                    RUN_COMMAND,
                    "Run a shell command (/bin/sh -c) in the workspace directory and return"
                            + " its exit code, standard output and standard error (cut to " + limits.maxOutputChars()
                            + " characters). The command is stopped after "
                            + limits.commandTimeout().toSeconds()
                            + " seconds at most.",
                    object().string("command", "the shell command line", true)
                            .integer(
                                    "timeout_seconds",
                                    "stop the command after this many seconds; default and most "
                                            + limits.commandTimeout().toSeconds(),
                                    false)
                            .done()));
        }
        return List.copyOf(specs);
    }

    private static Schema object() {
        return new Schema();
    }

    /** A small builder of an object schema. */
    private static final class Schema {
        private final ObjectNode root = JsonNodeFactory.instance.objectNode();
        private final ObjectNode properties;
        private final ArrayNode required;

        Schema() {
            root.put("type", "object");
            properties = root.putObject("properties");
            required = root.putArray("required");
            root.put("additionalProperties", false);
        }

        Schema string(String name, String description, boolean isRequired) {
            return property(name, "string", description, isRequired);
        }

        Schema integer(String name, String description, boolean isRequired) {
            return property(name, "integer", description, isRequired);
        }

        Schema bool(String name, String description, boolean isRequired) {
            return property(name, "boolean", description, isRequired);
        }

        private Schema property(String name, String type, String description, boolean isRequired) {
            ObjectNode p = properties.putObject(name);
            p.put("type", type);
            p.put("description", description);
            if (isRequired) {
                required.add(name);
            }
            return this;
        }

        ObjectNode done() {
            return root;
        }
    }
}
