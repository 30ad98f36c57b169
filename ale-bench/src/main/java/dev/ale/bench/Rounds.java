package dev.ale.bench;

import java.util.Comparator;
import java.util.List;

/**
 * The rounds of one side of a whole-process comparison (the SDK's child JVMs, or the peer's runs),
 * taken in turn with the other side's: each round's wall time, the round of median time, and the
 * highest peak resident memory of them all.
 */
record Rounds(List<ChildJvm.Outcome> outcomes) {
    static final String STATISTIC =
            "median of the rounds; in each round the child, the peer and the child with the archive in turn";

    Rounds {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("no rounds");
        }
        outcomes = List.copyOf(outcomes);
    }

    static Rounds of(List<ChildJvm.Outcome> outcomes) {
        return new Rounds(outcomes);
    }

    /** The round of median wall time (the lower of the two middle ones for an even count). */
    ChildJvm.Outcome median() {
        return outcomes.stream()
                .sorted(Comparator.comparingDouble(ChildJvm.Outcome::wallSeconds))
                .toList()
                .get((outcomes.size() - 1) / 2);
    }

    double medianSeconds() {
        return median().wallSeconds();
    }

    /** The median of the rounds' CPU seconds, as each child reported them ({@code cpuSeconds}). */
    double medianCpuSeconds() {
        return Timing.median(outcomes.stream()
                .mapToDouble(o -> o.report().path("cpuSeconds").asDouble())
                .toArray());
    }

    /** Each round's wall seconds, in the order they ran, to 4 digits. */
    double[] seconds() {
        return Timing.rounded(
                outcomes.stream().mapToDouble(ChildJvm.Outcome::wallSeconds).toArray());
    }

    /** The highest peak resident memory of the rounds, in KB. */
    long peakRssKb() {
        return outcomes.stream()
                .mapToLong(o -> o.report().path("peakRssKb").asLong())
                .max()
                .orElseThrow();
    }

    /** {@link #peakRssKb} shared out over {@code cases}, in KB per case. */
    double peakRssKbPer(int cases) {
        return (double) peakRssKb() / cases;
    }

    static Peer peer(List<Peers.Run> runs) {
        return new Peer(runs);
    }

    /** The peer's rounds. */
    record Peer(List<Peers.Run> runs) {
        Peer {
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("no rounds of the peer");
            }
            runs = List.copyOf(runs);
        }

        double medianSeconds() {
            return Timing.median(
                    runs.stream().mapToDouble(Peers.Run::wallSeconds).toArray());
        }

        double medianCpuSeconds() {
            return Timing.median(
                    runs.stream().mapToDouble(Peers.Run::cpuSeconds).toArray());
        }

        double[] seconds() {
            return Timing.rounded(
                    runs.stream().mapToDouble(Peers.Run::wallSeconds).toArray());
        }

        long peakRssKb() {
            return runs.stream().mapToLong(Peers.Run::peakRssKb).max().orElseThrow();
        }
    }
}
