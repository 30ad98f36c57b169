package dev.ale.api.task;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a task sits in ALE's map of the economy: its industry cluster (such as
 * {@code business_finance}), its subfield (such as {@code accounting}) and the SOC 2018 codes of
 * the occupations that do this work (such as {@code 13-2011}).
 */
@API(status = STABLE)
public record Taxonomy(String cluster, String subfield, List<String> soc) {
    public Taxonomy {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(subfield, "subfield");
        soc = List.copyOf(soc);
    }

    /** The SOC major group of the first occupation code, such as {@code 13} for {@code 13-2011}. */
    public String socMajorGroup() {
        return soc.isEmpty()
                ? ""
                : soc.get(0).substring(0, Math.min(2, soc.get(0).length()));
    }
}
