package io.driftwatch.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.config.DriftwatchConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** The production topology builds from the config alone (nothing connects until it runs). */
class DriftwatchJobTest {

    private static final String YAML = "kafka:\n  bootstrap_servers: broker:9092\n"
            + "clickhouse:\n  url: http://clickhouse:8123\n";

    @Test
    void productionTopologyHasEveryOperatorAndEnablesCheckpointing() {
        DriftwatchConfig config = new ConfigLoader().parse(YAML, "test");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DriftwatchJob.production(env, config);
        assertThat(env.getCheckpointConfig().getCheckpointInterval())
                .isEqualTo(DriftwatchJob.DEFAULT_CHECKPOINT_INTERVAL.toMillis());
        StreamGraph graph = env.getStreamGraph();
        List<String> names = new ArrayList<>();
        for (StreamNode node : graph.getStreamNodes()) {
            names.add(node.getOperatorName());
        }
        assertThat(String.join("|", names)).contains("predictions", "route-dead-letters", "baseline-updates",
                "windows", "feature_drift", "volume", "latency", "data_quality", "dead_letters", "dead-letter-topic");
    }

    @Test
    void rawPredictionSamplerAndSinkExistOnlyWhenSomeModelSamples() {
        assertThat(operatorNames(YAML)).doesNotContain("sample-raw-predictions", "predictions_raw");
        assertThat(operatorNames(YAML + "raw_predictions:\n  fraud:\n    sample_rate: 0.1\n"))
                .contains("sample-raw-predictions", "predictions_raw");
    }

    private static String operatorNames(String yaml) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DriftwatchJob.production(env, new ConfigLoader().parse(yaml, "test"));
        List<String> names = new ArrayList<>();
        for (StreamNode node : env.getStreamGraph().getStreamNodes()) {
            names.add(node.getOperatorName());
        }
        return String.join("|", names);
    }

    @Test
    void httpUrlsBecomeJdbcUrls() {
        assertThat(ResultSinks.jdbcUrl("http://h:8123")).isEqualTo("jdbc:clickhouse:http://h:8123");
        assertThat(ResultSinks.jdbcUrl("jdbc:clickhouse://h:8123")).isEqualTo("jdbc:clickhouse://h:8123");
    }
}
