package dev.ale.bench;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * What every figure records about where it was measured: Java, cores, heap, collector, operating
 * system, and the load average when the figure was taken (other work on the machine skews timings).
 */
final class Machine {
    private Machine() {}

    /** Java version and VM, available cores, maximum heap, collectors, OS and load, as figure parameters. */
    static Map<String, Object> parameters() {
        return Figure.params()
                .put("java", System.getProperty("java.version"))
                .put("vm", System.getProperty("java.vm.name"))
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20)
                .put("gc", collectors())
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"))
                .put(
                        "loadAverage1m",
                        Timing.round(
                                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 3))
                .map();
    }

    /** The names of the JVM's garbage collectors, joined with {@code +}. */
    static String collectors() {
        return String.join(
                "+",
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(b -> b.getName())
                        .toList());
    }
}
