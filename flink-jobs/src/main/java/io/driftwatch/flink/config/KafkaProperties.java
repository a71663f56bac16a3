package io.driftwatch.flink.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Extra Kafka client properties (SASL, TLS, tuning), passed through unchanged. Values given as
 * {@code ${env:VAR}} / {@code ${file:/path}} are resolved and masked; sensitive keys must use a reference.
 *
 * @param plain   literal values, shown in {@link #toString()}
 * @param secrets resolved references, masked in {@link #toString()}
 */
public record KafkaProperties(Map<String, String> plain, Map<String, Secret> secrets) implements Serializable {

    /** Key fragments that mark a Kafka client property as sensitive; key material is matched separately. */
    static final Set<String> SENSITIVE_FRAGMENTS = Set.of("password", "jaas", "secret", "credentials",
            "auth.user.info");
    /** Properties Driftwatch sets itself from typed options; setting them here would be ambiguous. */
    static final Map<String, String> MANAGED = Map.of(
            "bootstrap.servers", "kafka.bootstrap_servers",
            "group.id", "kafka.consumer_group");

    public static final KafkaProperties NONE = new KafkaProperties(Map.of(), Map.of());

    /**
     * Bytes per fetch response: the client's default (50 MiB) lets one response grow with the partitions a
     * consumer reads, and a response is read into one heap array. Above half a G1 region such an array is a
     * humongous object, and a stream of them forces young collections and concurrent cycles (347 of each in one
     * harness run at 1 MiB regions). 4 MiB still holds thousands of events; PIPELINE.md ("Kafka consumer
     * defaults") gives the region size that keeps it ordinary.
     */
    public static final int FETCH_MAX_BYTES = 4 << 20;
    /**
     * Records per poll: each poll's records cross from Flink's fetcher thread to the source task as one batch,
     * and with the client's default of 500 the hand-over cost the task much of its time (the parse-only topology
     * ran 1.2-1.5x faster with 2,000-10,000; PIPELINE.md, "Kafka consumer defaults"). Memory stays bounded by
     * {@link #FETCH_MAX_BYTES}: a poll returns only records already fetched.
     */
    public static final int MAX_POLL_RECORDS = 5_000;
    /** What Driftwatch's consumers set unless {@code kafka.properties} sets it. */
    static final Map<String, String> CONSUMER_DEFAULTS = Map.of(
            "fetch.max.bytes", Integer.toString(FETCH_MAX_BYTES),
            "max.poll.records", Integer.toString(MAX_POLL_RECORDS));

    public KafkaProperties {
        plain = Collections.unmodifiableMap(new LinkedHashMap<>(plain));
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    }

    /** All properties with secrets revealed, for the Kafka client. */
    public Properties toProperties() {
        Properties properties = new Properties();
        properties.putAll(plain);
        secrets.forEach((key, secret) -> properties.put(key, secret.reveal()));
        return properties;
    }

    /** {@link #toProperties()} over Driftwatch's consumer defaults ({@link #CONSUMER_DEFAULTS}). */
    public Properties toConsumerProperties() {
        Properties properties = new Properties();
        properties.putAll(CONSUMER_DEFAULTS);
        properties.putAll(toProperties());
        return properties;
    }

    static boolean isSensitive(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        // Key material (ssl.keystore.key) is secret; key.serializer and the like are not.
        return SENSITIVE_FRAGMENTS.stream().anyMatch(lower::contains) || lower.endsWith(".key");
    }

    /** The option type for {@code kafka.properties}. */
    static ValueType<KafkaProperties> type() {
        return new ValueType<>() {
            @Override
            public String typeName() {
                return "map of string to string";
            }

            @Override
            public KafkaProperties read(ConfigNode value) {
                JsonNode json = value.json();
                if (!json.isObject()) {
                    value.error("must be a mapping of Kafka client property to value, got " + ValueTypes.describe(json));
                    return null;
                }
                Map<String, String> plain = new LinkedHashMap<>();
                Map<String, Secret> secrets = new LinkedHashMap<>();
                boolean ok = true;
                for (Map.Entry<String, JsonNode> entry : json.properties()) {
                    ConfigNode item = value.child(entry.getKey(), entry.getValue());
                    ok &= readOne(entry.getKey(), item, plain, secrets);
                }
                return ok ? new KafkaProperties(plain, secrets) : null;
            }

            @Override
            public String format(KafkaProperties value) {
                return value.plain.isEmpty() && value.secrets.isEmpty() ? "{}" : value.toString();
            }
        };
    }

    private static boolean readOne(String key, ConfigNode item, Map<String, String> plain, Map<String, Secret> secrets) {
        if (MANAGED.containsKey(key)) {
            item.error("is set by " + MANAGED.get(key) + "; remove it here");
            return false;
        }
        JsonNode json = item.json();
        String text = json.isTextual() ? json.textValue() : json.isValueNode() && !json.isNull() ? json.asText() : null;
        if (text == null) {
            item.error("must be a string, number or boolean");
            return false;
        }
        if (ValueTypes.isReference(text)) {
            Secret secret = ValueTypes.resolve(item, text);
            if (secret != null) {
                secrets.put(key, secret);
            }
            return secret != null;
        }
        if (isSensitive(key)) {
            item.error("looks sensitive; give it as a reference " + ValueTypes.REFERENCE_SYNTAX);
            return false;
        }
        plain.put(key, text);
        return true;
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>(plain);
        shown.putAll(secrets);
        return shown.toString();
    }
}
