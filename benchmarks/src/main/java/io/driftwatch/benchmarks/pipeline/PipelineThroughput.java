package io.driftwatch.benchmarks.pipeline;

import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.localstack.kafka.EmbeddedKafka;
import io.driftwatch.schemas.migrate.Migrator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * End-to-end throughput of the Driftwatch job against the bare consume-and-parse ceiling, in one JVM run:
 * embedded Kafka and ClickHouse, N synthetic predictions (20 features) in a 4-partition topic, then
 * (a) a single-thread {@code KafkaConsumer} + {@code EventParser} pass, (b) the whole job (bounded source,
 * rolling baselines, real ClickHouse sinks) on a local MiniCluster per parallelism, each checked against the
 * {@code volume} table, (c) a parse-only Flink topology at parallelism 1 showing where the time goes, and
 * (a) again, warm, parsing into the record and into the job's reused flat fields. Ratios are to the fastest
 * bare pass.
 *
 * <p>Usage: {@code PipelineThroughput [--events N] [--models 2] [--parallelism 1,2] [--bundle-events 1000,1]
 * [--warmup-runs 2] [--state-backend hashmap|rocksdb]} ({@code --models M}: M models x 3 segments keyed series;
 * every bundle size at every parallelism, after unmeasured warm-up job runs);
 * see scripts/run-pipeline-throughput.sh.
 */
public final class PipelineThroughput {

    static final long DEFAULT_EVENTS = 500_000;
    static final List<Integer> DEFAULT_PARALLELISM = List.of(1, 2);
    /** The job's default {@code windows.bundle_events}; add 1 to also measure the job without bundling. */
    static final List<Integer> DEFAULT_BUNDLE_EVENTS = List.of(1_000);
    /**
     * Unmeasured full-job runs before the measured ones, so the first measured job does not pay the JIT warm-up
     * alone (on a loaded 2-core machine C2 compiles slowly; the first job of a JVM used ~2x the CPU of later ones).
     * After one warm-up the first measured job still spent 5-7.5 s of CPU outside Java threads (JIT compiling),
     * after two 3.4-4 s, as the later ones do: two measure the steady state a long-running job is in.
     */
    static final int DEFAULT_WARMUP_RUNS = 2;
    static final int PARTITIONS = 4;
    /** {@code -Dpipeline.threads=true}: print each section's busiest threads (PIPELINE_THREADS=1 in the script). */
    private static final String THREAD_BREAKDOWN_PROPERTY = "pipeline.threads";
    private static final int THREADS_SHOWN = 8;
    private static final String TOPIC = "bench-predictions";
    private static final String DEAD_LETTER_TOPIC = "bench-dead-letters";
    private static final String WINDOW_SIZE = "1m";
    private static final long WINDOW_MILLIS = 60_000;
    /** Rolling reference: the previous 3 windows, so 7 of the 10 simulated windows carry feature drift rows. */
    private static final int ROLLING_WINDOWS = 3;
    private static final long SEED = 20261124L;
    private static final List<String> RESULT_TABLES =
            List.of("feature_drift", "volume", "latency", "data_quality", "dead_letters");

    private PipelineThroughput() {}

