package io.driftwatch.flink.reliability;

import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.baseline.BaselineStore;
import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.drift.ClickHouseBaselineLoader;
import io.driftwatch.flink.job.DeadLetterTopic;
import io.driftwatch.flink.job.DriftwatchJob;
import io.driftwatch.flink.job.ResultSinks;
import io.driftwatch.flink.labels.LabelSources;
import io.driftwatch.flink.source.PredictionSources;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.localstack.kafka.EmbeddedKafka;
import io.driftwatch.schemas.migrate.Migrator;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.checkpoint.CheckpointStatsCounts;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * One embedded Kafka, ClickHouse and Flink MiniCluster per test class, shared by its clean and disturbed
 * runs: each run writes to its own ClickHouse database and reads the same predictions topic with its own
 * consumer group, so the runs' tables can be compared row by row ({@link TableSnapshot}).
 */
final class ReliabilityStack implements AutoCloseable {

    static final String PREDICTIONS = "rel-predictions";
    /** Read only by runs submitted with labels ({@link #submit(DriftwatchConfig, boolean)}). */
    static final String LABELS = "rel-labels";
    static final int PARALLELISM = 2;
    /** Short, so a failure mid-stream always has completed checkpoints to restore from. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    /** Generous: restarts may be refused until a TaskManager or ClickHouse is back. */
    private static final int RESTART_ATTEMPTS = 1_000;
    private static final Duration RESTART_DELAY = Duration.ofMillis(500);
    /** Checkpoints that must complete after the last rows were seen before a run counts as flushed. */
    private static final int SETTLING_CHECKPOINTS = 2;
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    final EmbeddedKafka kafka;
    final EmbeddedClickHouse clickhouse;
    final MiniCluster flink;

    private final int partitions;

    private ReliabilityStack(EmbeddedKafka kafka, EmbeddedClickHouse clickhouse, MiniCluster flink, int partitions) {
        this.kafka = kafka;
        this.clickhouse = clickhouse;
        this.flink = flink;
        this.partitions = partitions;
    }

    static ReliabilityStack start(Map<String, String> topicConfig) throws Exception {
        return start(Workload.PARTITIONS, topicConfig, new Configuration());
    }

