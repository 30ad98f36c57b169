package dev.ale.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/** The usage texts of {@code ale} and its commands. */
final class Help {
    /** Where the descriptions start, and the width they wrap at. */
    private static final int INDENT = 25;

    private static final int WIDTH = 100;

    private Help() {}

    static String overview() {
        return """
                usage: ale <command> [options]     (ale help <command> for details)

                  run <pack> --harness <name>       run a harness over a pack, print the summary
                  demo                              run the sample agent on the starter pack
                  pack validate|build|list|check    check, digest, archive, list or self-check a pack
                  report show|merge|compare <dir>   show, merge (shards) or compare run directories
                  report export --format ale <dir>  ALE's result files for a run (run.json, trajectory.json)
                  rescore <run dir> --pack <pack>   score a run's stored artefacts again
                  import ale <tasks> --data <root> --out <dir>   ALE's task folders as a pack
                  help [command], version

                  --verbose (any command) prints stack traces and more detail.
                  --pack-limit NAME=VALUE (any command, repeatable) raises a safety limit of pack
                    reading: maxEntries, maxEntryBytes, maxTotalBytes, maxCompressionRatio,
                    ratioFloorBytes, maxJsonBytes (sizes take k, m, g)
                exit codes: 0 done, 1 below --fail-under (or pack check found unsound tasks),
                            2 usage or unusable input, 3 the run had errors
                """;
    }

    /** The usage of {@code command} (for {@code pack} and {@code report}, of each subcommand). */
    static String of(String command) {
        List<Usage> usages = Usages.of(command);
        if (usages.isEmpty()) {
            throw new UsageException("help: unknown command '" + command + "'");
        }
        StringBuilder b = new StringBuilder();
        for (Usage u : usages) {
            b.append(b.length() == 0 ? "usage: " : "       ")
                    .append("ale ")
                    .append(u.command())
                    .append(u.synopsis().isEmpty() ? "" : " " + u.synopsis())
                    .append('\n');
            wrap(b, "", u.summary());
            for (Usage.Option o : u.options()) {
                String name = "--" + o.name() + o.value().map(v -> " " + v).orElse("");
                wrap(b, name, o.help());
            }
        }
        return b.toString();
    }

    /** Appends {@code head} in the left column and {@code text} wrapped in the right one. */
    private static void wrap(StringBuilder b, String head, String text) {
        String left = "  " + head;
        if (left.length() >= INDENT) {
            b.append(left).append('\n');
            left = "";
        }
        StringBuilder line = new StringBuilder(left).append(" ".repeat(INDENT - left.length()));
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                b.append(line).append('\n');
                line.setLength(0);
                line.append(" ".repeat(INDENT));
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        b.append(line).append('\n');
    }

    /** The SDK version this build of ale carries. */
    static String version() {
        try (InputStream in = Help.class.getResourceAsStream("/dev/ale/core/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
