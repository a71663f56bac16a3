package io.driftwatch.benchmarks.pipeline;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * CPU seconds used by this JVM (the harness, the MiniCluster and the job) and, separately, by the embedded
 * Kafka broker and ClickHouse server child processes, so throughput can be stated per CPU-second actually spent.
 */
final class CpuClock {

    private final List<Optional<ProcessHandle>> children;

    CpuClock(List<Optional<ProcessHandle>> children) {
        this.children = List.copyOf(children);
    }

    /** CPU seconds of this JVM so far. */
    double jvmSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        throw new IllegalStateException("this JVM does not report its process CPU time");
    }

    /** CPU seconds of the broker and ClickHouse children so far (0 for a child that does not report it). */
    double childrenSeconds() {
        return children.stream().flatMap(Optional::stream)
                .map(h -> h.info().totalCpuDuration().orElse(Duration.ZERO))
                .mapToDouble(d -> d.toNanos() / 1e9).sum();
    }
}