    /** A stack whose predictions topic has {@code partitions} and {@code topicConfig}; {@code cluster} adds to Flink's. */
    static ReliabilityStack start(int partitions, Map<String, String> topicConfig, Configuration cluster)
            throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        EmbeddedClickHouse clickhouse = EmbeddedClickHouse.start();
        Configuration conf = new Configuration(cluster);
        conf.set(RestOptions.BIND_PORT, "0"); // any free port: several stacks may run side by side
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, RESTART_ATTEMPTS);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, RESTART_DELAY);
        MiniCluster flink = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(PARALLELISM).build());
        flink.start();
        kafka.createTopic(PREDICTIONS, partitions, topicConfig);
        kafka.createTopic(LABELS, partitions, topicConfig);
        return new ReliabilityStack(kafka, clickhouse, flink, partitions);
    }

    void migrate(String database) throws Exception {
        try (Connection connection = clickhouse.openConnection()) {
            Migrator.builder().database(database).build().migrate(connection);
        }
        BaselineStore store = new BaselineStore(clickhouse::openConnection, database);
        for (Map.Entry<String, Map<String, ReferenceProfile>> model : Workload.baselines().entrySet()) {
            store.save(model.getKey(), "v1", model.getValue(), "reliability");
        }
    }

    void produce(List<Workload.Record> records) throws Exception {
        produce(PREDICTIONS, records);
    }

    void produce(String topic, List<Workload.Record> records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Workload.Record r : records) {
                producer.send(new ProducerRecord<>(topic, r.partition(), null, r.value()));
            }
            producer.flush();
        }
    }

    DriftwatchConfig config(String database, String group, String extraYaml) {
        String yaml = "kafka:\n  bootstrap_servers: " + kafka.bootstrapServers() + "\n  consumer_group: " + group
                + "\n  topics:\n    predictions: " + PREDICTIONS + "\n    labels: " + LABELS
                + "\n    dead_letter: dl-" + database
                + "\nclickhouse:\n  url: " + clickhouse.jdbcUrl() + "\n  database: " + database
                + "\nwindows:\n  size: " + Workload.WINDOW_MILLIS / 1000 + "s\n  allowed_lateness: 0s\n"
                + "  out_of_orderness: 1s\n  idleness: 0s\nsegments:\n  default:\n    keys: [country]\n"
                + "sink:\n  batch_rows: 200\n  flush_interval: 500ms\n" + extraYaml;
        return new ConfigLoader().parse(yaml, "reliability");
    }

    /** Submits the unbounded production topology (committed offsets, earliest when none) without waiting. */
    JobClient submit(DriftwatchConfig config) throws Exception {
        return submit(config, false);
    }

    /** As {@link #submit(DriftwatchConfig)}; with {@code labels} the label pipeline reads the labels topic too. */
    JobClient submit(DriftwatchConfig config, boolean labels) throws Exception {
        kafka.createTopic(config.kafka().deadLetterTopic(), 1, Map.of());
        StreamExecutionEnvironment env = new TestStreamEnvironment(flink, PARALLELISM);
        env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis());
        DriftwatchJob.Inputs inputs = new DriftwatchJob.Inputs(PredictionSources.kafka(config).build(), null,
                new ClickHouseBaselineLoader(clickhouse.jdbcUrl(), clickhouse.user(), clickhouse.password(),
                        config.clickhouse().database()), labels ? LabelSources.kafka(config).build() : null);
        DriftwatchJob.build(env, config, inputs, ResultSinks.clickHouse(config), DeadLetterTopic.sink(config.kafka()));
        return env.executeAsync("reliability-" + config.clickhouse().database());
    }

    CheckpointStatsCounts checkpoints(JobID job) throws Exception {
        return flink.getExecutionGraph(job).get().getCheckpointStatsSnapshot().getCounts();
    }

    JobStatus status(JobClient job) throws Exception {
        return job.getJobStatus().get();
    }

    /** Waits until {@code done} holds and then until further checkpoints (which flush every sink) completed. */
    void awaitSettled(JobClient job, java.util.concurrent.Callable<Boolean> done) throws Exception {
        Awaitility.await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(done);
        long completed = checkpoints(job.getJobID()).getNumberOfCompletedCheckpoints();
        Awaitility.await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() ->
                checkpoints(job.getJobID()).getNumberOfCompletedCheckpoints() >= completed + SETTLING_CHECKPOINTS);
    }

    /**
     * A clean run over whatever the topics hold (produced by the disturbed run before), with {@code extraYaml}
     * and optionally labels, settled once {@code complete} holds (it checks {@code database}); then cancelled.
     */
    TableSnapshot cleanRun(String database, String extraYaml, boolean labels,
                           java.util.concurrent.Callable<Boolean> complete) throws Exception {
        migrate(database);
        JobClient job = submit(config(database, "group-" + database, extraYaml), labels);
        awaitSettled(job, complete);
        job.cancel().get();
        return TableSnapshot.of(clickhouse, database);
    }

    /** A clean run over the whole workload, settled; then cancelled. */
    TableSnapshot cleanRun(Workload workload, String database) throws Exception {
        migrate(database);
        JobClient job = submit(config(database, "group-" + database, ""));
        awaitSettled(job, () -> TableSnapshot.count(clickhouse, database, "volume") == Workload.expectedVolumeRows()
                && TableSnapshot.count(clickhouse, database, "dead_letters") == Workload.expectedDeadLetters());
        job.cancel().get();
        return TableSnapshot.of(clickhouse, database);
    }

    /** Sum over partitions of the offsets the group committed on the predictions topic (0 when none). */
    long committedOffsets(String group) throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(PREDICTIONS) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    /** Sum over partitions of the predictions topic's end offsets. */
    long endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(PREDICTIONS, p), OffsetSpec.latest());
        }
        try (Admin admin = kafka.admin()) {
            return admin.listOffsets(request).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    long volumeRows(String database) throws Exception {
        return TableSnapshot.count(clickhouse, database, "volume");
    }

    @Override
    public void close() throws Exception {
        try {
            flink.close();
        } finally {
            kafka.close();
            clickhouse.close();
        }
    }
}
