package io.driftwatch.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second broker on a log dir a first one formatted (stack up, then stack up again) starts and keeps topics. */
class EmbeddedKafkaReuseITCase {

    @Test
    void aNewBrokerOnAnExistingLogDirKeepsItsClusterAndTopics(@TempDir Path logDir) throws Exception {
        String firstCluster;
        try (EmbeddedKafka first = EmbeddedKafka.builder().logDir(logDir).start()) {
            first.createTopic("kept", 2, Map.of());
            firstCluster = first.admin().describeCluster().clusterId().get();
        }
        assertThat(EmbeddedKafka.existingClusterId(logDir.resolve("data"))).contains(firstCluster);
        try (EmbeddedKafka second = EmbeddedKafka.builder().logDir(logDir).start()) {
            assertThat(second.admin().describeCluster().clusterId().get()).isEqualTo(firstCluster);
            assertThat(second.admin().listTopics().names().get()).contains("kept");
        }
    }
}
