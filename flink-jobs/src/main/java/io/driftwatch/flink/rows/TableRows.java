package io.driftwatch.flink.rows;

import io.driftwatch.detectors.profile.FeatureKind;
import io.driftwatch.flink.source.DeadLetterRecord;
import io.driftwatch.schemas.tables.DeadLetterRow;
import io.driftwatch.schemas.tables.DistributionKind;
import io.driftwatch.schemas.tables.WindowKey;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts the pipeline's rows (Flink-friendly: epoch millis, arrays) to the shared table rows of
 * {@code io.driftwatch.schemas.tables}, whose {@code bind} writes them in the tables' column order.
 */
public final class TableRows {

    private TableRows() {}

    public static WindowKey key(WindowId id) {
        return new WindowKey(id.modelId(), id.modelVersion(), id.segment(), Instant.ofEpochMilli(id.windowStart()),
                Instant.ofEpochMilli(id.windowEnd()));
    }

    public static io.driftwatch.schemas.tables.FeatureDriftRow of(FeatureDriftRow r) {
        return new io.driftwatch.schemas.tables.FeatureDriftRow(key(r.window()),
                io.driftwatch.schemas.tables.Subject.valueOf(r.subject().name()), r.feature(),
                r.featureKind() == FeatureKind.NUMERIC ? DistributionKind.NUMERIC : DistributionKind.CATEGORICAL,
                r.test(), io.driftwatch.schemas.tables.BaselineKind.valueOf(r.baselineKind().name()), r.baselineId(),
                r.statistic(), r.pValue(), r.threshold(), r.drift(), r.errorBound(), r.nReference(), r.nCurrent(),
                Instant.ofEpochMilli(r.emittedAt()));
    }

    public static io.driftwatch.schemas.tables.VolumeRow of(VolumeRow r) {
        Map<String, Long> classes = new LinkedHashMap<>();
        for (int i = 0; i < r.classNames().length; i++) {
            classes.put(r.classNames()[i], r.classCounts()[i]);
        }
        return new io.driftwatch.schemas.tables.VolumeRow(key(r.window()), r.predictions(), r.scored(), r.scoreSum(),
                r.scoreMean(), r.scoreStd(), r.scoreMin(), r.scoreMax(), classes, r.lateEvents(),
                Instant.ofEpochMilli(r.emittedAt()));
    }

    public static io.driftwatch.schemas.tables.LatencyRow of(LatencyRow r) {
        return new io.driftwatch.schemas.tables.LatencyRow(key(r.window()), r.count(), r.sumMs(), r.minMs(), r.maxMs(),
                r.p50Ms(), r.p90Ms(), r.p95Ms(), r.p99Ms(), r.p999Ms(), Base64.getDecoder().decode(r.sketchBase64()),
                Instant.ofEpochMilli(r.emittedAt()));
    }

    public static io.driftwatch.schemas.tables.DataQualityRow of(DataQualityRow r) {
        return new io.driftwatch.schemas.tables.DataQualityRow(key(r.window()), r.feature(), r.seen(), r.nullCount(),
                r.nanCount(), r.positiveInfinityCount(), r.negativeInfinityCount(), r.outOfRangeCount(),
                r.unseenCategoryCount(), r.typeMismatchCount(), Instant.ofEpochMilli(r.emittedAt()));
    }

    /** The dead letter's row; the model id is unknown ({@code ""}) since the record did not parse. */
    public static DeadLetterRow of(DeadLetterRecord r) {
        return new DeadLetterRow(r.sourceTopic, r.sourcePartition, r.sourceOffset,
                Instant.ofEpochMilli(Math.max(0, r.recordTimeMillis)), Instant.ofEpochMilli(r.ingestTimeMillis), "",
                r.reason, r.detail, payloadText(r.payload, r.payloadSize), r.payloadSize);
    }

    /**
     * The payload as UTF-8 text for the {@code payload} String column: malformed bytes become U+FFFD, and the
     * text is cut so its UTF-8 form never exceeds {@code payloadSize} (replacement characters take 3 bytes).
     */
    static String payloadText(byte[] payload, int payloadSize) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        String text;
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(payload));
            text = chars.toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
        while (text.getBytes(StandardCharsets.UTF_8).length > payloadSize) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
