package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/** A judge's answer to one criterion: a score in [0, 1] and its reasons in a few words. */
@API(status = EXPERIMENTAL)
public record JudgeAnswer(double score, String rationale) {
    public JudgeAnswer {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("judge score must be in [0, 1], got " + score);
        }
        rationale = Objects.requireNonNullElse(rationale, "");
    }
}
