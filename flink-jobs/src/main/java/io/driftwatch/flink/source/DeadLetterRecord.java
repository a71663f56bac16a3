package io.driftwatch.flink.source;

import io.driftwatch.schemas.events.DeadLetter;
import io.driftwatch.schemas.events.ParseFailureReason;

/**
 * A rejected record as a Flink POJO (see {@link Observation} for why), convertible to the shared
 * {@link DeadLetter} contract for the dead-letter topic.
 */
public class DeadLetterRecord {
    public byte[] payload;
    public int payloadSize;
    /** {@link ParseFailureReason#id()}. */
    public String reason;
    public String detail;
    public String sourceTopic;
    public int sourcePartition;
    public long sourceOffset;
    /** Kafka record timestamp. */
    public long recordTimeMillis;
    public long ingestTimeMillis;

    public DeadLetterRecord() {}

    public static DeadLetterRecord of(DeadLetter letter, long recordTimeMillis) {
        DeadLetterRecord r = new DeadLetterRecord();
        r.payload = letter.payload();
        r.payloadSize = letter.payloadSize();
        r.reason = letter.reason().id();
        r.detail = letter.detail();
        r.sourceTopic = letter.sourceTopic();
        r.sourcePartition = letter.sourcePartition();
        r.sourceOffset = letter.sourceOffset();
        r.recordTimeMillis = recordTimeMillis;
        r.ingestTimeMillis = letter.ingestTimeMillis();
        return r;
    }

    public DeadLetter toDeadLetter() {
        return new DeadLetter(payload, payloadSize, ParseFailureReason.fromId(reason), detail, sourceTopic,
                sourcePartition, sourceOffset, ingestTimeMillis);
    }

    @Override
    public String toString() {
        return "DeadLetterRecord[" + reason + " " + sourceTopic + "/" + sourcePartition + "@" + sourceOffset + ": "
                + detail + "]";
    }
}
