package io.driftwatch.localstack.kafka;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerConfigTest {

    private final Map<String, String> config = KafkaBrokerConfig.defaults("127.0.0.1", 9092, 9093, Path.of("/tmp/k"));

    @Test
    void singleCombinedNodeOnLoopback() {
        assertThat(config).containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("log.dirs", "/tmp/k");
    }

    @Test
    void replicationOneEverywhereAndNoRebalanceDelay() {
        assertThat(config).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void historicRecordsAreNeverDeletedAndFlinkTransactionsFit() {
        assertThat(config).containsEntry("log.retention.ms", "-1").containsEntry("log.retention.bytes", "-1")
                .containsEntry("log.message.timestamp.before.max.ms", Long.toString(Long.MAX_VALUE));
        // Flink's KafkaSink default transaction timeout is one hour
        assertThat(Long.parseLong(config.get("transaction.max.timeout.ms"))).isGreaterThanOrEqualTo(3_600_000L);
    }
}
