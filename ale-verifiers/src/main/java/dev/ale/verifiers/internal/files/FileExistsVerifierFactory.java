package dev.ale.verifiers.internal.files;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.verifiers.internal.support.FileVerifier;
import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.OptionsFactory;
import dev.ale.verifiers.internal.support.RelPath;
import dev.ale.verifiers.internal.support.SafeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The {@code file-exists} verifier: are the named output files there?
 *
 * <pre>{"type": "file-exists", "paths": ["report.md", "out/summary.csv"], "nonEmpty": true}</pre>
 * <ul>
 * <li>{@code paths}: a path or a non-empty array of paths (or {@code path}: one path), relative to
 *     the output; a path may name a regular file or a directory.</li>
 * <li>{@code nonEmpty} (default false): a file must hold at least one byte, a directory at least
 *     one entry.</li>
 * </ul>
 * Score = present / listed. A path that is a symbolic link or leaves the output is a failed gate.
 */
@API(status = INTERNAL)
public final class FileExistsVerifierFactory extends OptionsFactory {
    public FileExistsVerifierFactory() {
        super("file-exists", "paths", "path", "nonEmpty");
    }

    @Override
    protected Verifier build(Options o, VerifierFactories nested) {
        String key = o.exactlyOne("paths", "path");
        List<RelPath> paths = key.equals("path") ? List.of(o.path("path")) : o.paths("paths");
        return new FileExists(paths, o.bool("nonEmpty", false));
    }

    /** The verifier; immutable. */
    record FileExists(List<RelPath> paths, boolean nonEmpty) implements FileVerifier {
        FileExists {
            paths = List.copyOf(paths);
        }

        @Override
        public Verdict score(VerificationContext ctx) throws GateFailure, IOException {
            String wanted = nonEmpty ? "present, not empty" : "present";
            List<Check> checks = new ArrayList<>();
            int present = 0;
            for (RelPath p : paths) {
                SafeFiles.Found f = SafeFiles.find(ctx.output(), p);
                String actual =
                        switch (f.kind()) {
                            case REFUSED -> throw new GateFailure(p.value(), wanted, f.problem());
                            case MISSING -> f.problem();
                            case FILE -> !nonEmpty || f.size() > 0 ? "" : "empty file";
                            case DIRECTORY -> !nonEmpty || hasEntries(f.path()) ? "" : "empty directory";
                        };
                if (actual.isEmpty()) {
                    present++;
                    checks.add(Check.pass(
                            p.value(), wanted, f.kind() == SafeFiles.Kind.FILE ? f.size() + " bytes" : "directory"));
                } else {
                    checks.add(Check.fail(p.value(), wanted, actual));
                }
            }
            return FileVerifier.fraction(present, paths.size(), "paths present", checks);
        }

        private static boolean hasEntries(Path dir) throws IOException {
            try (Stream<Path> s = Files.list(dir)) {
                return s.findAny().isPresent();
            }
        }
    }
}
