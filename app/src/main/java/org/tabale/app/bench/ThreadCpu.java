package org.tabale.app.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this process by kind of thread, from Linux's {@code /proc/self/task}: the JIT
 * compiler's and the garbage collector's threads included, which {@code ThreadMXBean} does not
 * see. A thread's name there is its Java name cut to 15 characters, enough to tell the kinds the
 * bench runs apart. Where {@code /proc} is absent, nothing is counted.
 */
final class ThreadCpu {

    /** Kinds of thread, by the start of their names as {@code /proc} shows them, first match wins. */
    private static final List<Map.Entry<String, String>> KINDS = List.of(
            Map.entry("tabale-bench-st", "stream thread"),
            Map.entry("tabale-alerts", "alert service"),
            Map.entry("java", "ingest (the bench's main thread)"),
            Map.entry("tabale-ingest", "ingest's index threads"),
            Map.entry("kafka-producer-", "Kafka producers' I/O threads"),
            Map.entry("data-plane-kafk", "broker (request handlers, network)"),
            Map.entry("kafka-log-clean", "broker log cleaner"),
            Map.entry("C2 CompilerThre", "JIT compiler"),
            Map.entry("C1 CompilerThre", "JIT compiler"),
            Map.entry("GC Thread", "garbage collector"),
            Map.entry("G1 ", "garbage collector"),
            Map.entry("rocksdb", "RocksDB background"));
    private static final String OTHER = "other";
    private static final double TICKS_PER_SECOND = 100;

    private ThreadCpu() {
    }

    /** CPU seconds used so far by each thread alive now, by thread id. */
    static Map<String, Sample> snapshot() {
        Map<String, Sample> threads = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return threads;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
            for (Path task : dir) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close);
                    String[] fields = stat.substring(close + 2).split(" ");
                    // utime and stime, fields 14 and 15 of stat, in clock ticks (USER_HZ, 100 on Linux).
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    threads.put(task.getFileName().toString(), new Sample(name, seconds));
                } catch (IOException | RuntimeException e) {
                    // The thread ended while it was read: it is left out.
                }
            }
        } catch (IOException e) {
            return threads;
        }
        return threads;
    }

    /** One thread's name and CPU seconds. */
    record Sample(String name, double seconds) {
    }

    /**
     * CPU seconds each kind of thread used between two snapshots, most first; a thread born
     * between them counts from zero.
     */
    static Map<String, Double> byKind(Map<String, Sample> before, Map<String, Sample> after) {
        Map<String, Double> kinds = new LinkedHashMap<>();
        for (Map.Entry<String, Sample> thread : after.entrySet()) {
            Sample earlier = before.get(thread.getKey());
            double used = thread.getValue().seconds() - (earlier == null ? 0 : earlier.seconds());
            kinds.merge(kind(thread.getValue().name()), used, Double::sum);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        kinds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(kind -> sorted.put(kind.getKey(), Math.round(kind.getValue() * 10) / 10.0));
        return sorted;
    }

    static String kind(String threadName) {
        for (Map.Entry<String, String> kind : KINDS) {
            if (threadName.startsWith(kind.getKey())) {
                return kind.getValue();
            }
        }
        return OTHER;
    }
}
