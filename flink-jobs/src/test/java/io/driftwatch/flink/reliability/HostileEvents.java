package io.driftwatch.flink.reliability;

import io.driftwatch.schemas.events.ParseFailureReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Generates the fuzzer's records cheaply: each bad kind is a small template with the sequence number spliced
 * in (a few multi-megabyte payloads aside), each with the reason the job must give it. Good events come in three
 * flavours: known models with a bounded segment and channel, one model whose segment value is new on every event
 * (unbounded segments), one whose channel is new on every event (unbounded categories); some of them reuse an
 * earlier prediction id and some belong to models no config mentions (both are valid input, counted as such).
 */
final class HostileEvents {

    /** A bad record kind and the dead-letter reason the job must give it. */
    enum Bad {
        TRUNCATED(ParseFailureReason.INVALID_JSON),
        GARBAGE(ParseFailureReason.INVALID_JSON),
        NOT_AN_OBJECT(ParseFailureReason.NOT_AN_OBJECT),
        WRONG_TYPE(ParseFailureReason.WRONG_TYPE),
        NAN_LITERAL(ParseFailureReason.INVALID_JSON),
        OVERFLOWING_NUMBER(ParseFailureReason.NON_FINITE_NUMBER),
        EMPTY_MODEL(ParseFailureReason.EMPTY_IDENTIFIER),
        MISSING_MODEL(ParseFailureReason.MISSING_FIELD),
        DUPLICATE_FIELD(ParseFailureReason.DUPLICATE_FIELD),
        SCORE_OUT_OF_RANGE(ParseFailureReason.SCORE_OUT_OF_RANGE),
        NEGATIVE_LATENCY(ParseFailureReason.NEGATIVE_LATENCY),
        HUGE_STRING(ParseFailureReason.STRING_TOO_LONG),
        DEEP_NESTING(ParseFailureReason.TOO_DEEPLY_NESTED),
        FAR_FUTURE(ParseFailureReason.INVALID_TIMESTAMP),
        FAR_PAST(ParseFailureReason.INVALID_TIMESTAMP),
        TEN_MEGABYTES(ParseFailureReason.PAYLOAD_TOO_LARGE);

        final ParseFailureReason reason;

        Bad(ParseFailureReason reason) {
            this.reason = reason;
        }
    }

    /** Kinds cycled through for ordinary bad records (the multi-megabyte one is placed separately). */
    static final Bad[] CYCLED = Arrays.stream(Bad.values()).filter(b -> b != Bad.TEN_MEGABYTES).toArray(Bad[]::new);
    static final int TEN_MEGABYTES = 10 * 1024 * 1024;
    /** Longer than ParserLimits.DEFAULT_MAX_STRING_LENGTH (16 KiB). */
    private static final int HUGE_STRING_LENGTH = 20_000;
    /** Deeper than ParserLimits.DEFAULT_MAX_DEPTH (32). */
    private static final int DEEP = 64;
    static final String FRAUD = "fraud";
    static final String UNBOUNDED_SEGMENTS = "segments-model";
    static final String UNBOUNDED_CATEGORIES = "categories-model";
    private static final String[] COUNTRIES = {"DE", "FR", "IT"};
    private static final String[] CHANNELS = {"web", "app", "pos"};
    private static final String HUGE = "x".repeat(HUGE_STRING_LENGTH);
    private static final String DEEP_VALUE = "[".repeat(DEEP) + "]".repeat(DEEP);

    private final long baseMillis;
    private final long spacingMillis;

    /** Good events are timed from {@code baseMillis}, {@code spacingMillis} apart by sequence number. */
    HostileEvents(long baseMillis, long spacingMillis) {
        this.baseMillis = baseMillis;
        this.spacingMillis = spacingMillis;
    }

    long time(long seq) {
        return baseMillis + seq * spacingMillis;
    }

    String good(long seq, String model, String predictionId, String country, String channel) {
        return "{\"schema_version\":1,\"prediction_id\":\"" + predictionId + "\",\"model_id\":\"" + model
                + "\",\"model_version\":\"v1\",\"timestamp\":\"" + Instant.ofEpochMilli(time(seq))
                + "\",\"features\":{\"amount\":" + (seq % 97) * 0.5 + ",\"channel\":\"" + channel + "\"},\"score\":"
                + (seq % 101) / 100.0 + ",\"latency_ms\":" + (1 + seq % 40) + ",\"segment\":{\"country\":\"" + country
                + "\"}}";
    }

    String goodKnown(long seq) {
        return good(seq, FRAUD, "p-" + seq, COUNTRIES[(int) (seq % COUNTRIES.length)],
                CHANNELS[(int) (seq % CHANNELS.length)]);
    }

    /** A small valid event that each bad kind breaks in one way (kept small: a million of them are produced). */
    private String smallValid(long seq) {
        return "{\"schema_version\":1,\"prediction_id\":\"b" + seq + "\",\"model_id\":\"" + FRAUD
                + "\",\"model_version\":\"v1\",\"timestamp\":\"" + Instant.ofEpochMilli(time(seq))
                + "\",\"features\":{\"channel\":\"web\"},\"score\":0.5,\"latency_ms\":3}";
    }

    byte[] bad(Bad kind, long seq) {
        String ok = smallValid(seq);
        String text = switch (kind) {
            case TRUNCATED -> ok.substring(0, 1 + (int) (seq % (ok.length() - 2)));
            case GARBAGE -> "\u0000\u00ff#" + seq + "{{";
            case NOT_AN_OBJECT -> "[" + seq + "]";
            case WRONG_TYPE -> ok.replace("\"score\":0.5", "\"score\":\"high\"");
            case NAN_LITERAL -> ok.replace("\"score\":0.5", "\"score\":NaN");
            case OVERFLOWING_NUMBER -> ok.replace("\"latency_ms\":3", "\"latency_ms\":1e999");
            case EMPTY_MODEL -> ok.replace("\"model_id\":\"" + FRAUD + "\"", "\"model_id\":\"\"");
            case MISSING_MODEL -> ok.replace("\"model_id\":\"" + FRAUD + "\",", "");
            case DUPLICATE_FIELD -> ok.replace("\"score\":0.5", "\"score\":0.5,\"score\":0.6");
            case SCORE_OUT_OF_RANGE -> ok.replace("\"score\":0.5", "\"score\":" + (2 + seq % 5));
            case NEGATIVE_LATENCY -> ok.replace("\"latency_ms\":3", "\"latency_ms\":-" + (1 + seq % 9));
            case HUGE_STRING -> ok.replace("\"channel\":\"web\"", "\"channel\":\"" + HUGE + "\"");
            case DEEP_NESTING -> ok.replace("\"schema_version\":1,", "\"schema_version\":1,\"extra\":" + DEEP_VALUE + ",");
            case FAR_FUTURE -> ok.replace(Instant.ofEpochMilli(time(seq)).toString(), "2199-01-01T00:00:00Z");
            case FAR_PAST -> ok.replace(Instant.ofEpochMilli(time(seq)).toString(), "1971-01-01T00:00:00Z");
            case TEN_MEGABYTES -> ok.replace("\"channel\":\"web\"", "\"channel\":\"web\",\"pad\":\""
                    + "y".repeat(TEN_MEGABYTES) + "\"");
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
