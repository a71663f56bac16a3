package io.driftwatch.app.demorun;

import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.config.DriftwatchConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The job configuration the demo runs with: the embedded stack's addresses, windows of simulated hours, a
 * stored training baseline for one model and rolling baselines for the other (see {@link DemoBaselines}).
 */
final class DemoJobConfig {

    static final String PREDICTIONS_TOPIC = "driftwatch.predictions";
    static final String LABELS_TOPIC = "driftwatch.labels";
    static final String DEAD_LETTER_TOPIC = "driftwatch.dead-letter";
    /**
     * Simulated window size: at the demo's 10 simulated minutes per second one window closes every 12 s, with
     * enough events even in the smallest segment (about 150) for PSI on 10 bins to sit well under its threshold
     * when nothing changed.
     */
    static final Duration WINDOW = Duration.ofHours(2);
    /**
     * The demo's PSI threshold: 0.25, the customary "significant shift" level (0.1–0.25 is "moderate"), which
     * windows of a few hundred events stay under by chance.
     */
    static final double PSI_THRESHOLD = 0.25;
    static final double JS_THRESHOLD = 0.15;
    /** Previous windows each segment is compared with. */
    static final int ROLLING_WINDOWS = 12;

    private DemoJobConfig() {}

    /** @param rulesFile the alert rules the job evaluates (the demo's, paging {@link DemoPager}) */
    static DriftwatchConfig create(String bootstrapServers, String jdbcUrl, String database, Path rulesFile) {
        // The embedded ClickHouse has no password, so the config names none.
        return new ConfigLoader().parse(yaml(bootstrapServers, jdbcUrl, database, rulesFile), "demo");
    }

    /** The configuration as the YAML file a cluster's {@code DriftwatchJobMain --config} reads. */
    static String yaml(String bootstrapServers, String jdbcUrl, String database, Path rulesFile) {
        return """
                kafka:
                  bootstrap_servers: %s
                  topics:
                    predictions: %s
                    labels: %s
                    dead_letter: %s
                  consumer_group: driftwatch-demo
                clickhouse:
                  url: %s
                  user: default
                  database: %s
                windows:
                  size: %dm
                  allowed_lateness: 0s
                  out_of_orderness: 2m
                  idleness: 10s
                drift:
                  tests: [psi, jensenshannon]
                  thresholds:
                    psi: %s
                    jensenshannon: %s
                baselines:
                  default:
                    kind: rolling
                    windows: %d
                  %s:
                    kind: clickhouse
                    profile: demo-training
                labels:
                  credit-v1:
                    task: regression
                segments:
                  fraud-v3:
                    keys: [country]
                  credit-v1:
                    keys: [product]
                sink:
                  batch_rows: 10000
                  flush_interval: 1s
                alerting:
                  rules: %s
                """.formatted(bootstrapServers, PREDICTIONS_TOPIC, LABELS_TOPIC, DEAD_LETTER_TOPIC, jdbcUrl,
                database, WINDOW.toMinutes(), PSI_THRESHOLD, JS_THRESHOLD, ROLLING_WINDOWS,
                DemoBaselines.STORED.modelId(), rulesFile.toAbsolutePath());
    }
}
