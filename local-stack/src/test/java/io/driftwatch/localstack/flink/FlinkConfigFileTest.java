package io.driftwatch.localstack.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkConfigFileTest {

    @Test
    void flinkReadsBackWhatWasWritten(@TempDir Path dir) throws IOException {
        FlinkClusterSpec spec = new FlinkClusterSpec(2, 3, MemorySize.parse("768m"), MemorySize.parse("1g"),
                Duration.ofMillis(1500), 7, Duration.ofSeconds(1), 0, 0, null, null, List.of(),
                Map.of("pipeline.name", "a \"quoted\" name: with colon"), Duration.ofSeconds(1), true);
        Map<String, String> settings = FlinkConfigFile.settings(spec, dir, new FlinkConfigFile.Endpoints(6123, 8082));
        FlinkConfigFile.write(dir.resolve("conf"), settings);
        assertThat(Files.exists(dir.resolve("conf").resolve(FlinkConfigFile.LOG4J_FILE))).isTrue();

        Configuration read = GlobalConfiguration.loadConfiguration(dir.resolve("conf").toString());
        assertThat(read.toMap()).containsAllEntriesOf(Map.of(
                "jobmanager.rpc.address", "127.0.0.1",
                "jobmanager.rpc.port", "6123",
                "rest.port", "8082",
                "taskmanager.numberOfTaskSlots", "3",
                "taskmanager.load-balance.mode", "SLOTS",
                "restart-strategy.fixed-delay.attempts", "7",
                "heartbeat.timeout", "5000",
                "state.backend.type", "hashmap",
                "pipeline.name", "a \"quoted\" name: with colon"));
        assertThat(read.toMap().get("env.java.opts.all")).isEqualTo(FlinkJvmOptions.jdkOpensLine());
        assertThat(read.toMap().get("state.checkpoints.dir")).isEqualTo(dir.resolve("checkpoints").toUri().toString());
        assertThat(MemorySize.parse(read.toMap().get("jobmanager.memory.process.size"))).isEqualTo(MemorySize.parse("768m"));
        assertThat(read.toMap().get("execution.checkpointing.interval")).isEqualTo("1500 ms");
    }

    @Test
    void quotesForYamlDoubleQuotedScalars() {
        assertThat(FlinkConfigFile.quoted("a\\b\"c")).isEqualTo("\"a\\\\b\\\"c\"");
    }
}
