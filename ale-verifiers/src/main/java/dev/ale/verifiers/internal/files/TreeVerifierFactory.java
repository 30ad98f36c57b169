package dev.ale.verifiers.internal.files;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.verifiers.internal.support.Count;
import dev.ale.verifiers.internal.support.FileVerifier;
import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.Glob;
import dev.ale.verifiers.internal.support.Items;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.OptionsFactory;
import dev.ale.verifiers.internal.support.Render;
import dev.ale.verifiers.internal.support.WeightedScore;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The {@code tree} verifier: how many output files match path patterns.
 *
 * <pre>{"type": "tree", "glob": "reports/*.pdf", "min": 3, "max": 10}
 * {"type": "tree", "nonEmpty": true, "globs": ["README.md", {"glob": "reports/*.pdf", "min": 3, "weight": 2},
 *   {"glob": "**&#47;*.tmp", "max": 0}]}</pre>
 * A rule is a {@link Glob} (relative to the output) with a {@link Count} (default: at least 1), an
 * optional {@code nonEmpty} (only files of at least one byte count; the top-level value is the
 * default) and {@code weight}. Only regular files count; symbolic links are neither counted nor
 * followed, and nothing deeper than {@value #MAX_DEPTH} levels is visited. Score = sum of the
 * weights of satisfied rules / sum of all weights. More than {@value #MAX_ENTRIES} entries in the
 * visited part of the output is a failed gate.
 */
@API(status = INTERNAL)
public final class TreeVerifierFactory extends OptionsFactory {
    private static final String[] OPTIONS = {"glob", "globs", "min", "max", "exactly", "nonEmpty"};
    static final int MAX_DEPTH = 256;
    static final long MAX_ENTRIES = 1_000_000;

    public TreeVerifierFactory() {
        super("tree", OPTIONS);
    }

    @Override
    protected Verifier build(Options o, VerifierFactories nested) {
        boolean nonEmpty = o.bool("nonEmpty", false);
        List<Rule> rules = new ArrayList<>();
        if (o.exactlyOne("glob", "globs").equals("glob")) {
            rules.add(new Rule(Glob.parse(o.string("glob"), o.pointer("glob"), false), Count.read(o, 1), nonEmpty, 1));
        } else {
            for (String name : List.of("min", "max", "exactly")) {
                if (o.has(name)) {
                    throw o.error(name, "with 'globs', each item carries its own '" + name + "'");
                }
            }
            for (Items i : Items.read(o, "globs", "glob", "min", "max", "exactly", "nonEmpty", "weight")) {
                String at = i.opts() == null ? i.at() : i.at() + "/glob";
                rules.add(new Rule(
                        Glob.parse(i.value(), at, false),
                        i.count(),
                        i.opts() == null ? nonEmpty : i.opts().bool("nonEmpty", nonEmpty),
                        i.weight()));
            }
        }
        return new Tree(rules, MAX_ENTRIES);
    }

    /** One pattern and how many files it must match. */
    record Rule(Glob glob, Count count, boolean nonEmpty, double weight) {
        /** Whether files under the directory {@code dir} (segments) could match. */
        boolean reaches(List<String> dir) {
            int n = Math.min(dir.size(), glob.base().size());
            return dir.subList(0, n).equals(glob.base().subList(0, n));
        }
    }

    /** The verifier; immutable. {@code maxEntries} is {@link #MAX_ENTRIES} except in tests. */
    record Tree(List<Rule> rules, long maxEntries) implements FileVerifier {
        Tree {
            rules = List.copyOf(rules);
        }

        @Override
        public Verdict score(VerificationContext ctx) throws GateFailure, IOException {
            Walk walk = new Walk(ctx.output(), rules, maxEntries);
            Files.walkFileTree(ctx.output(), EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, walk);
            if (walk.visited > maxEntries) {
                throw new GateFailure(
                        "(output)", "at most " + maxEntries + " entries", "more than " + maxEntries + " entries");
            }
            WeightedScore tally = new WeightedScore();
            for (int r = 0; r < rules.size(); r++) {
                Rule rule = rules.get(r);
                String unit = rule.nonEmpty() ? "non-empty files" : "files";
                long n = walk.counts[r];
                String actual = n
                        + (n == 1 ? " file" : " files")
                        + (n == 0 ? "" : ": " + Render.some(List.copyOf(walk.examples.get(r)), n));
                tally.add(
                        rule.count().test(n),
                        "glob " + Render.quoted(rule.glob().text()),
                        rule.weight(),
                        rule.count().describe(unit),
                        Render.brief(actual, 2 * Render.WIDTH));
            }
            return tally.verdict("file patterns satisfied");
        }
    }

    /** One walk of the output counting every rule's matches; links are not followed or counted. */
    private static final class Walk extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<Rule> rules;
        private final long[] counts;
        private final List<TreeSet<String>> examples = new ArrayList<>();
        private final long maxEntries;
        private long visited;

        Walk(Path root, List<Rule> rules, long maxEntries) {
            this.root = root;
            this.rules = rules;
            this.maxEntries = maxEntries;
            this.counts = new long[rules.size()];
            rules.forEach(r -> examples.add(new TreeSet<>()));
        }

        private List<String> segments(Path p) {
            List<String> out = new ArrayList<>();
            root.relativize(p).forEach(n -> out.add(n.toString()));
            return out;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (++visited > maxEntries) {
                return FileVisitResult.TERMINATE;
            }
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            List<String> d = segments(dir);
            return rules.stream().anyMatch(r -> r.reaches(d)) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (++visited > maxEntries) {
                return FileVisitResult.TERMINATE;
            }
            if (!attrs.isRegularFile() || attrs.isSymbolicLink()) {
                return FileVisitResult.CONTINUE;
            }
            String rel = String.join("/", segments(file));
            for (int r = 0; r < rules.size(); r++) {
                Rule rule = rules.get(r);
                if ((!rule.nonEmpty() || attrs.size() > 0) && rule.glob().matches(rel)) {
                    counts[r]++;
                    TreeSet<String> ex = examples.get(r);
                    ex.add(rel);
                    if (ex.size() > 5) {
                        ex.pollLast();
                    }
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
        }
    }
}
