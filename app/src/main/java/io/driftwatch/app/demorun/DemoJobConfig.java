package io.driftwatch.app.demorun;

import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.config.SecretResolver;
import java.time.Duration;
import java.util.Map;

/** The job configuration the demo runs with: the embedded stack's addresses, simulated-hour windows. */
final class DemoJobConfig {

    static final String PREDICTIONS_TOPIC = "driftwatch.predictions";
    static final String LABELS_TOPIC = "driftwatch.labels";
    static final String DEAD_LETTER_TOPIC = "driftwatch.dead-letter";
    /** Simulated window size: at the demo's 10 simulated minutes per second, one window closes every 6 s. */
    static final Duration WINDOW = Duration.ofHours(1);
    static final String PASSWORD_ENV = "DRIFTWATCH_DEMO_CLICKHOUSE_PASSWORD";

    private DemoJobConfig() {}

    static DriftwatchConfig create(String bootstrapServers, String jdbcUrl, String database) {
        String yaml = """
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
                  password: ${env:%s}
                  database: %s
                windows:
                  size: %dm
                  allowed_lateness: 0s
                  out_of_orderness: 2m
                  idleness: 10s
                drift:
                  tests: [psi, jensenshannon]
                baselines:
                  default:
                    kind: clickhouse
                    profile: demo-training
                segments:
                  fraud-v3:
                    keys: [country]
                  credit-v1:
                    keys: [product]
                sink:
                  batch_rows: 10000
                  flush_interval: 1s
                """.formatted(bootstrapServers, PREDICTIONS_TOPIC, LABELS_TOPIC, DEAD_LETTER_TOPIC, jdbcUrl,
                PASSWORD_ENV, database, WINDOW.toMinutes());
        // The embedded ClickHouse has no password; the config still takes it by reference, as in production.
        return new ConfigLoader(SecretResolver.withEnvironment(Map.of(PASSWORD_ENV, ""))).parse(yaml, "demo");
    }
}
