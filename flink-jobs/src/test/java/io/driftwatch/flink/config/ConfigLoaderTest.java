package io.driftwatch.flink.config;

import io.driftwatch.detectors.drift.DriftTestId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    static final String PASSWORD = "s3cr3t-ch-password";
    static final String MINIMAL = """
            kafka:
              bootstrap_servers: localhost:9092
            clickhouse:
              url: jdbc:clickhouse://localhost:8123
            """;

    private final ConfigLoader loader = new ConfigLoader(SecretResolver.withEnvironment(Map.of("CLICKHOUSE_PASSWORD", PASSWORD)));

    static String exampleYaml() throws IOException {
        try (InputStream in = ConfigLoaderTest.class.getResourceAsStream("/driftwatch-example.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void consumersTakeDriftwatchFetchDefaultsUnlessThePropertiesSayOtherwise() {
        DriftwatchConfig defaults = loader.parse("""
                kafka:
                  bootstrap_servers: localhost:9092
                clickhouse:
                  url: jdbc:clickhouse://localhost:8123
                """, "t");
        assertThat(defaults.kafka().properties().toConsumerProperties())
                .containsEntry("fetch.max.bytes", Integer.toString(KafkaProperties.FETCH_MAX_BYTES))
                .containsEntry("max.poll.records", Integer.toString(KafkaProperties.MAX_POLL_RECORDS));
        assertThat(defaults.kafka().properties().toProperties()).doesNotContainKeys("fetch.max.bytes", "max.poll.records");

        DriftwatchConfig tuned = loader.parse("""
                kafka:
                  bootstrap_servers: localhost:9092
                  properties:
                    fetch.max.bytes: 1048576
                clickhouse:
                  url: jdbc:clickhouse://localhost:8123
                """, "t");
        assertThat(tuned.kafka().properties().toConsumerProperties()).containsEntry("fetch.max.bytes", "1048576")
                .containsEntry("max.poll.records", Integer.toString(KafkaProperties.MAX_POLL_RECORDS));
    }

    @Test
    void loadsTheExample() throws IOException {
        DriftwatchConfig config = loader.parse(exampleYaml(), "driftwatch-example.yaml");
        assertThat(config.kafka().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.kafka().deadLetterTopic()).isEqualTo("driftwatch.dead-letter");
        assertThat(config.kafka().consumerGroup()).isEqualTo("driftwatch-demo");
        assertThat(config.kafka().properties().toProperties()).containsEntry("auto.offset.reset", "earliest");
        assertThat(config.clickhouse().password().reveal()).isEqualTo(PASSWORD);
        assertThat(config.windows()).isEqualTo(new WindowConfig(Duration.ofMinutes(5), Duration.ofMinutes(1),
                Duration.ofSeconds(30), Duration.ofMinutes(1)));
        assertThat(config.drift().testsFor("amount").tests())
                .containsExactly(DriftTestId.KS, DriftTestId.PSI, DriftTestId.WASSERSTEIN);
        assertThat(config.drift().testsFor("unlisted").isAuto()).isTrue();
        assertThat(config.drift().threshold(DriftTestId.PSI)).isEqualTo(0.2);
        assertThat(config.drift().threshold(DriftTestId.HELLINGER)).isEqualTo(DriftTestId.HELLINGER.defaultThreshold());
        assertThat(config.baselines().forModel("fraud")).isEqualTo(new BaselineSpec.ReferenceProfile("fraud-2026.11.1-training"));
        assertThat(config.baselines().forModel("other")).isEqualTo(new BaselineSpec.Rolling(12));
        // fraud inherits max_cardinality from default
        assertThat(config.segments().forModel("fraud")).isEqualTo(new SegmentConfig.ModelSegments(List.of("country", "channel"), 50));
        assertThat(config.segments().forModel("other").keys()).containsExactly("country");
        assertThat(config.sink()).isEqualTo(new SinkConfig(10_000, Duration.ofSeconds(5)));
    }

    @Test
    void absentKeysTakeTheirDeclaredDefaults() {
        DriftwatchConfig config = loader.parse(MINIMAL, "minimal");
        assertThat(config.kafka().predictionsTopic()).isEqualTo(KafkaConfig.PREDICTIONS_TOPIC.defaultValue());
        assertThat(config.kafka().properties()).isEqualTo(KafkaProperties.NONE);
        assertThat(config.clickhouse().password()).isNull();
        assertThat(config.clickhouse().user()).isEqualTo(ClickHouseConfig.USER.defaultValue());
        assertThat(config.windows().size()).isEqualTo(WindowConfig.SIZE.defaultValue()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.drift().tests()).isEqualTo(TestSelection.AUTO);
        assertThat(config.drift().bins()).isEqualTo(DriftConfig.BINS.defaultValue());
        assertThat(config.drift().binning()).isEqualTo(BinningStrategy.QUANTILE);
        assertThat(config.baselines().forModel("any")).isEqualTo(new BaselineSpec.Rolling(BaselineConfig.WINDOWS.defaultValue()));
        assertThat(config.segments().forModel("any").keys()).isEmpty();
        assertThat(config.limits().maxFeatures()).isEqualTo(LimitsConfig.MAX_FEATURES_OPTION.defaultValue());
        assertThat(config.sink().batchRows()).isEqualTo(SinkConfig.BATCH_ROWS.defaultValue());
    }

    @Test
    void anEmptyFileNamesEveryRequiredKey() {
        ConfigException e = errors("");
        assertThat(e.errors()).extracting(ConfigError::path)
                .containsExactlyInAnyOrder("kafka.bootstrap_servers", "clickhouse.url");
        assertThat(e.getMessage()).startsWith("test.yaml: 2 configuration errors").contains("is required");
    }

    @Test
    void reportsAllErrorsTogetherEachWithItsPath() {
        ConfigException e = errors(MINIMAL + """
                windows:
                  size: five minutes
                  allowed_latenes: 1m
                sink:
                  batch_rows: 0
                  flush_interval: 10ms
                drift:
                  tests: [ks, kss]
                  thresholds:
                    ks: 1.5
                    psi: -1
                    hellinger: "0.1"
                  binning:
                    strategy: quantiles
                """);
        assertThat(e.errors()).extracting(ConfigError::path).containsExactly(
                "windows.allowed_latenes", "windows.size", "drift.tests.1", "drift.thresholds.ks", "drift.thresholds.psi",
                "drift.thresholds.hellinger", "drift.binning.strategy", "sink.batch_rows", "sink.flush_interval");
        assertThat(message(e, "windows.size")).contains("invalid duration 'five minutes'", "5m");
        assertThat(message(e, "windows.allowed_latenes")).contains("unknown key", "did you mean 'allowed_lateness'?");
        assertThat(message(e, "drift.tests.1")).contains("'kss'", "did you mean 'ks'?");
        assertThat(message(e, "drift.thresholds.ks")).contains("p-value", "(0, 1)");
        assertThat(message(e, "drift.thresholds.psi")).contains("distance", "> 0");
        assertThat(message(e, "drift.thresholds.hellinger")).contains("must be a number");
        assertThat(message(e, "drift.binning.strategy")).contains("did you mean 'quantile'?");
        assertThat(message(e, "sink.batch_rows")).contains("between 1 and");
        assertThat(message(e, "sink.flush_interval")).contains("at least 100ms");
    }

    @Test
    void unknownKeysAreErrorsAtEveryLevel() {
        ConfigException e = errors(MINIMAL + """
                windos:
                  size: 5m
                baselines:
                  fraud:
                    kind: rolling
                    window: 3
                segments:
                  default:
                    key: [country]
                """);
        assertThat(e.errors()).extracting(ConfigError::path)
                .containsExactly("windos", "baselines.fraud.window", "segments.default.key");
        assertThat(message(e, "windos")).contains("did you mean 'windows'?");
        assertThat(message(e, "baselines.fraud.window")).contains("did you mean 'windows'?");
        assertThat(message(e, "segments.default.key")).contains("did you mean 'keys'?");
        assertThat(errors(MINIMAL + "kafka_topics: {}\n").getMessage()).doesNotContain("did you mean 'kafka'")
                .contains("kafka_topics: unknown key");
    }

    @Test
    void typeErrorsSayWhatWasExpected() {
        ConfigException e = errors("""
                kafka:
                  bootstrap_servers: [localhost:9092]
                  consumer_group: yes
                  topics: driftwatch
                clickhouse:
                  url: localhost:8123
                  database: drift-watch
                limits: 7
                """);
        assertThat(message(e, "kafka.bootstrap_servers")).contains("must be a string, got a list");
        assertThat(message(e, "kafka.consumer_group")).contains("quote it");
        assertThat(message(e, "kafka.topics")).contains("must be a mapping");
        assertThat(message(e, "clickhouse.url")).contains("not a ClickHouse URL");
        assertThat(message(e, "clickhouse.database")).contains("identifier");
        assertThat(message(e, "limits")).contains("must be a mapping");
    }

    @Test
    void crossFieldRules() {
        ConfigException e = errors("""
                kafka:
                  bootstrap_servers: a:1,b:2
                  topics:
                    predictions: p
                    labels: p
                    dead_letter: p
                clickhouse:
                  url: http://localhost:8123
                windows:
                  size: 1m
                  out_of_orderness: 1m
                baselines:
                  default:
                    kind: clickhouse
                    profile: x
                  a:
                    kind: clickhouse
                  b:
                    kind: rolling
                    profile: y
                  c:
                    kind: clickhouse
                    profile: z
                    windows: 3
                limits:
                  max_segments_per_model: 10
                segments:
                  m:
                    max_cardinality: 11
                """);
        assertThat(e.errors()).extracting(ConfigError::path).containsExactly("kafka.topics", "kafka.topics",
                "windows", "baselines.default", "baselines.a", "baselines.b", "baselines.c", "segments.m");
        assertThat(e.errors().get(0).message()).contains("dead_letter must differ");
        assertThat(e.errors().get(1).message()).contains("predictions and labels must be different");
        assertThat(message(e, "windows")).contains("out_of_orderness (1m) must be shorter than size (1m)");
        assertThat(message(e, "baselines.default")).contains("rolling");
        assertThat(message(e, "baselines.a")).contains("needs a profile");
        assertThat(message(e, "baselines.b")).contains("profile only applies to kind clickhouse");
        assertThat(message(e, "baselines.c")).contains("windows only applies to kind rolling");
        assertThat(message(e, "segments.m")).contains("limits.max_segments_per_model (10)");
    }

    @Test
    void yamlSyntaxAndDuplicateKeysAreErrors() {
        ConfigException syntax = errors("kafka: [unclosed\n");
        assertThat(syntax.errors()).singleElement().satisfies(err -> {
            assertThat(err.path()).isEmpty();
            assertThat(err.message()).contains("not valid YAML", "line");
        });
        ConfigException duplicate = errors(MINIMAL + "windows:\n  size: 1m\n  size: 2m\n");
        assertThat(duplicate.errors()).singleElement().satisfies(err -> assertThat(err.message()).contains("size"));
    }

    @Test
    void kafkaPropertiesPassThroughAndGuardSecrets() {
        ConfigLoader withJaas = new ConfigLoader(SecretResolver.withEnvironment(Map.of("JAAS", "org.Login required;")));
        DriftwatchConfig config = withJaas.parse("""
                kafka:
                  bootstrap_servers: "[::1]:9092"
                  properties:
                    security.protocol: SASL_SSL
                    sasl.jaas.config: ${env:JAAS}
                    max.poll.records: 500
                    key.deserializer: org.apache.kafka.common.serialization.ByteArrayDeserializer
                clickhouse:
                  url: jdbc:clickhouse://localhost:8123
                """, "t");
        assertThat(config.kafka().properties().toProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", "org.Login required;")
                .containsEntry("max.poll.records", "500");
        assertThat(config.toString()).doesNotContain("org.Login").contains("****(${env:JAAS})");

        ConfigException e = errors("""
                kafka:
                  bootstrap_servers: localhost:9092
                  properties:
                    ssl.truststore.password: changeit
                    ssl.keystore.key: -----BEGIN
                    group.id: other
                clickhouse:
                  url: jdbc:clickhouse://localhost:8123
                """);
        assertThat(e.errors()).extracting(ConfigError::path).containsExactly("kafka.properties.ssl.truststore.password",
                "kafka.properties.ssl.keystore.key", "kafka.properties.group.id");
        assertThat(e.getMessage()).doesNotContain("changeit").doesNotContain("BEGIN").contains("kafka.consumer_group");
    }

    private ConfigException errors(String yaml) {
        return (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> loader.parse(yaml, "test.yaml"));
    }

    static String message(ConfigException e, String path) {
        return e.errors().stream().filter(err -> err.path().equals(path)).map(ConfigError::message).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + path + " in " + e.getMessage()));
    }

    @Test
    void errorsHelperFailsWhenNothingIsWrong() {
        assertThatThrownBy(() -> message(new ConfigException("x", List.of()), "a")).isInstanceOf(AssertionError.class);
    }
}
