package io.driftwatch.flink.labels;

import io.driftwatch.flink.source.DeadLetterRecord;
import io.driftwatch.schemas.events.DeadLetter;
import io.driftwatch.schemas.events.LabelEvent;
import io.driftwatch.schemas.events.LabelValue;
import io.driftwatch.schemas.events.ParseFailureReason;
import java.util.Arrays;

/**
 * What the label source emits per Kafka record: a parsed label with its source coordinates (kept so that a
 * label the join rejects is dead-lettered like a malformed record), or a {@link DeadLetterRecord}. A Flink POJO.
 */
public class LabelRecord {
    public String predictionId;
    public String modelId;
    /** When the label became known, epoch ms. */
    public long eventTimeMillis;
    /** The numeric label (0/1 for binary, the target for regression); NaN for a class name. */
    public double numeric;
    /** The class name of a multiclass label; {@code null} for a numeric label. */
    public String className;
    public String sourceTopic;
    public int sourcePartition;
    public long sourceOffset;
    public long recordTimeMillis;
    /** The record value (at most {@link DeadLetter#MAX_PAYLOAD_BYTES}), for dead letters. */
    public byte[] payload;
    public int payloadSize;
    /** Set instead of the label when the record did not parse. */
    public DeadLetterRecord deadLetter;

    public LabelRecord() {}

    /** A parsed label with its record's coordinates; the payload is cut to {@link DeadLetter#MAX_PAYLOAD_BYTES}. */
    static LabelRecord of(LabelEvent event, String topic, int partition, long offset, long recordTimeMillis,
                          byte[] value) {
        LabelRecord r = new LabelRecord();
        r.predictionId = event.predictionId();
        r.modelId = event.modelId();
        r.eventTimeMillis = event.eventTimeMillis();
        r.numeric = event.label() instanceof LabelValue.Numeric n ? n.value() : Double.NaN;
        r.className = event.label() instanceof LabelValue.ClassName c ? c.name() : null;
        r.sourceTopic = topic;
        r.sourcePartition = partition;
        r.sourceOffset = offset;
        r.recordTimeMillis = recordTimeMillis;
        r.payload = value.length > DeadLetter.MAX_PAYLOAD_BYTES ? Arrays.copyOf(value, DeadLetter.MAX_PAYLOAD_BYTES)
                : value;
        r.payloadSize = value.length;
        return r;
    }

    static LabelRecord rejected(DeadLetterRecord deadLetter) {
        LabelRecord r = new LabelRecord();
        r.deadLetter = deadLetter;
        return r;
    }

    public boolean isValid() {
        return deadLetter == null;
    }

    /** The join key: model and prediction id. */
    public String joinKey() {
        return LabelJoin.joinKey(modelId, predictionId);
    }

    /** This label as a dead letter rejected by the join for {@code reason}. */
    DeadLetterRecord toDeadLetter(ParseFailureReason reason, String detail, long ingestTimeMillis) {
        DeadLetterRecord d = new DeadLetterRecord();
        d.payload = payload;
        d.payloadSize = payloadSize;
        d.reason = reason.id();
        d.detail = detail;
        d.sourceTopic = sourceTopic;
        d.sourcePartition = sourcePartition;
        d.sourceOffset = sourceOffset;
        d.recordTimeMillis = recordTimeMillis;
        d.ingestTimeMillis = ingestTimeMillis;
        return d;
    }

    @Override
    public String toString() {
        return isValid() ? "LabelRecord[" + modelId + "/" + predictionId + " @" + eventTimeMillis + " = "
                + (className != null ? className : numeric) + "]" : "LabelRecord[" + deadLetter + "]";
    }
}
