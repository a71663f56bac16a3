package io.driftwatch.flink.labels;

import io.driftwatch.detectors.change.ChangeDetector;
import io.driftwatch.detectors.change.ChangeDetectors;
import io.driftwatch.detectors.change.DetectorId;
import io.driftwatch.detectors.change.Signal;
import io.driftwatch.flink.config.LabelConfig;
import io.driftwatch.flink.config.LabelSpec;
import io.driftwatch.schemas.tables.ChangePointRow;
import io.driftwatch.schemas.tables.ModelTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * ADWIN (the statistics core's, default parameters) on a model's per-prediction error stream, keyed by
 * {@link Outcome#streamKey()}: 1 - correct for classifiers (stream {@value #ERROR}), |label - prediction| for
 * regression ({@value #ABS_ERROR}). Labelled outcomes are buffered and released on the watermark (on the
 * model's emit-interval grid) in
 * {@link Outcome#ORDER}, so the detector sees the same sequence on every replay; a change becomes a
 * {@code change_points} row at the label's event time ({@code emitted_at} = the releasing watermark timer).
 * The detector keeps no means, so mean_before and mean_after are NaN.
 */
public final class ErrorChangeDetection extends KeyedProcessFunction<String, Outcome, ChangePointRow> {

    private static final long serialVersionUID = 1L;
    public static final DetectorId DETECTOR = DetectorId.ADWIN;
    public static final String ERROR = "error";
    public static final String ABS_ERROR = "abs_error";

    private final LabelConfig config;
    private transient ValueState<byte[]> detector;
    private transient ListState<Outcome> buffer;

    public ErrorChangeDetection(LabelConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void open(OpenContext openContext) {
        detector = getRuntimeContext().getState(new ValueStateDescriptor<>("detector",
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        buffer = getRuntimeContext().getListState(new ListStateDescriptor<>("buffer", TypeInformation.of(Outcome.class)));
    }

    @Override
    public void processElement(Outcome o, Context ctx, Collector<ChangePointRow> out) throws Exception {
        if (o.kind != Outcome.LABEL) {
            return;
        }
        buffer.add(o);
        // released on the model's emit grid: the same global order, fewer timer calls
        long interval = config.forModel(o.modelId).emitInterval().toMillis();
        ctx.timerService().registerEventTimeTimer(WindowPerformance.gridCeiling(o.orderTime, interval));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ChangePointRow> out) throws Exception {
        List<Outcome> ready = new ArrayList<>();
        List<Outcome> later = new ArrayList<>();
        for (Outcome o : buffer.get()) {
            (o.orderTime <= timestamp ? ready : later).add(o);
        }
        if (ready.isEmpty()) {
            return;
        }
        ready.sort(Outcome.ORDER);
        byte[] bytes = detector.value();
        ChangeDetector d = bytes == null ? ChangeDetectors.create(DETECTOR) : ChangeDetectors.fromBytes(bytes);
        for (Outcome o : ready) {
            LabelSpec spec = config.forModel(o.modelId);
            if (d.update(error(o, spec)) == Signal.CHANGE) {
                out.collect(new ChangePointRow(o.modelId, o.modelVersion, o.segment, DETECTOR.wireId(),
                        spec.task() == ModelTask.REGRESSION ? ABS_ERROR : ERROR, Instant.ofEpochMilli(o.labelTimeMillis),
                        Instant.ofEpochMilli(o.windowStart), d.inputs(), Double.NaN, Double.NaN,
                        Instant.ofEpochMilli(timestamp)));
            }
        }
        detector.update(d.toBytes());
        buffer.update(later);
    }

    /** The error of one labelled prediction: 0/1 for classifiers, the absolute error for regression. */
    static double error(Outcome o, LabelSpec spec) {
        return switch (spec.task()) {
            case BINARY -> (o.output >= spec.threshold() ? 1 : 0) == (int) o.labelNumeric ? 0 : 1;
            case MULTICLASS -> o.predictedClass == o.labelClass ? 0 : 1;
            case REGRESSION -> Math.abs(o.labelNumeric - o.output);
        };
    }
}
