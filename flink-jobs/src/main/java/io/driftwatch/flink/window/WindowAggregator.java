package io.driftwatch.flink.window;

import io.driftwatch.flink.drift.BaselineLoader;
import io.driftwatch.flink.drift.BaselineUpdate;
import io.driftwatch.flink.rows.DataQualityRow;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.rows.LatencyRow;
import io.driftwatch.flink.rows.VolumeRow;
import io.driftwatch.flink.rows.WindowId;
import io.driftwatch.flink.shuffle.ObservationBatch;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.flink.source.SegmentKeys;
import io.driftwatch.flink.telemetry.BaselineAgeGauges;
import io.driftwatch.flink.telemetry.PipelineMetrics;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Tumbling event-time windows per key (model, version, segment) with baselines from broadcast state. Input
 * comes in {@link ObservationBatch}es of one key (see {@code PreShuffleBundler}), replayed event by event. Late
 * observations on {@link #LATE} carry no record timestamp (their own event time is in the observation).
 *
 * <p>Keyed state: {@code windows} (window start to {@link WindowAccumulator}) with one event-time timer per
 * window at {@link WindowSettings#fireTime} ({@code end - 1 + allowed lateness}); when it fires the window's
 * rows are emitted (drift rows on the main output, volume, latency and quality on side outputs) and its
 * entry removed. An event whose window has already fired goes to {@link #LATE}, is counted in a metric and,
 * while the window's volume row is remembered ({@code fired-volumes}, as long as the rolling history), in
 * that row's {@code late_events}, re-emitted (see {@link #tallyLate}). Keys without
 * a stored baseline also keep {@code history} (their last N framed windows, the rolling reference) and
 * {@code rollingFrame} (the template new windows are framed with); keys with one keep only the score part.
 * Both are dropped by an expiry timer N windows after the key's last window, so an idle key holds nothing.
 *
 * <p>Baselines: those returned by the {@link BaselineLoader} at {@code open()}, overridden by broadcast
 * {@link BaselineUpdate}s (an update without profiles removes the baseline); a segment's own stored baseline
 * is preferred over its model version's ({@link StoredBaselines}). A window is framed when it
 * opens; a baseline arriving mid-window applies from the next window.
 */
public final class WindowAggregator
        extends KeyedBroadcastProcessFunction<String, ObservationBatch, BaselineUpdate, FeatureDriftRow> {

    private static final long serialVersionUID = 1L;

    public static final MapStateDescriptor<String, BaselineUpdate> BASELINES = new MapStateDescriptor<>(
            "baselines", Types.STRING, TypeInformation.of(BaselineUpdate.class));
    public static final OutputTag<VolumeRow> VOLUME = new OutputTag<>("volume", TypeInformation.of(VolumeRow.class));
    public static final OutputTag<LatencyRow> LATENCY = new OutputTag<>("latency", TypeInformation.of(LatencyRow.class));
    public static final OutputTag<DataQualityRow> QUALITY =
            new OutputTag<>("data-quality", TypeInformation.of(DataQualityRow.class));
    public static final OutputTag<Observation> LATE = new OutputTag<>("late", TypeInformation.of(Observation.class));

    /** Late events are re-emitted in volume rows at most this often per key (processing time). */
    static final long LATE_FLUSH_MILLIS = 1_000;

    private final WindowSettings settings;
    private final WindowEmitter emitter;
    private final BaselineLoader loader;

    private transient MapState<Long, WindowAccumulator> windows;
    private transient MapState<Long, WindowAccumulator> history;
    private transient ValueState<WindowAccumulator> rollingFrame;
    private transient ValueState<Long> expiry;
    private transient MapState<Long, VolumeRow> firedVolumes;
    private transient MapState<Long, Long> pendingLate;
    private transient StoredBaselines storedBaselines;
    private transient Counter late;
    private transient Counter windowsEmitted;
    private transient Counter withoutBaseline;
    private transient Counter featureOverflow;

    public WindowAggregator(WindowSettings settings, WindowEmitter emitter, BaselineLoader loader) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.emitter = Objects.requireNonNull(emitter, "emitter");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        windows = getRuntimeContext().getMapState(new MapStateDescriptor<>("windows", LongSerializer.INSTANCE,
                WindowAccumulatorSerializer.INSTANCE));
        history = getRuntimeContext().getMapState(new MapStateDescriptor<>("rolling-history", LongSerializer.INSTANCE,
                WindowAccumulatorSerializer.INSTANCE));
        rollingFrame = getRuntimeContext().getState(new ValueStateDescriptor<>("rolling-frame",
                WindowAccumulatorSerializer.INSTANCE));
        expiry = getRuntimeContext().getState(new ValueStateDescriptor<>("history-expiry", LongSerializer.INSTANCE));
        firedVolumes = getRuntimeContext().getMapState(new MapStateDescriptor<>("fired-volumes", Types.LONG,
                TypeInformation.of(VolumeRow.class)));
        pendingLate = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending-late", Types.LONG, Types.LONG));
        MetricGroup group = getRuntimeContext().getMetricGroup().addGroup(PipelineMetrics.GROUP);
        storedBaselines = new StoredBaselines(loader.loadAll(), settings.maxCategories(),
                new BaselineAgeGauges(group, System::currentTimeMillis));
        late = group.counter(PipelineMetrics.LATE_EVENTS);
        windowsEmitted = group.counter(PipelineMetrics.WINDOWS_EMITTED);
        withoutBaseline = group.counter(PipelineMetrics.WINDOWS_WITHOUT_BASELINE);
        featureOverflow = group.counter(PipelineMetrics.FEATURE_OVERFLOW);
    }

    /**
     * Adds a batch's observations one by one, in order, exactly as if they had arrived alone: the watermark
     * cannot move within a batch, and each window touched is written back to state once per batch.
     */
    @Override
    public void processElement(ObservationBatch batch, ReadOnlyContext ctx, Collector<FeatureDriftRow> out)
            throws Exception {
        TouchedWindows touched = new TouchedWindows();
        for (int i = 0; i < batch.size(); i++) {
            add(batch.get(i), ctx, touched);
        }
        for (Map.Entry<Long, WindowAccumulator> e : touched.all.entrySet()) {
            windows.put(e.getKey(), e.getValue());
        }
    }

    private void add(Observation o, ReadOnlyContext ctx, TouchedWindows touched) throws Exception {
        long start = settings.windowStart(o.eventTimeMillis);
        long fireAt = settings.fireTime(start);
        if (fireAt <= ctx.timerService().currentWatermark()) {
            late.inc();
            ctx.output(LATE, o);
            tallyLate(start, ctx);
            return;
        }
        WindowAccumulator acc = touched.get(start);
        if (acc == null) {
            acc = windows.get(start);
            if (acc == null) {
                ReferenceSet stored = stored(ctx, o.modelId, o.modelVersion, o.segment);
                WindowAccumulator frame = stored != null ? stored.template() : rollingFrame.value();
                acc = frame == null ? WindowAccumulator.unframed() : frame.newWindow();
                ctx.timerService().registerEventTimeTimer(fireAt);
            }
            touched.put(start, acc);
        }
        acc.add(o, settings.maxFeatures(), settings.maxCategories());
    }

    /**
     * The windows a batch has touched, to be written back once. A batch's events mostly share one window, so
     * the last one is kept unboxed and the map is only consulted when the window changes.
     */
    private static final class TouchedWindows {
        final Map<Long, WindowAccumulator> all = new HashMap<>();
        private long lastStart;
        private WindowAccumulator last;

        WindowAccumulator get(long start) {
            if (last != null && start == lastStart) {
                return last;
            }
            WindowAccumulator acc = all.get(start);
            if (acc != null) {
                lastStart = start;
                last = acc;
            }
            return acc;
        }

        void put(long start, WindowAccumulator acc) {
            all.put(start, acc);
            lastStart = start;
            last = acc;
        }
    }

    @Override
    public void processBroadcastElement(BaselineUpdate update, Context ctx, Collector<FeatureDriftRow> out)
            throws Exception {
        ctx.getBroadcastState(BASELINES).put(update.scopeKey(), update);
    }

    /**
     * Counts a late event against its fired window's volume row, re-emitted with the new {@code late_events}
     * (same row identity, so ClickHouse keeps the latest) by a processing-time timer {@link #LATE_FLUSH_MILLIS}
     * later, so a burst of late events costs one row. Windows older than the rolling history are forgotten;
     * their late events are only counted in the metric.
     */
    private void tallyLate(long start, ReadOnlyContext ctx) throws Exception {
        if (!firedVolumes.contains(start)) {
            return;
        }
        Long pending = pendingLate.get(start);
        if (pending == null) {
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + LATE_FLUSH_MILLIS);
        }
        pendingLate.put(start, pending == null ? 1 : pending + 1);
    }

    private void flushLate(OnTimerContext ctx) throws Exception {
        for (Map.Entry<Long, Long> e : pendingLate.entries()) {
            VolumeRow fired = firedVolumes.get(e.getKey());
            if (fired != null) {
                VolumeRow updated = fired.withLateEvents(fired.lateEvents() + e.getValue(), System.currentTimeMillis());
                firedVolumes.put(e.getKey(), updated);
                ctx.output(VOLUME, updated);
            }
        }
        pendingLate.clear();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FeatureDriftRow> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            flushLate(ctx);
            return;
        }
        long start = settings.startOfFireTime(timestamp);
        WindowAccumulator acc = windows.get(start);
        if (acc != null) {
            windows.remove(start);
            fire(start, acc, ctx, out);
        }
        Long expiresAt = expiry.value();
        if (expiresAt != null && expiresAt == timestamp) {
            history.clear();
            rollingFrame.clear();
            expiry.clear();
            firedVolumes.clear();
        }
    }

    private void fire(long start, WindowAccumulator acc, OnTimerContext ctx, Collector<FeatureDriftRow> out)
            throws Exception {
        String[] key = SegmentKeys.split(ctx.getCurrentKey());
        int rolling = settings.rollingWindows(key[0]);
        long size = settings.sizeMillis();
        ReferenceSet stored = stored(ctx, key[0], key[1], key[2]);
        Map<Long, WindowAccumulator> references = new TreeMap<>();
        for (Map.Entry<Long, WindowAccumulator> e : history.entries()) {
            if (e.getKey() >= start - rolling * size && e.getKey() < start) {
                references.put(e.getKey(), e.getValue());
            }
        }
        WindowId id = new WindowId(key[0], key[1], key[2], start, start + size);
        WindowResults results = emitter.emit(id, acc, stored, references, size, System.currentTimeMillis());
        results.drift().forEach(out::collect);
        ctx.output(VOLUME, results.volume());
        firedVolumes.put(start, results.volume());
        ctx.output(LATENCY, results.latency());
        results.quality().forEach(row -> ctx.output(QUALITY, row));
        windowsEmitted.inc();
        featureOverflow.inc(acc.featureOverflow());
        if (!results.hadReference()) {
            withoutBaseline.inc();
        }
        remember(start, acc, stored, rolling, ctx);
    }

    /** Keeps the window as a rolling reference, drops references too old for the next window, resets expiry. */
    private void remember(long start, WindowAccumulator acc, ReferenceSet stored, int rolling, OnTimerContext ctx)
            throws Exception {
        long size = settings.sizeMillis();
        if (stored == null) {
            rollingFrame.update(acc.extendFrame(rollingFrame.value(), settings.bins(), settings.binning(),
                    settings.maxCategories()));
            history.put(start, acc.framedPart());
        } else {
            history.put(start, acc.scoreOnly());
        }
        for (Iterator<Map.Entry<Long, WindowAccumulator>> it = history.iterator(); it.hasNext(); ) {
            if (it.next().getKey() <= start - rolling * size) {
                it.remove();
            }
        }
        for (Iterator<Long> it = firedVolumes.keys().iterator(); it.hasNext(); ) {
            if (it.next() <= start - rolling * size) {
                it.remove();
            }
        }
        Long previous = expiry.value();
        if (previous != null) {
            ctx.timerService().deleteEventTimeTimer(previous);
        }
        // One past a fire time, so it never coincides with (and deleting it never removes) a window's timer.
        long expiresAt = settings.fireTime(start) + rolling * size + 1;
        expiry.update(expiresAt);
        ctx.timerService().registerEventTimeTimer(expiresAt);
    }

    /** The segment's own stored baseline, else the model version's ({@link StoredBaselines}). */
    private ReferenceSet stored(ReadOnlyContext ctx, String modelId, String modelVersion, String segment)
            throws Exception {
        if (settings.ignoresStoredBaselines(modelId)) {
            return null;
        }
        return storedBaselines.lookup(ctx.getBroadcastState(BASELINES), modelId, modelVersion, segment);
    }
}
