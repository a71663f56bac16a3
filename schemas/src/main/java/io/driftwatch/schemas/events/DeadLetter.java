package io.driftwatch.schemas.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A rejected event as written to the dead-letter topic (see {@code dead-letter.schema.json}).
 *
 * @param payload          the original bytes, cut to {@link #MAX_PAYLOAD_BYTES}; base64 in JSON because they
 *                         need not be valid UTF-8
 * @param payloadSize      length of the original payload in bytes (larger than {@code payload.length} when cut)
 * @param reason           why it was rejected
 * @param detail           human-readable detail
 * @param sourceTopic      Kafka topic it was read from
 * @param sourcePartition  Kafka partition
 * @param sourceOffset     Kafka offset
 * @param ingestTimeMillis when Driftwatch read it, epoch millis
 */
public record DeadLetter(byte[] payload, int payloadSize, ParseFailureReason reason, String detail,
                         String sourceTopic, int sourcePartition, long sourceOffset, long ingestTimeMillis) {

    /** Version of the dead-letter JSON layout, written as {@code dead_letter_version}. */
    public static final int FORMAT_VERSION = 1;
    /**
     * 256 KiB: base64 grows it to about 342 KiB, leaving the message well under Kafka's default
     * 1 MiB {@code max.message.bytes} even for a {@code payload_too_large} event.
     */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    /** Base64 writes 4 chars per 3 bytes; the fixed fields take well under this many more. */
    private static final int BASE64_CHARS = 4;
    private static final int BASE64_BYTES = 3;
    private static final int JSON_OVERHEAD_ESTIMATE = 256;
    /** Never reconfigured after construction, so safe to share. */
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper READER = new ObjectMapper(JSON);

    public DeadLetter {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD_BYTES
                    + "; use DeadLetter.of to cut it");
        }
        if (payloadSize < payload.length) {
            throw new IllegalArgumentException("payloadSize " + payloadSize + " < payload length " + payload.length);
        }
        payload = payload.clone();
    }

    /** A dead letter for {@code original}, cutting it to {@link #MAX_PAYLOAD_BYTES}. */
    public static DeadLetter of(byte[] original, ParseFailure failure, String sourceTopic, int sourcePartition,
                                long sourceOffset, long ingestTimeMillis) {
        byte[] bytes = original == null ? new byte[0] : original;
        byte[] kept = bytes.length > MAX_PAYLOAD_BYTES ? Arrays.copyOf(bytes, MAX_PAYLOAD_BYTES) : bytes;
        return new DeadLetter(kept, bytes.length, failure.reason(), failure.detail(), sourceTopic, sourcePartition,
                sourceOffset, ingestTimeMillis);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public boolean payloadTruncated() {
        return payloadSize > payload.length;
    }

    /** UTF-8 JSON for the dead-letter topic. */
    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                payload.length / BASE64_BYTES * BASE64_CHARS + BASE64_CHARS + JSON_OVERHEAD_ESTIMATE + detail.length());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("dead_letter_version", FORMAT_VERSION);
            g.writeStringField("reason", reason.id());
            g.writeStringField("detail", detail);
            g.writeStringField("source_topic", sourceTopic);
            g.writeNumberField("source_partition", sourcePartition);
            g.writeNumberField("source_offset", sourceOffset);
            g.writeNumberField("ingest_time_ms", ingestTimeMillis);
            g.writeNumberField("payload_size", payloadSize);
            g.writeBooleanField("payload_truncated", payloadTruncated());
            g.writeStringField("payload_base64", Base64.getEncoder().encodeToString(payload));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Reads {@link #toJson()} output; throws {@link IllegalArgumentException} naming the problem. */
    public static DeadLetter fromJson(byte[] json) {
        JsonNode node;
        try {
            node = READER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("dead letter is not valid JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("dead letter must be a JSON object");
        }
        int version = required(node, "dead_letter_version").asInt();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported dead_letter_version " + version);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(required(node, "payload_base64").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("payload_base64 is not base64: " + e.getMessage(), e);
        }
        return new DeadLetter(bytes, required(node, "payload_size").asInt(),
                ParseFailureReason.fromId(required(node, "reason").asText()), required(node, "detail").asText(),
                required(node, "source_topic").asText(), required(node, "source_partition").asInt(),
                required(node, "source_offset").asLong(), required(node, "ingest_time_ms").asLong());
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("dead letter lacks '" + field + "'");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeadLetter d && Arrays.equals(payload, d.payload) && payloadSize == d.payloadSize
                && reason == d.reason && detail.equals(d.detail) && sourceTopic.equals(d.sourceTopic)
                && sourcePartition == d.sourcePartition && sourceOffset == d.sourceOffset
                && ingestTimeMillis == d.ingestTimeMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(payload), payloadSize, reason, detail, sourceTopic, sourcePartition,
                sourceOffset, ingestTimeMillis);
    }

    @Override
    public String toString() {
        return "DeadLetter[reason=" + reason.id() + ", detail=" + detail + ", source=" + sourceTopic + "/"
                + sourcePartition + "@" + sourceOffset + ", ingestTimeMillis=" + ingestTimeMillis + ", payloadSize="
                + payloadSize + (payloadTruncated() ? " (truncated)" : "") + "]";
    }
}
