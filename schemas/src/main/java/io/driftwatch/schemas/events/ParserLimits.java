package io.driftwatch.schemas.events;

import java.io.Serializable;

/**
 * Bounds the parser enforces so that one hostile event cannot exhaust memory or CPU.
 *
 * @param maxPayloadBytes     larger payloads fail with {@code payload_too_large} before any parsing
 * @param maxDepth            deepest allowed nesting of objects/arrays, the event object itself being depth 1
 *                            ({@code too_deeply_nested})
 * @param maxStringLength     longest allowed string value or field name, in chars ({@code string_too_long})
 * @param scoresSumTolerance  allowed absolute difference between 1 and the sum of {@code scores}
 *                            ({@code scores_not_normalized})
 */
public record ParserLimits(int maxPayloadBytes, int maxDepth, int maxStringLength, double scoresSumTolerance)
        implements Serializable {

    /** 1 MiB: Kafka's default {@code max.message.bytes} is about this size, so larger events are a mistake. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1 << 20;
    /** Events are flat (features, scores, segment are depth 2); 32 leaves room for nested unknown fields. */
    public static final int DEFAULT_MAX_DEPTH = 32;
    /** 16 Ki chars: ids and categories are short; longer strings are free text we do not monitor. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 16 * 1024;
    /**
     * 1e-3: accepts float32 softmax outputs printed with 4 decimals for up to 20 classes
     * (20 * 0.5e-4 rounding error), while catching un-normalised logits.
     */
    public static final double DEFAULT_SCORES_SUM_TOLERANCE = 1e-3;

    public static final ParserLimits DEFAULT = new ParserLimits(DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_DEPTH,
            DEFAULT_MAX_STRING_LENGTH, DEFAULT_SCORES_SUM_TOLERANCE);

    public ParserLimits {
        requirePositive("maxPayloadBytes", maxPayloadBytes);
        requirePositive("maxDepth", maxDepth);
        requirePositive("maxStringLength", maxStringLength);
        if (!(scoresSumTolerance >= 0.0 && scoresSumTolerance < 1.0)) {
            throw new IllegalArgumentException("scoresSumTolerance must be in [0, 1), got " + scoresSumTolerance);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
