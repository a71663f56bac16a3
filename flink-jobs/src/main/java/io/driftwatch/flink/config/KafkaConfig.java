package io.driftwatch.flink.config;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where events come from and rejected ones go.
 *
 * @param bootstrapServers comma-separated {@code host:port} list
 * @param predictionsTopic topic of prediction events
 * @param labelsTopic      topic of label events
 * @param deadLetterTopic  topic rejected events are written to
 * @param consumerGroup    Kafka consumer group id
 * @param properties       extra client properties (SASL/TLS)
 */
public record KafkaConfig(String bootstrapServers, String predictionsTopic, String labelsTopic,
                          String deadLetterTopic, String consumerGroup, KafkaProperties properties)
        implements Serializable {

    private static final Pattern SERVERS =
            Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^\\s:,\\[\\]]+):[0-9]{1,5}(,(\\[[0-9A-Fa-f:.]+]|[^\\s:,\\[\\]]+):[0-9]{1,5})*");
    /** Kafka's legal topic characters; 249 is {@code org.apache.kafka.common.internals.Topic.MAX_NAME_LENGTH}. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final ValueType<String> TOPIC_NAME = ValueTypes.matching(TOPIC, "topic name",
            "a Kafka topic name (letters, digits, '.', '_', '-'; at most 249 chars)");

    public static final ConfigOption<String> BOOTSTRAP_SERVERS = ConfigOption.required("kafka.bootstrap_servers",
            ValueTypes.matching(SERVERS, "host:port list", "a comma-separated host:port list, e.g. broker1:9092,broker2:9092"),
            "Kafka brokers to bootstrap from, `host:port[,host:port...]`.");
    public static final ConfigOption<String> PREDICTIONS_TOPIC = ConfigOption.withDefault("kafka.topics.predictions",
            TOPIC_NAME, "driftwatch.predictions", "Topic of prediction events (`prediction.schema.json`).");
    public static final ConfigOption<String> LABELS_TOPIC = ConfigOption.withDefault("kafka.topics.labels",
            TOPIC_NAME, "driftwatch.labels", "Topic of label events (`label.schema.json`).");
    public static final ConfigOption<String> DEAD_LETTER_TOPIC = ConfigOption.withDefault("kafka.topics.dead_letter",
            TOPIC_NAME, "driftwatch.dead-letter", "Topic rejected events are written to, with the reason.");
    public static final ConfigOption<String> CONSUMER_GROUP = ConfigOption.withDefault("kafka.consumer_group",
            ValueTypes.text(), "driftwatch", "Kafka consumer group id.");
    public static final ConfigOption<KafkaProperties> PROPERTIES = ConfigOption.withDefault("kafka.properties",
            KafkaProperties.type(), KafkaProperties.NONE,
            "Extra Kafka client properties passed through (SASL, TLS); values may be `${env:VAR}` or "
                    + "`${file:/path}` references, which sensitive keys (password, jaas, secret, key material) require.");

    static final List<ConfigOption<?>> OPTIONS = List.of(BOOTSTRAP_SERVERS, PREDICTIONS_TOPIC, LABELS_TOPIC,
            DEAD_LETTER_TOPIC, CONSUMER_GROUP, PROPERTIES);

    public KafkaConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(predictionsTopic, "predictionsTopic");
        Objects.requireNonNull(labelsTopic, "labelsTopic");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        Objects.requireNonNull(properties, "properties");
    }

    static KafkaConfig read(ConfigNode kafka) {
        int errorsBefore = kafka.errorCount();
        String servers = kafka.get(BOOTSTRAP_SERVERS);
        ConfigNode topics = kafka.section("topics");
        String predictions = topics.get(PREDICTIONS_TOPIC);
        String labels = topics.get(LABELS_TOPIC);
        String deadLetter = topics.get(DEAD_LETTER_TOPIC);
        String group = kafka.get(CONSUMER_GROUP);
        KafkaProperties properties = kafka.get(PROPERTIES);
        if (deadLetter != null && (deadLetter.equals(predictions) || deadLetter.equals(labels))) {
            topics.error("dead_letter must differ from the predictions and labels topics, got '" + deadLetter + "'");
        }
        if (predictions != null && predictions.equals(labels)) {
            topics.error("predictions and labels must be different topics, got '" + labels + "' for both");
        }
        if (kafka.errorCount() > errorsBefore) {
            return null;
        }
        return new KafkaConfig(servers, predictions, labels, deadLetter, group, properties);
    }
}
