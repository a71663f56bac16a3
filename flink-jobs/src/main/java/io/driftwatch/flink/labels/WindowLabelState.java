package io.driftwatch.flink.labels;

import io.driftwatch.detectors.performance.BinaryClassificationAccumulator;
import io.driftwatch.detectors.performance.ExpectedConfusionAccumulator;
import io.driftwatch.detectors.performance.MulticlassAccumulator;
import io.driftwatch.detectors.performance.RegressionAccumulator;
import io.driftwatch.flink.config.LabelSpec;
import io.driftwatch.schemas.tables.ModelTask;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The folded state of one prediction-time window: prediction and label counts, the emission bookkeeping, and the
 * statistics core's mergeable accumulators for the model's task (binary: {@link BinaryClassificationAccumulator}
 * and the CBPE {@link ExpectedConfusionAccumulator}; multiclass: {@link MulticlassAccumulator}; regression:
 * {@link RegressionAccumulator}). Stored as bytes ({@link #toBytes}) in one value state.
 */
final class WindowLabelState {

    private static final byte FORMAT_VERSION = 1;

    long predictions;
    long labelled;
    /** Emissions so far. */
    long revision;
    /** Event time of the last emission; {@link Long#MIN_VALUE} before the first. */
    long lastEmission = Long.MIN_VALUE;
    final BinaryClassificationAccumulator binary;
    final ExpectedConfusionAccumulator expected;
    final MulticlassAccumulator multiclass;
    final RegressionAccumulator regression;

    private WindowLabelState(BinaryClassificationAccumulator binary, ExpectedConfusionAccumulator expected,
                             MulticlassAccumulator multiclass, RegressionAccumulator regression) {
        this.binary = binary;
        this.expected = expected;
        this.multiclass = multiclass;
        this.regression = regression;
    }

    static WindowLabelState empty(LabelSpec spec) {
        return switch (spec.task()) {
            case BINARY -> new WindowLabelState(new BinaryClassificationAccumulator(spec.threshold()),
                    new ExpectedConfusionAccumulator(spec.threshold()), null, null);
            case MULTICLASS -> new WindowLabelState(null, null, new MulticlassAccumulator(spec.classes().size()), null);
            case REGRESSION -> new WindowLabelState(null, null, null, new RegressionAccumulator());
        };
    }

    /** Folds one outcome (callers fold in {@link Outcome#ORDER}). */
    void add(Outcome o, ModelTask task) {
        if (o.kind == Outcome.PREDICTION) {
            predictions++;
            if (task == ModelTask.BINARY && !Double.isNaN(o.output)) {
                expected.add(o.output);
            }
            return;
        }
        labelled++;
        switch (task) {
            case BINARY -> binary.add(o.output, (int) o.labelNumeric);
            case MULTICLASS -> multiclass.add(o.labelClass, o.predictedClass);
            case REGRESSION -> regression.add(o.labelNumeric, o.output);
        }
    }

    byte[] toBytes() {
        byte[][] parts = {bytes(binary == null ? null : binary.toBytes()), bytes(expected == null ? null : expected.toBytes()),
                bytes(multiclass == null ? null : multiclass.toBytes()), bytes(regression == null ? null : regression.toBytes())};
        int size = 1 + 4 * Long.BYTES;
        for (byte[] part : parts) {
            size += Integer.BYTES + part.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT_VERSION).putLong(predictions).putLong(labelled).putLong(revision).putLong(lastEmission);
        for (byte[] part : parts) {
            out.putInt(part.length).put(part);
        }
        return out.array();
    }

    private static byte[] bytes(byte[] part) {
        return part == null ? new byte[0] : part;
    }

    /** @throws IllegalArgumentException on an unknown version or a state that does not fit the model's task */
    static WindowLabelState fromBytes(byte[] bytes, LabelSpec spec) {
        Objects.requireNonNull(bytes, "bytes");
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.get() != FORMAT_VERSION) {
            throw new IllegalArgumentException("window label state: unknown format version " + bytes[0]);
        }
        long predictions = in.getLong();
        long labelled = in.getLong();
        long revision = in.getLong();
        long lastEmission = in.getLong();
        byte[] binary = part(in);
        byte[] expected = part(in);
        byte[] multiclass = part(in);
        byte[] regression = part(in);
        WindowLabelState state = new WindowLabelState(
                binary.length == 0 ? null : BinaryClassificationAccumulator.fromBytes(binary),
                expected.length == 0 ? null : ExpectedConfusionAccumulator.fromBytes(expected),
                multiclass.length == 0 ? null : MulticlassAccumulator.fromBytes(multiclass),
                regression.length == 0 ? null : RegressionAccumulator.fromBytes(regression));
        boolean fits = switch (spec.task()) {
            case BINARY -> state.binary != null && state.expected != null;
            case MULTICLASS -> state.multiclass != null && state.multiclass.classCount() == spec.classes().size();
            case REGRESSION -> state.regression != null;
        };
        if (!fits) {
            throw new IllegalArgumentException("window label state does not fit task " + spec.task().sqlValue()
                    + " (the model's label options changed?)");
        }
        state.predictions = predictions;
        state.labelled = labelled;
        state.revision = revision;
        state.lastEmission = lastEmission;
        return state;
    }

    private static byte[] part(ByteBuffer in) {
        byte[] part = new byte[in.getInt()];
        in.get(part);
        return part;
    }
}
