package io.driftwatch.flink.labels;

import io.driftwatch.flink.config.LabelConfig;
import io.driftwatch.flink.config.DriftConfig;
import io.driftwatch.flink.config.LabelSpec;
import io.driftwatch.flink.config.TestSelection;
import io.driftwatch.flink.drift.BaselineLoader;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.rows.WindowId;
import io.driftwatch.schemas.tables.PerformanceRow;
import io.driftwatch.schemas.tables.ReliabilityRow;
import io.driftwatch.schemas.tables.WindowKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Performance per prediction-time window, keyed by {@link Outcome#windowKey()}, revised as labels arrive.
 *
 * <p>Outcomes are buffered and folded into the window's accumulators on event-time timers on a grid of the model's
 * {@code emit_interval}: a timer at T folds the buffered outcomes with {@code orderTime <= T} in
 * {@link Outcome#ORDER} and emits the whole row with revision + 1 and {@code emitted_at = T}. So a flood of labels
 * writes one row per interval, and (for outcomes that are not late) the fold order is the global
 * {@link Outcome#ORDER}, whatever the arrival order: a replay produces the same rows, revisions and emitted_at.
 * Emissions of one window are at least one interval apart, so emitted_at strictly grows. The window's state is
 * dropped once no label can come any more (window end + horizon + pending-label wait + one interval).
 * Outcomes of a window whose state was already dropped are ignored (only a prediction that late can come).
 * Label drift rows ({@link LabelDrift}) go to {@link #LABEL_DRIFT} with each emission.
 */
public final class WindowPerformance extends KeyedProcessFunction<String, Outcome, PerformanceRow> {

    private static final long serialVersionUID = 1L;
    public static final OutputTag<ReliabilityRow> RELIABILITY =
            new OutputTag<>("reliability", TypeInformation.of(ReliabilityRow.class));
    public static final OutputTag<FeatureDriftRow> LABEL_DRIFT =
            new OutputTag<>("label-drift", TypeInformation.of(FeatureDriftRow.class));

    private final LabelConfig config;
    private final long windowSizeMillis;
    private final LabelDrift labelDrift;
    private transient ValueState<byte[]> folded;
    private transient ListState<Outcome> buffer;
    private transient MapState<Long, Long> delays;
    private transient ValueState<Long> cleanupAt;

    /** Without label drift. */
    public WindowPerformance(LabelConfig config, long windowSizeMillis) {
        this(config, windowSizeMillis, new DriftConfig(TestSelection.AUTO, Map.of(), Map.of(), DriftConfig.BINS.defaultValue(),
                DriftConfig.STRATEGY.defaultValue()), BaselineLoader.NONE);
    }

    /** With label drift against the stored baselines' {@code label} profiles ({@link LabelDrift}). */
    public WindowPerformance(LabelConfig config, long windowSizeMillis, DriftConfig drift, BaselineLoader baselines) {
        this.config = Objects.requireNonNull(config, "config");
        this.labelDrift = new LabelDrift(drift, baselines);
        if (windowSizeMillis <= 0) {
            throw new IllegalArgumentException("window size must be positive, got " + windowSizeMillis);
        }
        this.windowSizeMillis = windowSizeMillis;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        labelDrift.open();
        folded = getRuntimeContext().getState(new ValueStateDescriptor<>("folded", org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        buffer = getRuntimeContext().getListState(new ListStateDescriptor<>("buffer", TypeInformation.of(Outcome.class)));
        delays = getRuntimeContext().getMapState(new MapStateDescriptor<>("delays", Types.LONG, Types.LONG));
        cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Types.LONG));
    }

    @Override
    public void processElement(Outcome o, Context ctx, Collector<PerformanceRow> out) throws Exception {
        LabelSpec spec = config.forModel(o.modelId);
        long interval = spec.emitInterval().toMillis();
        long cleanup = o.windowStart + windowSizeMillis + spec.horizon().toMillis() + spec.pendingLabelWait().toMillis()
                + interval;
        if (ctx.timerService().currentWatermark() >= cleanup) {
            // a prediction later than its window's whole label horizon: the window's final row is out already,
            // and a fresh state would overwrite it with this one outcome
            return;
        }
        buffer.add(o);
        WindowLabelState state = state(spec);
        long next = Math.max(gridCeiling(o.orderTime, interval),
                state.lastEmission == Long.MIN_VALUE ? Long.MIN_VALUE : state.lastEmission + interval);
        ctx.timerService().registerEventTimeTimer(next);
        if (cleanupAt.value() == null) {
            cleanupAt.update(cleanup);
            ctx.timerService().registerEventTimeTimer(cleanup);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PerformanceRow> out) throws Exception {
        List<Outcome> ready = new ArrayList<>();
        List<Outcome> later = new ArrayList<>();
        for (Outcome o : buffer.get()) {
            (o.orderTime <= timestamp ? ready : later).add(o);
        }
        Long cleanup = cleanupAt.value();
        boolean last = cleanup != null && timestamp >= cleanup;
        if (last) {
            ready.addAll(later);
            later.clear();
        }
        if (!ready.isEmpty()) {
            emit(ready, timestamp, ctx, out);
            buffer.update(later);
        }
        if (last) {
            folded.clear();
            buffer.clear();
            delays.clear();
            cleanupAt.clear();
        }
    }

    private void emit(List<Outcome> ready, long timestamp, OnTimerContext ctx, Collector<PerformanceRow> out)
            throws Exception {
        ready.sort(Outcome.ORDER);
        Outcome first = ready.get(0);
        LabelSpec spec = config.forModel(first.modelId);
        WindowLabelState state = state(spec);
        for (Outcome o : ready) {
            state.add(o, spec.task());
            if (o.kind == Outcome.LABEL) {
                Long count = delays.get(o.delayMillis());
                delays.put(o.delayMillis(), count == null ? 1 : count + 1);
            }
        }
        state.revision++;
        state.lastEmission = timestamp;
        folded.update(state.toBytes());
        TreeMap<Long, Long> delayCounts = new TreeMap<>();
        for (Map.Entry<Long, Long> e : delays.entries()) {
            delayCounts.put(e.getKey(), e.getValue());
        }
        WindowKey window = new WindowKey(first.modelId, first.modelVersion, first.segment,
                Instant.ofEpochMilli(first.windowStart), Instant.ofEpochMilli(first.windowStart + windowSizeMillis));
        Instant emittedAt = Instant.ofEpochMilli(timestamp);
        out.collect(PerformanceRows.performance(window, spec, state, LabelDelays.of(delayCounts), emittedAt));
        for (ReliabilityRow row : PerformanceRows.reliability(window, spec.task(), state, emittedAt)) {
            ctx.output(RELIABILITY, row);
        }
        WindowId id = new WindowId(first.modelId, first.modelVersion, first.segment, first.windowStart,
                first.windowStart + windowSizeMillis);
        for (FeatureDriftRow row : labelDrift.rows(id, spec, state, timestamp)) {
            ctx.output(LABEL_DRIFT, row);
        }
    }

    private WindowLabelState state(LabelSpec spec) throws Exception {
        byte[] bytes = folded.value();
        return bytes == null ? WindowLabelState.empty(spec) : WindowLabelState.fromBytes(bytes, spec);
    }

    /** The first grid point at or after {@code time} on a grid of {@code interval} from the epoch. */
    static long gridCeiling(long time, long interval) {
        long remainder = Math.floorMod(time, interval);
        return remainder == 0 ? time : time - remainder + interval;
    }
}
