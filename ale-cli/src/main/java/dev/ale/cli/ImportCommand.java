package dev.ale.cli;

import dev.ale.api.task.Tier;
import dev.ale.taskpack.ale.AleImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** {@code ale import ale <task folder or tree> --data <root> --out <pack dir>}: ALE's tasks as a pack. */
final class ImportCommand {
    private ImportCommand() {}

    static int run(Cli cli, List<String> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).equals("ale")) {
            throw new UsageException("import: expected 'ale' (ale import ale <task folder or tasks tree> --data <root>"
                    + " --out <pack dir>)");
        }
        Args a = Args.parse(Usages.IMPORT_ALE, tokens.subList(1, tokens.size()));
        Path source =
                Path.of(a.positional(1, "one ALE task folder or tasks tree").get(0));
        if (!Files.isDirectory(source)) {
            throw new UsageException("import ale: " + source + " is not a folder");
        }
        Path data = Path.of(a.required("data"));
        if (!Files.isDirectory(data)) {
            throw new UsageException("import ale: --data " + data + " is not a folder");
        }
        AleImport.Builder b = AleImport.builder()
                .data(data)
                .out(Path.of(a.required("out")))
                .listener(line -> cli.out().println(line));
        a.value("tiers").map(Path::of).ifPresent(b::tiers);
        a.value("name").ifPresent(b::name);
        if (a.value("tier").isPresent()) {
            try {
                b.defaultTier(Tier.fromId(a.value("tier").get()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("import ale: --tier: " + e.getMessage());
            }
        }
        a.value("soc")
                .ifPresent(s -> b.soc(Arrays.stream(s.split(","))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .toList()));
        AleImport.Result r = b.build().run(source);
        cli.out().println(r.imported() + " imported, " + r.skipped() + " skipped; wrote " + r.pack());
        return Main.OK;
    }
}
