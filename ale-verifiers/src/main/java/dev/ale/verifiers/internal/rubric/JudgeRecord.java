package dev.ale.verifiers.internal.rubric;

import dev.ale.api.spi.Check;
import dev.ale.api.spi.JudgeAnswer;
import dev.ale.api.spi.JudgeRequest;
import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.internal.support.Render;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a judge's answer is recorded in a rubric check and found again: the check's {@code actual}
 * is the rationale followed by {@code [sha256:<fingerprint>]}, the SHA-256 of the request judged
 * (task, criterion, question and every file's path and text). A later scoring of the same
 * attempt finds the check of the same criterion with the same fingerprint in the previous verdict
 * and reuses its score and rationale instead of asking the judge again.
 */
final class JudgeRecord {
    /** The longest rationale kept in a check. */
    static final int RATIONALE_WIDTH = 300;

    private static final Pattern MARK = Pattern.compile("(?s)(.*) \\[sha256:([0-9a-f]{64})\\]");
    private static final byte[] DOMAIN = "ale-judge-request/1".getBytes(StandardCharsets.UTF_8);

    private JudgeRecord() {}

    /** The lower-case hex SHA-256 of a request, over length-prefixed UTF-8 fields with sorted files. */
    static String fingerprint(JudgeRequest r) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        field(md, DOMAIN);
        for (String s : List.of(r.taskId(), r.criterion(), r.question())) {
            field(md, s.getBytes(StandardCharsets.UTF_8));
        }
        for (Map<String, String> files : List.of(r.output(), r.reference())) {
            md.update(ByteBuffer.allocate(Long.BYTES).putLong(files.size()).array());
            for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
                field(md, e.getKey().getBytes(StandardCharsets.UTF_8));
                field(md, e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void field(MessageDigest md, byte[] bytes) {
        md.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
        md.update(bytes);
    }

    /** The check recording an answer to one criterion. */
    static Check check(String criterion, String question, double weight, JudgeAnswer answer, String fingerprint) {
        String rationale = Render.brief(answer.rationale(), RATIONALE_WIDTH);
        return new Check(
                criterion,
                answer.score(),
                weight,
                false,
                answer.score() >= 1,
                Render.brief(question, RATIONALE_WIDTH),
                rationale + " [sha256:" + fingerprint + "]",
                List.of());
    }

    /** The answers recorded anywhere in a previous verdict, by criterion name and fingerprint. */
    static Map<String, JudgeAnswer> recorded(Optional<Verdict> previous) {
        Map<String, JudgeAnswer> out = new TreeMap<>();
        if (previous.isEmpty()) {
            return out;
        }
        List<Check> todo = new ArrayList<>(previous.get().checks());
        while (!todo.isEmpty()) {
            Check c = todo.remove(todo.size() - 1);
            todo.addAll(c.children());
            Matcher m = MARK.matcher(c.actual());
            if (m.matches()) {
                out.putIfAbsent(key(c.name(), m.group(2)), new JudgeAnswer(c.score(), m.group(1)));
            }
        }
        return out;
    }

    /** The key of {@link #recorded}'s map. */
    static String key(String criterion, String fingerprint) {
        return fingerprint + " " + criterion;
    }
}
