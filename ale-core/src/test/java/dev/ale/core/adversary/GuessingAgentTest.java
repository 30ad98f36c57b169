package dev.ale.core.adversary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Harness;
import dev.ale.api.SessionOutcome;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.taskpack.PackOptions;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four trials of one task run at once in in-memory sandboxes with an embedded agent that reads the
 * name of its own file system from {@code workspace().toUri()} and, for as long as its siblings are
 * being scored, opens every file system whose name is one step away from it (Jimfs registers each
 * by name, so {@code Path.of(URI)} reaches any whose name is known): a sibling's workspace or the
 * reference areas. It never reaches one, so it never finds a secret and never passes.
 */
class GuessingAgentTest {
    private static final int TRIALS = 4;
    private static final Pattern NUMBER = Pattern.compile("([0-9a-f]+)$");

    @TempDir
    Path tmp;

    @Test
    void anAgentGuessingItsSiblingsFileSystemNamesReachesNone() throws IOException {
        SecretPack.write(tmp.resolve("pack"), "text", "guess");
        Set<String> reached = ConcurrentHashMap.newKeySet();
        AtomicInteger order = new AtomicInteger();
        Harness guesser = ctx -> {
            String own = ctx.workspace().toUri().getAuthority();
            long until = System.nanoTime()
                    + Duration.ofMillis(400L * order.incrementAndGet()).toNanos();
            String found = null;
            while (found == null && System.nanoTime() < until) {
                for (String name : neighbours(own)) {
                    found = found != null ? found : look(name, own, reached);
                }
                Thread.sleep(10);
            }
            Files.writeString(ctx.workspace().resolve("answer.txt"), found != null ? found : "no idea");
            return SessionOutcome.completed();
        };
        SlowVerifiers verifiers = new SlowVerifiers();
        EvaluationReport report;
        try (TaskPack pack =
                TaskPacks.open(tmp.resolve("pack"), PackOptions.defaults().withVerifiers(verifiers))) {
            report = Evaluator.builder()
                    .tasks(pack)
                    .harnessFactory(() -> guesser)
                    .verifiers(verifiers)
                    .trials(TRIALS)
                    .parallelism(TRIALS)
                    .build()
                    .run();
        }

        verifiers.assertEveryTrialFailedAndScored(report, TRIALS, "guessed");
        assertTrue(reached.isEmpty(), "file systems reached by guessing their names: " + reached);
    }

    /**
     * The names a counter would give next to {@code own}: its trailing number (decimal or hex) a
     * few steps either way.
     */
    private static List<String> neighbours(String own) {
        List<String> names = new ArrayList<>();
        Matcher m = NUMBER.matcher(own);
        if (!m.find()) {
            return names;
        }
        String head = own.substring(0, m.start());
        String digits = m.group(1);
        for (int radix : new int[] {10, 16}) {
            long n;
            try {
                n = Long.parseUnsignedLong(
                        digits.length() > 15 ? digits.substring(digits.length() - 15) : digits, radix);
            } catch (NumberFormatException e) {
                continue;
            }
            String keep = digits.length() > 15 ? digits.substring(0, digits.length() - 15) : "";
            for (long d = -8; d <= 8; d++) {
                if (d != 0 && n + d >= 0) {
                    names.add(head + keep + Long.toString(n + d, radix));
                }
            }
        }
        return names;
    }

    /** A secret in the file system named {@code name}, if that name reaches one; null when none. */
    private static String look(String name, String own, Set<String> reached) {
        if (name.equals(own)) {
            return null;
        }
        Path root;
        try {
            root = Path.of(URI.create("jimfs://" + name + "/"));
        } catch (RuntimeException e) {
            return null; // no such file system: the name was not guessed
        }
        reached.add(name);
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    String text = Files.readString(p, StandardCharsets.ISO_8859_1);
                    if (text.startsWith("secret-guess-")) {
                        return text;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // closed meanwhile
        }
        return null;
    }
}
