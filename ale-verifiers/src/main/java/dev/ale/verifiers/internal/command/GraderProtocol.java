package dev.ale.verifiers.internal.command;

import dev.ale.api.AleException;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.internal.support.Render;
import java.util.List;
import java.util.Optional;

/**
 * What a grader's exit code and report mean, as ALE reads its graders: the score it reports is
 * taken whatever the exit code (ALE's scripts exit 1 below a full score); a grader that exits
 * non-zero without reporting one crashed on the agent's output (ALE's {@code evaluate()} raising on
 * a missing file), which scores 0 with the end of its standard error shown, unless the task says
 * {@code "onCrash": "error"}, which makes it an ERROR. A grader that exits 0 without a score, or
 * reports one that is not valid, is an ERROR: the grader is broken, not the agent.
 */
final class GraderProtocol {
    /** What a crash of the grader means. */
    enum OnCrash {
        /** The agent's failure: score 0, the grader's error in the verdict (ALE's behaviour). */
        ZERO,
        /** An ERROR of the attempt, left out of the rates. */
        ERROR
    }

    /**
     * The report of one run.
     *
     * @param text   what the grader reported (a reward file's text, else its standard output)
     * @param source where the text came from, for messages
     * @param stdout whether the text is standard output (whose last line may hold the result)
     */
    record Report(String text, String source, boolean stdout) {}

    /** How much of the grader's standard error a verdict shows. */
    static final int TAIL = 400;

    private GraderProtocol() {}

    /**
     * The verdict of a grader that exited with {@code exit}.
     *
     * @param program    the grader's program, for messages
     * @param stderrTail the end of its standard error ({@code ""} when empty)
     */
    static Verdict verdict(int exit, Report report, String stderrTail, OnCrash onCrash, String program) {
        if (exit == 0) {
            return GraderResult.parse(report.text(), report.source(), report.stdout());
        }
        Optional<Verdict> reported = GraderResult.find(report.text(), report.source(), report.stdout());
        if (reported.isPresent()) {
            return reported.get();
        }
        String what = "the grader " + Render.quoted(program) + " exited with code " + exit + " without a score";
        String last = lastLine(stderrTail);
        String shown = last.isEmpty() ? "" : ": " + Render.brief(last, TAIL);
        if (onCrash == OnCrash.ERROR) {
            throw new AleException(
                    "", "", what + shown + (stderrTail.isEmpty() ? "" : "; stderr ends: " + ending(stderrTail)));
        }
        Check crash = Check.gate(
                "grader",
                "a score",
                "exit code " + exit + (stderrTail.isEmpty() ? "" : ", stderr ends: " + ending(stderrTail)));
        return Verdict.gateFailed(
                what + " (scored 0, as ALE scores a grader that fails on the output)" + shown, List.of(crash));
    }

    /** The last non-blank line of {@code text} ({@code ""} when there is none): a traceback's exception. */
    static String lastLine(String text) {
        String[] lines = text.strip().split("\r\n|\r|\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }

    /** The end of {@code text}, at most {@value #TAIL} characters, cut at its start. */
    static String ending(String text) {
        String t = text.strip();
        return t.length() <= TAIL ? t : "…" + t.substring(t.length() - TAIL);
    }
}
