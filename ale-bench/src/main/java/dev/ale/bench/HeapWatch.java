package dev.ale.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap: the most heap in use at any moment (sampled every millisecond), and the
 * most heap still in use right after a garbage collection (the live data: what the program really
 * holds), from the collectors' notifications.
 */
final class HeapWatch implements AutoCloseable {
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<Runnable> unregister = new ArrayList<>();
    private final Set<String> heapPools = new HashSet<>();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile boolean running = true;

    /** A watch over the heap pools named {@code heapPools}, not started: nothing is sampled or heard yet. */
    HeapWatch(Set<String> heapPools) {
        this.heapPools.addAll(heapPools);
        sampler = new Thread(
                () -> {
                    while (running) {
                        try {
                            sample();
                        } catch (OutOfMemoryError e) {
                            peakUsed.set(Runtime.getRuntime()
                                    .maxMemory()); // it could not even read the figure: the heap is full
                        }
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "ale-bench-heap-sampler");
        sampler.setDaemon(true);
    }

    /** Starts watching. */
    static HeapWatch start() {
        Set<String> heap = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap.add(pool.getName());
            }
        }
        HeapWatch w = new HeapWatch(heap);
        NotificationListener listener = (Notification n, Object handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                w.afterGc(GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
                        .getGcInfo()
                        .getMemoryUsageAfterGc());
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                w.unregister.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException e) {
                        // already gone: nothing to undo
                    }
                });
            }
        }
        w.sampler.start();
        return w;
    }

    private void sample() {
        peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    /** Notes one collection, given every memory pool's usage right after it. */
    void afterGc(Map<String, MemoryUsage> poolsAfterGc) {
        collections.incrementAndGet();
        peakAfterGc.accumulateAndGet(heapUsed(poolsAfterGc, heapPools), Math::max);
    }

    /** The bytes used in the heap pools of {@code pools} (a collection reports every pool, metaspace and code cache too). */
    static long heapUsed(Map<String, MemoryUsage> pools, Set<String> heapPools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    /** The most heap in use at any sampled moment, in bytes. */
    long peakUsed() {
        sample();
        return peakUsed.get();
    }

    /** The most heap in use right after a collection, in bytes (0 when none ran). */
    long peakAfterGc() {
        return peakAfterGc.get();
    }

    /** How many collections were seen. */
    long collections() {
        return collections.get();
    }

    /** The sum of each heap pool's own peak (an upper bound of the heap's peak), in bytes. */
    static long poolPeakSum() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            unregister.forEach(Runnable::run);
        }
    }
}
