package dev.ale.api;

import java.util.Objects;

/** A judge's answer to one criterion: a score in [0, 1] and its reasons in a few words. */
public record JudgeAnswer(double score, String rationale) {
    public JudgeAnswer {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("judge score must be in [0, 1], got " + score);
        }
        rationale = Objects.requireNonNullElse(rationale, "");
    }
}
