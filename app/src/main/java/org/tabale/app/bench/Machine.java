package org.tabale.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine a run was measured on, so that figures are never read without it.
 *
 * @param cores        processors available to the JVM
 * @param memoryBytes  physical memory
 * @param maxHeapBytes the JVM's heap limit
 * @param cpu          the processor model, where {@code /proc/cpuinfo} tells it
 * @param jdk          vendor and runtime version
 * @param os           name, version and architecture
 */
public record Machine(int cores, long memoryBytes, long maxHeapBytes, String cpu, String jdk, String os) {

    public static Machine current() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new Machine(Runtime.getRuntime().availableProcessors(), memory, Runtime.getRuntime().maxMemory(),
                cpuModel().orElse("unknown"),
                System.getProperty("java.runtime.name") + " " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** CPU time this process has used so far, all threads (the broker's included), in seconds; -1 if unknown. */
    public static double processCpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : -1;
    }

    /** The one-minute load average of the whole machine (other processes included); -1 if unknown. */
    public static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }

    /** One line for the Markdown file. */
    public String describe() {
        return String.format("%d cores (%s), %.1f GiB memory, JVM heap limit %.1f GiB, %s, %s", cores, cpu,
                memoryBytes / (double) (1L << 30), maxHeapBytes / (double) (1L << 30), jdk, os);
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
