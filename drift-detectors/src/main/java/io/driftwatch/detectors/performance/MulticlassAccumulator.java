package io.driftwatch.detectors.performance;

import io.driftwatch.detectors.state.StateBytes;
import io.driftwatch.detectors.state.MergeableState;
import java.nio.ByteBuffer;

/**
 * Streaming, mergeable confusion matrix over classes {@code 0 .. classCount-1}; top-1 accuracy and macro F1
 * from it are exact. Size is classCount squared counters, bounded by {@link #MAX_CLASSES}; the encoding
 * stores only non-zero cells. Not thread-safe; {@link #add} allocates nothing.
 */
public final class MulticlassAccumulator implements MergeableState<MulticlassAccumulator> {
    /** Largest class set: 1024 classes are 8 MB of counters, the most we keep per window and segment. */
    public static final int MAX_CLASSES = 1024;

    private static final byte FORMAT_VERSION = 1;
    private static final String TYPE = "MulticlassAccumulator";

    private final int classCount;
    /** counts[trueClass * classCount + predictedClass]. */
    private final long[] counts;
    private long total;

    /** @param classCount number of classes, 2 to {@link #MAX_CLASSES} */
    public MulticlassAccumulator(int classCount) {
        if (classCount < 2 || classCount > MAX_CLASSES) {
            throw new IllegalArgumentException(
                    "class count must be in [2, " + MAX_CLASSES + "], got " + classCount);
        }
        this.classCount = classCount;
        this.counts = new long[classCount * classCount];
    }

    public int classCount() {
        return classCount;
    }

    public long count() {
        return total;
    }

    /** @throws IllegalArgumentException if a class is outside [0, classCount) */
    public void add(int trueClass, int predictedClass) {
        requireClass(trueClass, "true class");
        requireClass(predictedClass, "predicted class");
        counts[trueClass * classCount + predictedClass]++;
        total++;
    }

    /**
     * Adds an example whose prediction is the argmax of {@code probabilities} (the first maximum on ties, as
     * numpy's argmax). The vector need not sum to 1.
     *
     * @throws IllegalArgumentException if the vector's length is not classCount or an entry is NaN
     */
    public void add(int trueClass, double[] probabilities) {
        add(trueClass, argmax(probabilities, classCount));
    }

    static int argmax(double[] probabilities, int classCount) {
        if (probabilities.length != classCount) {
            throw new IllegalArgumentException(
                    "expected " + classCount + " class probabilities, got " + probabilities.length);
        }
        int best = 0;
        for (int k = 0; k < probabilities.length; k++) {
            Checks.requireFinite(probabilities[k], "class probability");
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }

    private void requireClass(int cls, String what) {
        if (cls < 0 || cls >= classCount) {
            throw new IllegalArgumentException(what + " must be in [0, " + classCount + "), got " + cls);
        }
    }

    /** Count of examples with the given true and predicted class. */
    public long count(int trueClass, int predictedClass) {
        requireClass(trueClass, "true class");
        requireClass(predictedClass, "predicted class");
        return counts[trueClass * classCount + predictedClass];
    }

    public MulticlassMetrics metrics() {
        if (total == 0) {
            return new MulticlassMetrics(Double.NaN, Double.NaN);
        }
        long correct = 0;
        double f1Sum = 0.0;
        int present = 0;
        for (int k = 0; k < classCount; k++) {
            long tp = counts[k * classCount + k];
            long actual = 0;
            long predicted = 0;
            for (int j = 0; j < classCount; j++) {
                actual += counts[k * classCount + j];
                predicted += counts[j * classCount + k];
            }
            correct += tp;
            if (actual + predicted > 0) {
                present++;
                f1Sum += 2.0 * tp / (actual + predicted); // 2tp / (2tp + fp + fn)
            }
        }
        return new MulticlassMetrics((double) correct / total, f1Sum / present);
    }

    /** @throws IllegalArgumentException if the class counts differ */
    @Override
    public void merge(MulticlassAccumulator other) {
        if (classCount != other.classCount) {
            throw new IllegalArgumentException(
                    "cannot merge class counts " + classCount + " and " + other.classCount);
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    @Override
    public MulticlassAccumulator copy() {
        MulticlassAccumulator copy = new MulticlassAccumulator(classCount);
        System.arraycopy(counts, 0, copy.counts, 0, counts.length);
        copy.total = total;
        return copy;
    }

    /** Version, class count, number of non-zero cells, then (cell index, count) each. */
    @Override
    public byte[] toBytes() {
        int nonZero = 0;
        for (long c : counts) {
            if (c != 0) {
                nonZero++;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(1 + 2 * Integer.BYTES + nonZero * (Integer.BYTES + Long.BYTES));
        out.put(FORMAT_VERSION).putInt(classCount).putInt(nonZero);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                out.putInt(i).putLong(counts[i]);
            }
        }
        return out.array();
    }

    /** Inverts {@link #toBytes()}; @throws IllegalArgumentException on an unknown version or bad encoding. */
    public static MulticlassAccumulator fromBytes(byte[] bytes) {
        return StateBytes.decode(bytes, FORMAT_VERSION, TYPE, in -> {
            MulticlassAccumulator state = new MulticlassAccumulator(in.getInt());
            int nonZero = in.getInt();
            if (nonZero < 0 || nonZero > state.counts.length) {
                throw new IllegalArgumentException(TYPE + " encoding has " + nonZero + " cells");
            }
            int previous = -1;
            for (int i = 0; i < nonZero; i++) {
                int cell = in.getInt();
                long count = in.getLong();
                if (cell <= previous || cell >= state.counts.length || count <= 0) {
                    throw new IllegalArgumentException(TYPE + " encoding has a bad cell " + cell);
                }
                previous = cell;
                state.counts[cell] = count;
                state.total += count;
            }
            return state;
        });
    }

    @Override
    public boolean isEmpty() {
        return total == 0;
    }
}