    public static void main(String[] args) throws Exception {
        long events = DEFAULT_EVENTS;
        List<Integer> parallelisms = DEFAULT_PARALLELISM;
        List<Integer> bundles = DEFAULT_BUNDLE_EVENTS;
        int warmups = DEFAULT_WARMUP_RUNS;
        int models = SyntheticPredictions.DEFAULT_MODELS.size();
        JobRun.StateBackend backend = JobRun.StateBackend.HASHMAP;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[i + 1]);
                case "--parallelism" -> parallelisms = java.util.Arrays.stream(args[i + 1].split(","))
                        .map(String::trim).map(Integer::valueOf).toList();
                case "--bundle-events" -> bundles = java.util.Arrays.stream(args[i + 1].split(","))
                        .map(String::trim).map(Integer::valueOf).toList();
                case "--warmup-runs" -> warmups = Integer.parseInt(args[i + 1]);
                case "--models" -> models = Integer.parseInt(args[i + 1]);
                case "--state-backend" -> backend = JobRun.StateBackend.valueOf(args[i + 1].toUpperCase(java.util.Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected --events N, --models 2, --parallelism 1,2, --bundle-events 1000,1, --warmup-runs 2,"
                        + " --state-backend hashmap|rocksdb)");
            }
        }
        if (events <= 0 || parallelisms.isEmpty() || parallelisms.stream().anyMatch(p -> p <= 0)
                || bundles.isEmpty() || bundles.stream().anyMatch(b -> b <= 0) || warmups < 0 || models <= 0) {
            throw new IllegalArgumentException("--events, --models, every --parallelism and every --bundle-events must"
                    + " be positive, --warmup-runs >= 0");
        }
        run(events, models, parallelisms, bundles, warmups, backend);
    }

    private static void run(long events, int models, List<Integer> parallelisms, List<Integer> bundles, int warmups,
                            JobRun.StateBackend backend) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedClickHouse clickhouse = EmbeddedClickHouse.start()) {
            kafka.createTopic(TOPIC, PARTITIONS, Map.of("retention.ms", "-1"));
            kafka.createTopic(DEAD_LETTER_TOPIC, 1, Map.of("retention.ms", "-1"));
            try (Connection connection = clickhouse.openConnection()) {
                Migrator.driftwatch().migrate(connection);
            }
            long loadStart = System.nanoTime();
            TopicLoader.load(kafka.bootstrapServers(), TOPIC, PARTITIONS, events, WINDOW_MILLIS, SEED,
                    SyntheticPredictions.models(models));
            System.out.printf("loaded %d events of %d models x %d segments into %s (%d partitions) in %.1f s%n", events,
                    models, SyntheticPredictions.COUNTRIES.size(), TOPIC, PARTITIONS, (System.nanoTime() - loadStart) / 1e9);
            CpuClock cpu = new CpuClock(List.of(kafka.processHandle(), clickhouse.processHandle()));
            JobRun.Stack stack = new JobRun.Stack(kafka.bootstrapServers(), TOPIC, DEAD_LETTER_TOPIC,
                    clickhouse.jdbcUrl(), Migrator.DEFAULT_DATABASE, WINDOW_SIZE, ROLLING_WINDOWS);
            List<ThroughputTable.Row> rows = new ArrayList<>();
            rows.add(measure(cpu, "bare consume+parse record (cold)", 1, events, true,
                    () -> BareConsumeParse.run(kafka.bootstrapServers(), TOPIC, PARTITIONS, events,
                            BareConsumeParse.Target.RECORD)));
            for (int w = 0; w < warmups; w++) {
                int p = parallelisms.get(parallelisms.size() - 1);
                double seconds = JobRun.run(stack, JobRun.Topology.FULL_JOB, backend, p, bundles.get(0),
                        "bench-warmup-" + w);
                System.out.printf("warm-up job run %d (not measured) p=%d: %.2f s%n", w + 1, p, seconds);
                try (Connection connection = clickhouse.openConnection()) {
                    checkVolumeAndReset(connection, events);
                }
            }
            for (int bundle : bundles) {
                for (int p : parallelisms) {
                    rows.add(measure(cpu, "full job (" + backend.flinkName() + ", bundle " + bundle + ")", p, events,
                            () -> JobRun.run(stack, JobRun.Topology.FULL_JOB, backend, p, bundle,
                                    "bench-full-p" + p + "-b" + bundle)));
                    try (Connection connection = clickhouse.openConnection()) {
                        checkVolumeAndReset(connection, events);
                    }
                }
            }
            rows.add(measure(cpu, "flink source+parse only", 1, events,
                    () -> JobRun.run(stack, JobRun.Topology.PARSE_ONLY, backend, 1, 1, "bench-parse-p1")));
            // Again at the end, JIT-warm like the job runs were: the ratio uses the faster of the two passes.
            for (BareConsumeParse.Target target : BareConsumeParse.Target.values()) {
                boolean ceiling = target != BareConsumeParse.Target.NONE;
                rows.add(measure(cpu, (ceiling ? "bare consume+parse " + target.label : "bare consume only")
                                + " (warm)", 1, events, ceiling,
                        () -> BareConsumeParse.run(kafka.bootstrapServers(), TOPIC, PARTITIONS, events, target)));
            }
            // The job's fetch bound keeps responses ordinary objects; the ceiling also gets larger fetches, if faster.
            rows.add(measure(cpu, "bare consume+parse flat fields, " + (BareConsumeParse.LARGE_FETCH_BYTES >> 20)
                            + " MiB fetches (warm)", 1, events, true,
                    () -> BareConsumeParse.run(kafka.bootstrapServers(), TOPIC, PARTITIONS, events,
                            BareConsumeParse.Target.FIELDS, BareConsumeParse.LARGE_FETCH_BYTES)));
            System.out.println();
            System.out.print(ThroughputTable.render(rows, events));
        }
    }

    /** A timed section: returns wall seconds. */
    @FunctionalInterface
    private interface Timed {
        double seconds() throws Exception;
    }

    private static ThroughputTable.Row measure(CpuClock cpu, String mode, int parallelism, long events, Timed timed)
            throws Exception {
        return measure(cpu, mode, parallelism, events, false, timed);
    }

    private static ThroughputTable.Row measure(CpuClock cpu, String mode, int parallelism, long events, boolean ceiling,
                                               Timed timed) throws Exception {
        double jvm = cpu.jvmSeconds();
        double children = cpu.childrenSeconds();
        double seconds;
        JavaThreadCpu javaThreads = JavaThreadCpu.start();
        try {
            seconds = timed.seconds();
        } finally {
            javaThreads.close();
        }
        ThroughputTable.Row row = new ThroughputTable.Row(mode, parallelism, seconds, cpu.jvmSeconds() - jvm,
                javaThreads.seconds(), cpu.childrenSeconds() - children, ceiling);
        System.out.printf("%s p=%d: %.2f s, %.0f events/s%n", mode, parallelism, seconds, events / seconds);
        if (Boolean.getBoolean(THREAD_BREAKDOWN_PROPERTY)) {
            for (Map.Entry<String, Double> thread : javaThreads.breakdown(THREADS_SHOWN)) {
                System.out.printf("    %6.2f s CPU  %s%n", thread.getValue(), thread.getKey());
            }
        }
        return row;
    }

    /** The volume table (FINAL) must count every prediction once; then all result tables are emptied for the next run. */
    private static void checkVolumeAndReset(Connection connection, long events) throws Exception {
        String db = Migrator.DEFAULT_DATABASE;
        try (Statement st = connection.createStatement()) {
            long counted;
            long driftRows;
            try (ResultSet rs = st.executeQuery("SELECT sum(predictions) FROM " + db + ".volume FINAL")) {
                rs.next();
                counted = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT count() FROM " + db + ".feature_drift FINAL")) {
                rs.next();
                driftRows = rs.getLong(1);
            }
            if (counted != events) {
                throw new IllegalStateException("volume counts " + counted + " predictions, expected " + events);
            }
            if (driftRows == 0) {
                throw new IllegalStateException("no feature_drift rows: the rolling baselines never applied");
            }
            System.out.printf("  check: volume FINAL counts %d predictions, %d feature_drift rows%n", counted, driftRows);
            for (String table : RESULT_TABLES) {
                st.execute("TRUNCATE TABLE " + db + "." + table);
            }
        }
    }
}
