package io.driftwatch.flink.labels;

import io.driftwatch.flink.config.LabelConfig;
import io.driftwatch.flink.config.LabelSpec;
import io.driftwatch.flink.source.DeadLetterRecord;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.flink.telemetry.PipelineMetrics;
import io.driftwatch.schemas.events.ParseFailureReason;
import io.driftwatch.schemas.tables.ModelTask;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Joins predictions with their delayed labels, keyed by (model, prediction id) ({@link #joinKey}). Everything runs
 * on event time, so a replay makes the same decisions:
 * <ul>
 *   <li>a prediction is kept ({@link PendingPrediction}, a few dozen bytes) until its time plus the model's
 *       horizon; then it becomes a tombstone for the pending-label wait (so a late label is told apart from an
 *       unknown one) and is dropped. Event-time timers are the state's TTL (Flink's state TTL is processing-time
 *       only) and leave no state behind;</li>
 *   <li>a label joins its prediction ({@link Outcome#LABEL}); a label that comes before its prediction waits at
 *       most the pending-label wait past its own time;</li>
 *   <li>rejected labels go to {@link #DEAD_LETTERS}, counted per reason: {@code duplicate_label} (the prediction is
 *       labelled already), {@code label_past_horizon} (label time after prediction time plus horizon, or the
 *       prediction already expired), {@code unknown_prediction} (no prediction within the wait, or its state is
 *       gone), {@code label_mismatch} (label type or prediction output does not fit the model's task).</li>
 * </ul>
 * Every first arrival of a prediction is also passed on as {@link Outcome#PREDICTION} (window counts, CBPE); a
 * repeated prediction id is ignored.
 */
public final class LabelJoin extends KeyedCoProcessFunction<String, Observation, LabelRecord, Outcome> {

    /**
     * One text for a second label, whether the first still waits for its prediction or already joined it: which
     * of the two happened depends on which topic the job read first, not on the input, and the dead-letter row
     * must be the same on a replay.
     */
    static final String DUPLICATE_DETAIL = "a label for this prediction came already";

    private static final long serialVersionUID = 1L;
    /** Separates model and prediction id in the key (a control character no id contains in practice). */
    private static final char KEY_SEPARATOR = '\u001f';
    public static final OutputTag<DeadLetterRecord> DEAD_LETTERS =
            new OutputTag<>("label-dead-letters", TypeInformation.of(DeadLetterRecord.class));

    private final LabelConfig config;
    private final long windowSizeMillis;
    private transient ValueState<PendingPrediction> prediction;
    private transient ValueState<LabelRecord> waitingLabel;
    private transient Map<ParseFailureReason, Counter> rejected;
    private transient Counter joined;

    /** @param windowSizeMillis length of the prediction-time windows the outcomes are assigned to */
    public LabelJoin(LabelConfig config, long windowSizeMillis) {
        this.config = Objects.requireNonNull(config, "config");
        if (windowSizeMillis <= 0) {
            throw new IllegalArgumentException("window size must be positive, got " + windowSizeMillis);
        }
        this.windowSizeMillis = windowSizeMillis;
    }

    public static String joinKey(String modelId, String predictionId) {
        return modelId + KEY_SEPARATOR + predictionId;
    }

    @Override
    public void open(OpenContext openContext) {
        prediction = getRuntimeContext().getState(new ValueStateDescriptor<>("prediction",
                TypeInformation.of(PendingPrediction.class)));
        waitingLabel = getRuntimeContext().getState(new ValueStateDescriptor<>("waiting-label",
                TypeInformation.of(LabelRecord.class)));
        MetricGroup group = getRuntimeContext().getMetricGroup().addGroup(PipelineMetrics.GROUP);
        joined = group.counter(PipelineMetrics.LABELS_JOINED);
        rejected = new EnumMap<>(ParseFailureReason.class);
        for (ParseFailureReason reason : ParseFailureReason.LABEL_JOIN) {
            rejected.put(reason, group.addGroup(PipelineMetrics.REASON_TAG, reason.id())
                    .counter(PipelineMetrics.LABELS_REJECTED));
        }
    }

    @Override
    public void processElement1(Observation o, Context ctx, Collector<Outcome> out) throws Exception {
        if (prediction.value() != null) {
            return;
        }
        LabelSpec spec = config.forModel(o.modelId);
        PendingPrediction p = new PendingPrediction();
        p.modelVersion = o.modelVersion;
        p.segment = o.segment;
        p.eventTimeMillis = o.eventTimeMillis;
        p.output = spec.task() == ModelTask.REGRESSION ? o.value : o.score;
        p.predictedClass = spec.task() == ModelTask.MULTICLASS ? spec.classIndex(o.predictedClass) : -1;
        p.status = PendingPrediction.PENDING;
        prediction.update(p);
        ctx.timerService().registerEventTimeTimer(expiry(p, spec));
        out.collect(outcome(o.modelId, o.predictionId, p, Outcome.PREDICTION, null));
        LabelRecord waiting = waitingLabel.value();
        if (waiting != null) {
            waitingLabel.clear();
            ctx.timerService().deleteEventTimeTimer(waitEnd(waiting, spec));
            join(waiting, p, spec, ctx, out);
        }
    }

    @Override
    public void processElement2(LabelRecord label, Context ctx, Collector<Outcome> out) throws Exception {
        LabelSpec spec = config.forModel(label.modelId);
        String mismatch = labelMismatch(label, spec);
        if (mismatch != null) {
            reject(label, ParseFailureReason.LABEL_MISMATCH, mismatch, ctx);
            return;
        }
        PendingPrediction p = prediction.value();
        if (p != null) {
            join(label, p, spec, ctx, out);
        } else if (waitingLabel.value() != null) {
            reject(label, ParseFailureReason.DUPLICATE_LABEL, DUPLICATE_DETAIL, ctx);
        } else {
            waitingLabel.update(label);
            ctx.timerService().registerEventTimeTimer(waitEnd(label, spec));
        }
    }

    private void join(LabelRecord label, PendingPrediction p, LabelSpec spec, Context ctx, Collector<Outcome> out)
            throws Exception {
        if (p.status == PendingPrediction.LABELLED) {
            reject(label, ParseFailureReason.DUPLICATE_LABEL, DUPLICATE_DETAIL, ctx);
        } else if (label.eventTimeMillis > p.eventTimeMillis + spec.horizon().toMillis()) {
            reject(label, ParseFailureReason.LABEL_PAST_HORIZON, "label " + (label.eventTimeMillis - p.eventTimeMillis)
                    + " ms after its prediction, horizon " + spec.horizon().toMillis() + " ms", ctx);
        } else if (p.status == PendingPrediction.EXPIRED) {
            reject(label, ParseFailureReason.LABEL_PAST_HORIZON, "the prediction's state expired before the label came",
                    ctx);
        } else if (outputMissing(p, spec)) {
            reject(label, ParseFailureReason.LABEL_MISMATCH, "the prediction has no " + switch (spec.task()) {
                case BINARY -> "binary score";
                case REGRESSION -> "regression value";
                case MULTICLASS -> "predicted_class among the model's classes";
            }, ctx);
        } else {
            p.status = PendingPrediction.LABELLED;
            prediction.update(p);
            joined.inc();
            out.collect(outcome(label.modelId, label.predictionId, p, Outcome.LABEL, label));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Outcome> out) throws Exception {
        String key = ctx.getCurrentKey();
        LabelSpec spec = config.forModel(key.substring(0, key.indexOf(KEY_SEPARATOR)));
        LabelRecord waiting = waitingLabel.value();
        if (waiting != null && timestamp >= waitEnd(waiting, spec)) {
            waitingLabel.clear();
            reject(waiting, ParseFailureReason.UNKNOWN_PREDICTION, "no prediction came within "
                    + spec.pendingLabelWait().toMillis() + " ms of the label", ctx);
        }
        PendingPrediction p = prediction.value();
        if (p == null) {
            return;
        }
        if (p.status != PendingPrediction.EXPIRED && timestamp >= expiry(p, spec)) {
            p.status = PendingPrediction.EXPIRED;
            prediction.update(p);
            ctx.timerService().registerEventTimeTimer(tombstoneEnd(p, spec));
        } else if (p.status == PendingPrediction.EXPIRED && timestamp >= tombstoneEnd(p, spec)) {
            prediction.clear();
        }
    }

    private void reject(LabelRecord label, ParseFailureReason reason, String detail, Context ctx) {
        rejected.get(reason).inc();
        ctx.output(DEAD_LETTERS, label.toDeadLetter(reason, detail, System.currentTimeMillis()));
    }

    private static String labelMismatch(LabelRecord label, LabelSpec spec) {
        return switch (spec.task()) {
            case BINARY -> label.className == null && (label.numeric == 0.0 || label.numeric == 1.0) ? null
                    : "a binary model needs label 0 or 1";
            case REGRESSION -> label.className == null ? null : "a regression model needs a numeric label";
            case MULTICLASS -> label.className != null && spec.classIndex(label.className) >= 0 ? null
                    : "a multiclass model needs one of the classes " + spec.classes();
        };
    }

    private static boolean outputMissing(PendingPrediction p, LabelSpec spec) {
        return spec.task() == ModelTask.MULTICLASS ? p.predictedClass < 0 : Double.isNaN(p.output);
    }

    private Outcome outcome(String modelId, String predictionId, PendingPrediction p, byte kind, LabelRecord label) {
        Outcome o = new Outcome();
        o.kind = kind;
        o.modelId = modelId;
        o.modelVersion = p.modelVersion;
        o.segment = p.segment;
        o.predictionId = predictionId;
        o.windowStart = p.eventTimeMillis - Math.floorMod(p.eventTimeMillis, windowSizeMillis);
        o.predictionTimeMillis = p.eventTimeMillis;
        o.labelTimeMillis = label == null ? p.eventTimeMillis : label.eventTimeMillis;
        o.orderTime = Math.max(o.labelTimeMillis, p.eventTimeMillis);
        o.output = p.output;
        o.predictedClass = p.predictedClass;
        o.labelNumeric = label == null ? Double.NaN : label.numeric;
        o.labelClass = label == null || label.className == null ? -1 : config.forModel(modelId).classIndex(label.className);
        return o;
    }

    private static long expiry(PendingPrediction p, LabelSpec spec) {
        return p.eventTimeMillis + spec.horizon().toMillis();
    }

    private static long tombstoneEnd(PendingPrediction p, LabelSpec spec) {
        return expiry(p, spec) + spec.pendingLabelWait().toMillis();
    }

    private static long waitEnd(LabelRecord label, LabelSpec spec) {
        return label.eventTimeMillis + spec.pendingLabelWait().toMillis();
    }
}
