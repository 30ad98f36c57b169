package dev.ale.cli;

import dev.ale.api.Outcome;
import dev.ale.api.spi.VerifierPolicy;
import dev.ale.core.AleResults;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.Reports;
import dev.ale.taskpack.TaskPack;
import dev.ale.verifiers.VerifierRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code ale report show | merge | compare | export} over run directories, and {@code ale rescore}. */
final class ReportCommand {
    private ReportCommand() {}

    static int report(Cli cli, List<String> tokens) throws IOException {
        List<String> rest = Args.afterSubcommand(tokens);
        switch (tokens.isEmpty() ? "" : tokens.get(0)) {
            case "show" -> {
                Args a = Args.parse(Usages.REPORT_SHOW, rest);
                EvaluationReport r = Reports.read(
                        runDirectory(a.positional(1, "one run directory").get(0)));
                show(cli, r, a);
                return r.count(Outcome.ERROR) > 0 ? Main.ERRORS : Main.OK;
            }
            case "merge" -> {
                Args a = Args.parse(Usages.REPORT_MERGE, rest);
                if (a.positional().size() < 2) {
                    throw new UsageException(
                            "report merge: expected two or more run directories (the shards of one run)");
                }
                EvaluationReport r = Reports.merge(
                        a.positional().stream().map(ReportCommand::runDirectory).toArray(Path[]::new));
                show(cli, r, a);
                if (a.value("out").isPresent()) {
                    Path dir = Files.createDirectories(Path.of(a.value("out").get()));
                    cli.out().println("wrote " + r.writeTo(dir));
                }
                return r.count(Outcome.ERROR) > 0 ? Main.ERRORS : Main.OK;
            }
            case "compare" -> {
                Args a = Args.parse(Usages.REPORT_COMPARE, rest);
                List<String> dirs = a.positional(2, "two run directories (A, then B)");
                EvaluationReport ra = Reports.read(runDirectory(dirs.get(0)));
                EvaluationReport rb = Reports.read(runDirectory(dirs.get(1)));
                Summary.comparison(Reports.compare(ra, rb), dirs.get(0), dirs.get(1), cli.out());
                return Main.OK;
            }
            case "export" -> {
                return export(cli, rest);
            }
            default -> throw Args.badSubcommand("report", tokens, "show, merge, compare or export");
        }
    }

    /** The formats {@code ale report export} writes. */
    enum ExportFormat {
        /** ALE's result files: run.json, eval_result.json and trajectory.json per attempt. */
        ALE;

        static ExportFormat parse(String value) {
            for (ExportFormat f : values()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return f;
                }
            }
            throw new UsageException("report export: unknown --format '" + value + "'; expected ale");
        }
    }

    /** {@code ale report export --format ale <run dir> [--pack <pack>]}: ALE's result files for an existing run. */
    private static int export(Cli cli, List<String> tokens) {
        Args a = Args.parse(Usages.REPORT_EXPORT, tokens);
        Path dir = runDirectory(a.positional(1, "one run directory").get(0));
        List<Path> written =
                switch (ExportFormat.parse(a.required("format"))) {
                    case ALE -> aleFiles(cli, dir, a.value("pack"));
                };
        cli.out()
                .println("wrote ALE's result files for " + written.size() + " attempts under "
                        + dir.resolve(AleResults.FOLDER));
        return Main.OK;
    }

    private static List<Path> aleFiles(Cli cli, Path runDirectory, Optional<String> packLocation) {
        if (packLocation.isEmpty()) {
            return AleResults.write(runDirectory, List.of());
        }
        // only the instructions are read: no verifier runs, so a pack of command verifiers opens too
        try (TaskPack pack = cli.open(packLocation.get(), Optional.empty(), new VerifierPolicy(true))) {
            return AleResults.write(runDirectory, pack.tasks());
        }
    }

    static int rescore(Cli cli, List<String> tokens) {
        Args a = Args.parse(Usages.RESCORE, tokens);
        Path dir = runDirectory(a.positional(1, "one run directory").get(0));
        VerifierPolicy policy = Cli.policy(a);
        try (TaskPack pack = cli.open(a.required("pack"), Optional.empty(), policy)) {
            char[] key = Cli.referenceKey(a);
            EvaluationReport r;
            try {
                r = Evaluator.rescore(dir, pack, VerifierRegistry.discover().withPolicy(policy), key, null);
            } finally {
                if (key != null) {
                    Arrays.fill(key, '\0');
                }
            }
            show(cli, r, a);
            cli.out().println();
            cli.out().println("wrote " + dir.resolve("report.rescored.json"));
            return r.count(Outcome.ERROR) > 0 ? Main.ERRORS : Main.OK;
        }
    }

    private static void show(Cli cli, EvaluationReport r, Args a) {
        if (a.flag("json")) {
            cli.out().println(r.toJson());
            return;
        }
        Summary.print(r, cli.out());
        if (a.flag("all")) {
            Summary.attempts(r, cli.out());
        }
    }

    private static Path runDirectory(String location) {
        Path dir = Path.of(location);
        if (!Files.isRegularFile(dir.resolve("run.json"))) {
            throw new UsageException(location + " is not a run directory (it has no run.json)");
        }
        return dir;
    }
}
