package dev.ale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeapWatchTest {
    @Test
    void theLiveHeapIsTheMostHeapInUseRightAfterACollection() {
        // fed the collectors' figures directly: no test may depend on when (or whether) the JVM collects
        try (HeapWatch watch = new HeapWatch(Set.of("G1 Old Gen", "G1 Eden Space"))) {
            assertEquals(0, watch.collections());
            assertEquals(0, watch.peakAfterGc());
            watch.afterGc(Map.of("G1 Old Gen", used(100), "G1 Eden Space", used(10), "Metaspace", used(5_000)));
            watch.afterGc(Map.of("G1 Old Gen", used(60), "G1 Eden Space", used(0)));
            assertEquals(2, watch.collections());
            assertEquals(110, watch.peakAfterGc());
            watch.afterGc(Map.of("G1 Old Gen", used(150)));
            assertEquals(150, watch.peakAfterGc());
        }
    }

    private static MemoryUsage used(long bytes) {
        return new MemoryUsage(0, bytes, bytes, -1);
    }

    @Test
    void theLiveHeapCountsHeapPoolsOnly() {
        Map<String, MemoryUsage> pools = Map.of(
                "G1 Old Gen", new MemoryUsage(0, 100, 200, 300),
                "G1 Eden Space", new MemoryUsage(0, 10, 20, 30),
                "Metaspace", new MemoryUsage(0, 5_000, 6_000, -1));
        assertEquals(110, HeapWatch.heapUsed(pools, Set.of("G1 Old Gen", "G1 Eden Space", "G1 Survivor Space")));
    }
}
