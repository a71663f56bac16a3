package io.driftwatch.benchmarks.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPU seconds the JVM's Java threads spent during a timed section: the pipeline's own work (task threads, Kafka
 * fetchers, sink writers, the MiniCluster's runtime), without what the JVM spends beside them (GC, JIT compiler
 * and VM threads, which {@link ThreadMXBean} does not list). A sampler reads every live thread's CPU time every
 * {@value #PERIOD_MILLIS} ms; threads born during the section count from zero, and a thread that ends between
 * two samples loses at most one period of CPU (an underestimate only for short-lived threads).
 */
final class JavaThreadCpu implements AutoCloseable {

    static final long PERIOD_MILLIS = 50;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> atStart = new HashMap<>();
    private final Map<Long, Long> latest = new HashMap<>();
    /** Thread names by id, read when a thread is first seen (only a breakdown needs them). */
    private final Map<Long, String> names = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private JavaThreadCpu() {
        if (!threads.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM does not report per-thread CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
        sampler = new Thread(this::sampleUntilClosed, "java-thread-cpu-sampler");
        sampler.setDaemon(true);
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu >= 0) {
                atStart.put(id, cpu);
                latest.put(id, cpu);
            }
        }
    }

    /** Starts sampling now. */
    static JavaThreadCpu start() {
        JavaThreadCpu cpu = new JavaThreadCpu();
        cpu.sampler.start();
        return cpu;
    }

    private void sampleUntilClosed() {
        while (running) {
            sample();
            try {
                Thread.sleep(PERIOD_MILLIS); // a sampling period, not a wait for a condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void sample() {
        long self = sampler.getId();
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu >= 0 && id != self) {
                latest.put(id, cpu);
                if (!names.containsKey(id)) {
                    ThreadInfo info = threads.getThreadInfo(id);
                    names.put(id, info == null ? "thread " + id : info.getThreadName());
                }
            }
        }
    }

    /** Stops sampling; see {@link #seconds()}. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        sample();
    }

    /** CPU seconds of Java threads between {@link #start()} and {@link #close()}. */
    synchronized double seconds() {
        long nanos = 0;
        Set<Map.Entry<Long, Long>> entries = latest.entrySet();
        for (Map.Entry<Long, Long> e : entries) {
            nanos += e.getValue() - atStart.getOrDefault(e.getKey(), 0L);
        }
        return nanos / 1e9;
    }

    /**
     * CPU seconds per thread name (digits folded, so the subtasks of one operator add up), largest first, at
     * most {@code limit}: where a section's thread CPU went.
     */
    synchronized List<Map.Entry<String, Double>> breakdown(int limit) {
        Map<String, Double> byName = new HashMap<>();
        for (Map.Entry<Long, Long> e : latest.entrySet()) {
            String name = names.getOrDefault(e.getKey(), "thread " + e.getKey()).replaceAll("\\d+", "N");
            byName.merge(name, (e.getValue() - atStart.getOrDefault(e.getKey(), 0L)) / 1e9, Double::sum);
        }
        return byName.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(limit).toList();
    }
}
