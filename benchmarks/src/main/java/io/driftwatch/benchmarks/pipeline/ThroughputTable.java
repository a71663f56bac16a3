package io.driftwatch.benchmarks.pipeline;

import java.util.List;

/** The harness's result table; the bare consume+parse rows ({@code ceiling}) are what the others are compared with. */
final class ThroughputTable {

    /**
     * One measured mode.
     *
     * @param jvmCpuSeconds      CPU seconds this JVM spent (job, MiniCluster, consumer, GC, JIT)
     * @param javaCpuSeconds     of which its Java threads (the pipeline's work, without GC and JIT compilation)
     * @param childrenCpuSeconds CPU seconds the Kafka broker and ClickHouse server spent meanwhile
     * @param ceiling            whether this is a bare consume+parse pass (the ratio's denominator)
     */
    record Row(String mode, int parallelism, double seconds, double jvmCpuSeconds, double javaCpuSeconds,
               double childrenCpuSeconds, boolean ceiling) {}

    private ThroughputTable() {}

    /**
     * Columns: events/s = N / wall seconds; per core = events/s / parallelism (slots); per JVM CPU-s = N / CPU
     * seconds of this JVM (broker and ClickHouse excluded, shown separately); per thread CPU-s = N / CPU seconds of
     * its Java threads (no GC, no JIT compiler); ratio = events/s / the fastest bare row's events/s.
     */
    static String render(List<Row> rows, long events) {
        double bare = rows.stream().filter(Row::ceiling)
                .mapToDouble(r -> events / r.seconds()).max()
                .orElseThrow(() -> new IllegalArgumentException("no bare consume+parse row to compare with"));
        StringBuilder out = new StringBuilder(String.format("%-54s %4s %8s %10s %14s %14s %17s %8s %8s %9s %6s%n",
                "mode", "par", "seconds", "events/s", "per core(slot)", "per JVM CPU-s", "per thread CPU-s",
                "JVM CPU", "threads", "kafka+ch", "ratio"));
        for (Row r : rows) {
            double rate = events / r.seconds();
            out.append(String.format("%-54s %4d %8.2f %10.0f %14.0f %14.0f %17.0f %8.1f %8.1f %9.1f %6.2f%n",
                    r.mode(), r.parallelism(), r.seconds(), rate, rate / r.parallelism(), events / r.jvmCpuSeconds(),
                    events / r.javaCpuSeconds(), r.jvmCpuSeconds(), r.javaCpuSeconds(), r.childrenCpuSeconds(),
                    rate / bare));
        }
        return out.toString();
    }
}
