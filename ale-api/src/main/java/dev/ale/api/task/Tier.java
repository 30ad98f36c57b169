package dev.ale.api.task;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** ALE's difficulty tiers, from tasks agents are close to doing to those that are the last exam. */
@API(status = STABLE)
public enum Tier {
    NEAR_TERM("near-term"),
    FULL_SPECTRUM("full-spectrum"),
    LAST_EXAM("last-exam");

    private final String id;

    Tier(String id) {
        this.id = id;
    }

    /** The name used in task.json and reports, such as {@code near-term}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Parses a tier id ({@code near-term}, {@code full-spectrum}, {@code last-exam}). */
    @JsonCreator
    public static Tier fromId(String id) {
        for (Tier t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tier '" + id + "', expected one of "
                + Arrays.stream(values()).map(Tier::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
