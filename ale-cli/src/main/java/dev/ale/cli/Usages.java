package dev.ale.cli;

import static dev.ale.cli.Usage.Option.flag;
import static dev.ale.cli.Usage.Option.valued;

import dev.ale.cli.Usage.Option;
import java.util.List;

/** The usage of every {@code ale} command: the table that both the parser and the help read. */
final class Usages {
    private static final Option SELECT =
            valued("select", "<filter>", "tasks to run: tier:near-term,cluster:legal,soc:13-,id:bank-*,list:smoke");
    private static final Option PARALLEL = valued("parallel", "<n>", "attempts at once (default 1)");
    private static final Option TRIALS = valued("trials", "<k>", "attempts per task (default 1)");
    private static final Option JSON = flag("json", "print the report as JSON instead of the summary");
    private static final Option ALL = flag("all", "list every attempt, not only the first few not passed");
    private static final Option ALLOW_COMMANDS = flag(
            Cli.ALLOW_COMMANDS,
            "let the pack's command verifiers run their grader programs (refused by"
                    + " default: a pack from elsewhere must not run code)");
    private static final Option KEY_FILE = valued(
            Cli.KEY_FILE,
            "<file>",
            "read the key of sealed references and solutions (reference.7z, solution.7z) from this file"
                    + " (default: $ALE_REFERENCE_KEY); a key is never given on the command line, where"
                    + " other processes can read it");
    private static final Option PYTHON = valued(
            Cli.PYTHON,
            "<path>",
            "the Python of the command verifiers' {python} (default: $ALE_PYTHON, else python3 on the PATH)");

    static final Usage RUN = new Usage(
            "run",
            "<pack> --harness <name> [options]",
            "runs a harness over a pack (a directory, .zip, .tar, .tar.gz or .tgz) and prints the summary",
            List.of(
                    valued(
                            "harness",
                            "<name>",
                            "rule-based (the sample agent), cmd:<command line> (an external CLI agent; the"
                                    + " instruction goes to stdin, to {instruction} in the line and to"
                                    + " $ALE_INSTRUCTION), a class name on the class path (public, no-argument"
                                    + " constructor, implements dev.ale.api.Harness), or"
                                    + " openai:model=<m>,base-url=<url> (a model behind any OpenAI-compatible API"
                                    + " with the agent tool kit; the key from $OPENAI_API_KEY or api-key-env=<VAR>;"
                                    + " input-price= and output-price= in USD per million tokens; max-turns=,"
                                    + " temperature=)"),
                    TRIALS,
                    PARALLEL,
                    SELECT,
                    valued("shard", "<i>/<n>", "run shard i (0-based) of n, by task digest"),
                    valued(
                            "out",
                            "<dir>",
                            "run directory: journal, trajectories, artefacts, report.json; an existing one"
                                    + " resumes"),
                    valued("fail-under", "<rate>", "exit 1 when the full pass rate is below it (0.9 or 90%)"),
                    valued("timeout", "<d>", "override every task's timeout (90s, 10m, PT10M)"),
                    valued(
                            "sandbox",
                            "<kind>",
                            "memory (default), bwrap (default for cmd: where bubblewrap works: every process"
                                    + " of an attempt isolated; sudo apt-get install bubblewrap) or local (no"
                                    + " isolation: the agent runs as you)"),
                    flag("network", "give bwrap sandboxes the network (default: none)"),
                    valued(
                            "pass-env",
                            "<names>",
                            "pass these variables of ale's environment to a cmd: agent (comma-separated, e.g."
                                    + " OPENAI_API_KEY); it gets PATH, HOME (the workspace), LANG, TZ and its ALE_"
                                    + " variables otherwise"),
                    valued(
                            "cmd-mode",
                            "<mode>",
                            "how a cmd: agent runs: per-attempt (default: a process per session) or persistent"
                                    + " (long-lived processes, one per attempt in flight, each taking tasks as JSON"
                                    + " lines on stdin and answering on stdout; see docs/cli-agents.md)"),
                    valued("retries", "<n>", "run an attempt that ended in ERROR again up to n times (default 2)"),
                    ALLOW_COMMANDS,
                    PYTHON,
                    KEY_FILE));

    static final Usage DEMO = new Usage(
            "demo",
            "[--out <dir>] [--trials <k>] [--parallel <n>]",
            "runs the rule-based sample agent on the starter pack (samples/packs/starter of the repository,"
                    + " or the copy bundled in ale.jar) and prints the summary",
            List.of(valued("out", "<dir>", "run directory (default runs/demo-<UTC time>)"), TRIALS, PARALLEL));

