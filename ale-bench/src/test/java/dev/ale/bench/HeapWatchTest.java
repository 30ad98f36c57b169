package dev.ale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeapWatchTest {
    @Test
    void seesTheHeapInUseAndTheLiveHeapAfterACollection() throws Exception {
        try (HeapWatch watch = HeapWatch.start()) {
            byte[][] held = new byte[16][];
            for (int i = 0; i < held.length; i++) {
                held[i] = new byte[1 << 20];
            }
            System.gc();
            for (int i = 0; i < 500 && watch.collections() == 0; i++) {
                Thread.sleep(10); // notifications arrive on another thread
            }
            assertTrue(watch.peakUsed() >= 16L << 20, "peak used " + watch.peakUsed());
            assertTrue(watch.collections() > 0, "a collection was seen");
            assertTrue(
                    watch.peakAfterGc() >= 16L << 20, "the 16 MiB held survive the collection: " + watch.peakAfterGc());
            assertTrue(HeapWatch.poolPeakSum() >= watch.peakAfterGc());
            assertTrue(held[15].length > 0);
        }
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
