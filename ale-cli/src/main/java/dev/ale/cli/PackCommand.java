package dev.ale.cli;

import dev.ale.api.spi.VerifierPolicy;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskSpec;
import dev.ale.core.PackCheck;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPackWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code ale pack validate | build | list | check}: work on a pack without running any harness. */
final class PackCommand {
    private PackCommand() {}

    static int run(Cli cli, List<String> tokens) throws IOException {
        List<String> rest = Args.afterSubcommand(tokens);
        return switch (tokens.isEmpty() ? "" : tokens.get(0)) {
            case "validate" -> validate(cli, Args.parse(Usages.PACK_VALIDATE, rest));
            case "build" -> build(cli, Args.parse(Usages.PACK_BUILD, rest));
            case "list" -> list(cli, Args.parse(Usages.PACK_LIST, rest));
            case "check" -> check(cli, Args.parse(Usages.PACK_CHECK, rest));
            default -> throw Args.badSubcommand("pack", tokens, "validate, build, list or check");
        };
    }

    /** Opens the pack (manifest, every task.json and verifier configuration) and checks every task against its digest. */
    private static int validate(Cli cli, Args a) {
        String location = a.positional(1, "one pack").get(0);
        try (TaskPack pack = cli.open(location, Optional.empty(), Cli.policy(a))) {
            pack.verify();
            cli.out()
                    .println(pack.ref().name() + " " + pack.ref().version() + ": valid, "
                            + pack.tasks().size()
                            + (pack.tasks().size() == 1 ? " task" : " tasks") + ", digests verified, pack digest "
                            + pack.ref().digest()
                            + (pack.warnings().isEmpty()
                                    ? ""
                                    : ", " + pack.warnings().size()
                                            + (pack.warnings().size() == 1 ? " warning" : " warnings")));
            return Main.OK;
        }
    }

    /** Fills in the digests of a pack directory and, with {@code --out}, writes it as a reproducible archive. */
    private static int build(Cli cli, Args a) {
        Path dir = Path.of(a.positional(1, "one pack directory").get(0));
        if (!Files.isDirectory(dir)) {
            throw new UsageException("pack build: " + dir + " is not a directory (build works on a pack's folder)");
        }
        VerifierPolicy policy = Cli.policy(a);
        String digest = TaskPackWriter.updateDigests(dir, policy);
        cli.out().println("digests updated in " + dir.resolve("pack.json") + ", pack digest " + digest);
        if (a.value("out").isPresent()) {
            Path target = Path.of(a.value("out").get());
            TaskPackWriter.write(dir, target, policy);
            cli.out().println("wrote " + target);
        }
        return Main.OK;
    }

    /** One line per task: id, tier, cluster, SOC codes, sessions, title. */
    private static int list(Cli cli, Args a) {
        String location = a.positional(1, "one pack").get(0);
        try (TaskPack pack = cli.open(location, a.value("select"))) {
            cli.out()
                    .println(String.format(
                            Locale.ROOT,
                            "%-32s %-14s %-24s %-22s %8s  %s",
                            "task",
                            "tier",
                            "cluster",
                            "soc",
                            "sessions",
                            "title"));
            for (Task t : pack.tasks()) {
                TaskSpec s = t.spec();
                cli.out()
                        .println(String.format(
                                Locale.ROOT,
                                "%-32s %-14s %-24s %-22s %8d  %s",
                                s.id(),
                                s.tier(),
                                s.taxonomy().cluster(),
                                String.join(",", s.taxonomy().soc()),
                                s.sessions().size(),
                                s.title()));
            }
            cli.out()
                    .println(pack.tasks().size() + (pack.tasks().size() == 1 ? " task" : " tasks") + " of "
                            + pack.ref().name() + " " + pack.ref().version());
            return Main.OK;
        }
    }

    /** The self-check of {@link PackCheck}, task by task; exit 1 when a task is not sound. */
    private static int check(Cli cli, Args a) {
        String location = a.positional(1, "one pack").get(0);
        VerifierPolicy policy = Cli.policy(a);
        try (TaskPack pack = cli.open(location, a.value("select"), policy)) {
            char[] key = Cli.referenceKey(a);
            if (key == null && System.getenv("ALE_REFERENCE_KEY") != null) {
                key = System.getenv("ALE_REFERENCE_KEY").toCharArray();
            }
            List<PackCheck.Result> results;
            try {
                results = PackCheck.run(pack, policy, key);
            } finally {
                if (key != null) {
                    Arrays.fill(key, '\0');
                }
            }
            int sound = 0;
            for (PackCheck.Result r : results) {
                if (r.sound()) {
                    sound++;
                    cli.out().println("ok    " + r.taskId());
                } else {
                    cli.out()
                            .println("FAIL  " + r.taskId() + ": "
                                    + String.join(
                                            ", ",
                                            r.failed().stream()
                                                    .map(k -> k.name().toLowerCase(Locale.ROOT))
                                                    .toList()));
                }
                for (PackCheck.Probe p : r.probes()) {
                    if (!p.ok() || cli.verbose()) {
                        cli.out()
                                .println(String.format(
                                        Locale.ROOT,
                                        "      %-4s %-12s %-8s %s%s",
                                        p.ok() ? "ok" : "FAIL",
                                        p.kind().name().toLowerCase(Locale.ROOT),
                                        Double.isNaN(p.score()) ? "-" : String.format(Locale.ROOT, "%.3f", p.score()),
                                        p.what(),
                                        explain(p)));
                    }
                }
            }
            cli.out()
                    .println(
                            sound + " of " + results.size() + " tasks sound (solution passes, empty workspace scores 0,"
                                    + " perturbed solutions fall short)");
            return sound == results.size() ? Main.OK : Main.BELOW;
        }
    }

    private static String explain(PackCheck.Probe p) {
        if (p.ok()) {
            return "";
        }
        String why =
                switch (p.kind()) {
                    case SOLUTION -> "should be a full pass";
                    case EMPTY -> "should score 0";
                    case PERTURBATION -> "should fall short of a full pass";
                };
        return ": " + why + (p.detail().isEmpty() ? "" : " (" + p.detail().replaceAll("\\s+", " ") + ")");
    }
}