    static final Usage PACK_VALIDATE = new Usage(
            "pack validate",
            "<pack>",
            "opens and validates the pack and verifies every digest",
            List.of(ALLOW_COMMANDS));
    static final Usage PACK_BUILD = new Usage(
            "pack build",
            "<dir> [--out <archive>]",
            "fills in the digests of pack.json, adding task folders it does not list yet",
            List.of(
                    valued("out", "<archive>", "also write the pack as a reproducible .zip, .tar or .tgz"),
                    ALLOW_COMMANDS));
    static final Usage PACK_LIST = new Usage(
            "pack list",
            "<pack> [--select <f>]",
            "lists the tasks with tier, cluster, SOC and sessions",
            List.of(SELECT));
    static final Usage PACK_CHECK = new Usage(
            "pack check",
            "<pack> [--select <f>]",
            "self-check: every solution passes, an empty workspace scores 0, perturbed solutions fall short",
            List.of(SELECT, ALLOW_COMMANDS, PYTHON, KEY_FILE));

    static final Usage REPORT_SHOW =
            new Usage("report show", "<run dir> [--json] [--all]", "shows a run's report", List.of(JSON, ALL));
    static final Usage REPORT_MERGE = new Usage(
            "report merge",
            "<run dir> <run dir>... [--out <dir>] [--json] [--all]",
            "merges the shards of one run",
            List.of(valued("out", "<dir>", "write the merged reports there"), JSON, ALL));
    static final Usage REPORT_COMPARE = new Usage(
            "report compare", "<run dir A> <run dir B>", "compares two runs (paired, task by task)", List.of());

    static final Usage REPORT_EXPORT = new Usage(
            "report export",
            "--format ale <run dir> [--pack <pack>]",
            "writes ALE's result files (run.json, eval_result.json, trajectory.json) for every attempt under"
                    + " <run dir>/ale/",
            List.of(
                    valued("format", "ale", "the format: ale (ALE's runner, ale_run)"),
                    valued("pack", "<pack>", "the run's pack: its instructions go into the trajectories")));

    static final Usage RESCORE = new Usage(
            "rescore",
            "<run dir> --pack <pack> [--json] [--all]",
            "scores the stored artefacts again with the pack's verifiers (report.rescored.json)",
            List.of(
                    valued("pack", "<pack>", "the pack whose verifiers score again"),
                    JSON,
                    ALL,
                    ALLOW_COMMANDS,
                    PYTHON,
                    KEY_FILE));

    static final Usage IMPORT_ALE = new Usage(
            "import ale",
            "<task folder or tasks tree> --data <root> --out <pack dir> [options]",
            "imports ALE task folders (task_card.json, main.py or scripts/) with their data"
                    + " (<root>/<cluster>/<task>/input/, reference/ or reference.7z) as a new pack graded by"
                    + " ALE's own graders; see docs/ale.md",
            List.of(
                    valued("data", "<root>", "the task data: <root>/<cluster>/<task>/ (or its base/ folder)"),
                    valued("out", "<pack dir>", "the pack folder to write (new or empty)"),
                    valued("tiers", "<dir>", "ALE's tier lists (its selected_tasks/full/ folder)"),
                    valued("tier", "<tier>", "the tier of a task on no list (default near-term)"),
                    valued("soc", "<codes>", "SOC 2018 codes for every task, instead of the subfield table's"),
                    valued("name", "<name>", "the pack's name (default ale-tasks)")));

    static final Usage HELP = new Usage("help", "[command]", "prints the usage of ale or of one command", List.of());
    static final Usage VERSION = new Usage("version", "", "prints the SDK version of this build of ale", List.of());

    private Usages() {}

    /** The usages {@code ale help <command>} prints for {@code command}; empty for an unknown one. */
    static List<Usage> of(String command) {
        return switch (command) {
            case "run" -> List.of(RUN);
            case "demo" -> List.of(DEMO);
            case "pack" -> List.of(PACK_VALIDATE, PACK_BUILD, PACK_LIST, PACK_CHECK);
            case "report" -> List.of(REPORT_SHOW, REPORT_MERGE, REPORT_COMPARE, REPORT_EXPORT);
            case "rescore" -> List.of(RESCORE);
            case "import" -> List.of(IMPORT_ALE);
            case "help" -> List.of(HELP);
            case "version" -> List.of(VERSION);
            default -> List.of();
        };
    }
}
