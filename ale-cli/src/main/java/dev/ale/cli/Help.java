package dev.ale.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The usage texts of {@code ale} and its commands. */
final class Help {
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
                  help [command], version

                  --verbose (any command) prints stack traces and more detail.
                exit codes: 0 done, 1 below --fail-under (or pack check found unsound tasks),
                            2 usage or unusable input, 3 the run had errors
                """;
    }

    static String of(String command) {
        return switch (command) {
            case "run" -> """
                    usage: ale run <pack> --harness <name> [options]
                      <pack>               a pack directory, .zip, .tar, .tar.gz or .tgz
                      --harness <name>     rule-based (the sample agent), cmd:<command line> (an external
                                           CLI agent; the instruction goes to stdin, to {instruction} in the
                                           line and to $ALE_INSTRUCTION), or a class name on the class path
                                           (public, no-argument constructor, implements dev.ale.api.Harness)
                      --trials <k>         attempts per task (default 1)
                      --parallel <n>       attempts at once (default 1)
                      --select <filter>    tasks to run: tier:near-term,cluster:legal,soc:13-,id:bank-*,list:smoke
                      --shard <i>/<n>      run shard i (0-based) of n, by task digest
                      --out <dir>          run directory: journal, trajectories, artefacts, report.json;
                                           an existing one resumes
                      --fail-under <rate>  exit 1 when the full pass rate is below it (0.9 or 90%)
                      --timeout <d>        override every task's timeout (90s, 10m, PT10M)
                      --sandbox <kind>     memory (default), bwrap (default for cmd: where bubblewrap works:
                                           every process of an attempt isolated; sudo apt-get install
                                           bubblewrap) or local (no isolation: the agent runs as you)
                      --network            give bwrap sandboxes the network (default: none)
                      --pass-env <names>   pass these variables of ale's environment to a cmd: agent
                                           (comma-separated, e.g. OPENAI_API_KEY); it gets PATH, HOME
                                           (the workspace), LANG, TZ and its ALE_ variables otherwise
                      --retries <n>        run an attempt that ended in ERROR again up to n times (default 2)
                    """;
            case "demo" -> """
                    usage: ale demo [--out <dir>] [--parallel <n>]
                      runs the rule-based sample agent on the starter pack (samples/packs/starter of the
                      repository, or the copy bundled in ale.jar) and prints the summary
                    """;
            case "pack" -> """
                    usage: ale pack validate <pack>                 open, validate and verify every digest
                           ale pack build <dir> [--out <archive>]   fill in the digests; write a .zip/.tar/.tgz
                           ale pack list <pack> [--select <f>]      tasks with tier, cluster, SOC, sessions
                           ale pack check <pack> [--select <f>]     self-check: the solution passes, an empty
                                                                    workspace scores 0, perturbed solutions fail
                    """;
            case "report" -> """
                    usage: ale report show <run dir> [--json] [--all]
                           ale report merge <run dir> <run dir>... [--out <dir>] [--json] [--all]
                           ale report compare <run dir A> <run dir B>
                           ale report export --format ale <run dir> [--pack <pack>]
                      export --format ale: ALE's run.json, eval_result.json and trajectory.json for every
                      attempt, under <run dir>/ale/ (--pack: the tasks' instructions in the trajectories)
                    """;
            case "rescore" -> """
                    usage: ale rescore <run dir> --pack <pack> [--json] [--all]
                      scores the stored artefacts again with the pack's verifiers (report.rescored.json)
                    """;
            default -> throw new UsageException("help: unknown command '" + command + "'");
        };
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
