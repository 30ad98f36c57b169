package dev.ale.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundsTest {
    private static ChildJvm.Outcome child(double seconds, long rssKb) {
        return new ChildJvm.Outcome(
                JsonNodeFactory.instance.objectNode().put("peakRssKb", rssKb), seconds, List.of("-Xint"));
    }

    @Test
    void theMedianRoundGivesTheTimesAndTheHighestPeakTheMemory() {
        ChildJvm.Outcome slow = child(3.5, 100);
        ChildJvm.Outcome middle = child(2.75, 300);
        ChildJvm.Outcome fast = child(2.25, 200);
        Rounds r = Rounds.of(List.of(slow, middle, fast));
        assertSame(middle, r.median());
        assertEquals(2.75, r.medianSeconds());
        assertArrayEquals(new double[] {3.5, 2.75, 2.25}, r.seconds(), "in the order they ran");
        assertEquals(300, r.peakRssKb());
        assertEquals(1.5, r.peakRssKbPer(200), "a fraction of a KB per case is kept");
        assertSame(fast, Rounds.of(List.of(slow, fast)).median(), "the lower middle of an even count");
        assertSame(slow, Rounds.of(List.of(slow)).median());
    }

    @Test
    void thePeersMedianAndPeak() {
        Rounds.Peer p = Rounds.peer(List.of(
                new Peers.Run(31.0, 900_000, 40, ""),
                new Peers.Run(27.0, 950_000, 38, ""),
                new Peers.Run(29.0, 910_000, 39, "")));
        assertEquals(29.0, p.medianSeconds());
        assertArrayEquals(new double[] {31.0, 27.0, 29.0}, p.seconds());
        assertEquals(950_000, p.peakRssKb());
    }

    @Test
    void theMedianCpuOfEachSide() {
        Rounds sdk = Rounds.of(List.of(0.9, 1.3, 1.1).stream()
                .map(cpu -> new ChildJvm.Outcome(
                        JsonNodeFactory.instance.objectNode().put("cpuSeconds", cpu), 1.0, List.of()))
                .toList());
        assertEquals(1.1, sdk.medianCpuSeconds());
        Rounds.Peer peer = Rounds.peer(List.of(new Peers.Run(5, 1, 4.6, ""), new Peers.Run(5, 1, 4.2, "")));
        assertEquals(4.4, peer.medianCpuSeconds(), 1e-12, "the mean of the two middle ones");
    }

    @Test
    void noRoundsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Rounds.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Rounds.peer(List.of()));
    }
}
