package org.tabale.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void shouldSumEachKindBetweenTwoSnapshotsCountingNewThreadsFromZero() {
        Map<String, ThreadCpu.Sample> before = Map.of(
                "11", new ThreadCpu.Sample("tabale-bench-st", 2.0),
                "12", new ThreadCpu.Sample("C2 CompilerThre", 10.0),
                "13", new ThreadCpu.Sample("java", 30.0));
        Map<String, ThreadCpu.Sample> after = Map.of(
                "11", new ThreadCpu.Sample("tabale-bench-st", 66.0),
                "12", new ThreadCpu.Sample("C2 CompilerThre", 40.0),
                "14", new ThreadCpu.Sample("C1 CompilerThre", 5.5),
                "13", new ThreadCpu.Sample("java", 65.0),
                "15", new ThreadCpu.Sample("Signal Dispatch", 0.1));

        Map<String, Double> kinds = ThreadCpu.byKind(before, after);

        assertThat(kinds).containsExactly(Map.entry("stream thread", 64.0), Map.entry("JIT compiler", 35.5),
                Map.entry("ingest (the bench's main thread)", 35.0), Map.entry("other", 0.1));
    }

    @Test
    void shouldSeeThisProcessesThreadsWhereLinuxShowsThem() {
        Map<String, ThreadCpu.Sample> now = ThreadCpu.snapshot();

        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
            assertThat(now).isNotEmpty();
            assertThat(now.values()).allSatisfy(sample -> assertThat(sample.seconds()).isNotNegative());
        } else {
            assertThat(now).isEmpty();
        }
    }
}
