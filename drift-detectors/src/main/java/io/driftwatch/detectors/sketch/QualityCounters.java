package io.driftwatch.detectors.sketch;

import io.driftwatch.detectors.state.StateBytes;
import io.driftwatch.detectors.state.MergeableState;
import java.nio.ByteBuffer;

/**
 * Counts of {@link QualityIssue}s plus the total number of observations seen (valid or not). An observation
 * may carry more than one issue only where documented (e.g. out-of-range values are valid values too), so
 * rates are {@code count(issue) / totalSeen()}.
 */
public final class QualityCounters implements MergeableState<QualityCounters> {

    /** Format version of {@link #toBytes()}: version, total, number of issues, then one count per issue. */
    public static final byte VERSION = 1;
    private static final String TYPE = "QualityCounters";
    private static final QualityIssue[] ISSUES = QualityIssue.values();

    private long totalSeen;
    private final long[] counts = new long[ISSUES.length];

    /** Counts one observation, whatever its quality. */
    public void recordSeen() {
        totalSeen++;
    }

    /** Counts one occurrence of {@code issue} (the observation itself is counted by {@link #recordSeen()}). */
    public void record(QualityIssue issue) {
        counts[issue.ordinal()]++;
    }

    public long totalSeen() {
        return totalSeen;
    }

    public long count(QualityIssue issue) {
        return counts[issue.ordinal()];
    }

    /** {@code count(issue) / totalSeen()}, NaN when nothing was seen. */
    public double rate(QualityIssue issue) {
        return totalSeen == 0 ? Double.NaN : (double) count(issue) / totalSeen;
    }

    @Override
    public void merge(QualityCounters other) {
        totalSeen += other.totalSeen;
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    @Override
    public QualityCounters copy() {
        QualityCounters copy = new QualityCounters();
        copy.merge(this);
        return copy;
    }

    @Override
    public byte[] toBytes() {
        ByteBuffer buffer = StateBytes.writer(VERSION, Long.BYTES + Integer.BYTES + counts.length * Long.BYTES);
        buffer.putLong(totalSeen).putInt(counts.length);
        for (long count : counts) {
            buffer.putLong(count);
        }
        return buffer.array();
    }

    /** Inverts {@link #toBytes()}. */
    public static QualityCounters fromBytes(byte[] bytes) {
        return StateBytes.decode(bytes, VERSION, TYPE, buffer -> {
            QualityCounters counters = new QualityCounters();
            counters.totalSeen = requireNonNegative(buffer.getLong());
            int issues = buffer.getInt();
            if (issues != ISSUES.length) {
                throw new IllegalArgumentException(
                        TYPE + ": encoding has " + issues + " issue counts, expected " + ISSUES.length);
            }
            for (int i = 0; i < issues; i++) {
                counters.counts[i] = requireNonNegative(buffer.getLong());
            }
            return counters;
        });
    }

    private static long requireNonNegative(long count) {
        if (count < 0) {
            throw new IllegalArgumentException(TYPE + ": negative count " + count);
        }
        return count;
    }

    @Override
    public boolean isEmpty() {
        if (totalSeen != 0) {
            return false;
        }
        for (long count : counts) {
            if (count != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("QualityCounters{seen=").append(totalSeen);
        for (QualityIssue issue : ISSUES) {
            text.append(", ").append(issue).append('=').append(count(issue));
        }
        return text.append('}').toString();
    }
}
