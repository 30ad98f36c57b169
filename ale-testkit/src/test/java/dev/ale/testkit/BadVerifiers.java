package dev.ale.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierFactory;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deliberately bad verifiers, each breaking one rule of the contract, and the contract subclasses
 * that apply it to them. Not test classes themselves: {@link ContractCatchesBadVerifiersTest}
 * runs their contract methods and expects them to fail.
 */
final class BadVerifiers {
    private BadVerifiers() {}

    /** A contract over one factory with one sample: {@code "file": "memo.txt"} holding "approved". */
    static class Over extends VerifierContract {
        private final VerifierFactory factory;

        Over(VerifierFactory factory) {
            this.factory = factory;
        }

        @Override
        protected VerifierFactory factory() {
            return factory;
        }

        @Override
        protected List<Sample> samples() {
            return List.of(Sample.of("memo", "{\"type\": \"" + factory.type() + "\", \"file\": \"memo.txt\"}")
                    .output("memo.txt", "approved")
                    .output("sub/detail.txt", "approved"));
        }
    }

    /** A factory of {@code acme.<name>} whose config takes only {@code file}, strictly, and whose verifier is given. */
    static VerifierFactory factory(String name, Verifier verifier) {
        return new VerifierFactory() {
            @Override
            public String type() {
                return "acme." + name;
            }

            @Override
            public Verifier create(JsonNode config, VerifierFactories nested) {
                config.fieldNames().forEachRemaining(n -> {
                    if (!n.equals("type") && !n.equals("file")) {
                        throw new VerifierConfigException("/" + n, "unknown option '" + n + "'");
                    }
                });
                if (!config.path("file").isTextual()) {
                    throw new VerifierConfigException("/file", "must be a string");
                }
                return verifier;
            }
        };
    }

    /** Scores 1.5 whenever the file says "approved". */
    static final Verifier OVER_ONE = ctx -> {
        Path f = ctx.output().resolve("memo.txt");
        boolean ok = Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                && Files.readString(f).contains("approved");
        return Verdict.of(ok ? 1.5 : 0, "memo", List.of());
    };

    /** Reads memo.txt following links, and repeats what it read. */
    static final Verifier FOLLOWS_LINKS = ctx -> {
        Path f = ctx.output().resolve("memo.txt");
        if (!Files.exists(f)) {
            return Verdict.of(0, "missing", List.of());
        }
        String text = Files.readString(f);
        return Verdict.of(text.contains("approved") ? 1 : 0, "read: " + text, List.of());
    };

    /** Refuses a link only at the last step, so a linked directory still leads it out. */
    static final Verifier FOLLOWS_LINKED_DIRECTORIES = ctx -> {
        Path f = ctx.output().resolve("sub").resolve("detail.txt");
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            return Verdict.of(0, "missing", List.of());
        }
        return Verdict.of(Files.readString(f).contains("approved") ? 1 : 0, "detail", List.of());
    };

    /** Peeks at the directory around its roots. */
    static final Verifier LOOKS_AROUND = ctx -> {
        try (var s = Files.list(ctx.output().getParent())) {
            return Verdict.of(s.count() > 0 ? 1 : 0, "looked around", List.of());
        }
    };

    /** A different score every time. */
    static Verifier drifting() {
        AtomicInteger calls = new AtomicInteger();
        return ctx -> Verdict.of(calls.incrementAndGet() % 2 == 0 ? 1 : 0.5, "drifting", List.of());
    }

    /** Throws when the file is missing instead of failing a gate. */
    static final Verifier THROWS_ON_EMPTY = ctx -> {
        String text = Files.readString(ctx.output().resolve("memo.txt"));
        return Verdict.of(text.contains("approved") ? 1 : 0, "memo", List.of(Check.pass("memo", "approved", "found")));
    };

    /** A factory that accepts anything but crashes on a non-text file option and ignores unknown options. */
    static final VerifierFactory SLOPPY = new VerifierFactory() {
        @Override
        public String type() {
            return "acme.sloppy";
        }

        @Override
        public Verifier create(JsonNode config, VerifierFactories nested) {
            String file = config.get("file").textValue().trim();
            return ctx -> Verdict.of(file.isEmpty() ? 0 : 1, "sloppy", List.of());
        }
    };
}
