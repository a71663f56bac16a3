package io.driftwatch.flink.alerting;

import io.driftwatch.alerting.eval.AlertState;
import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.alerting.eval.SeriesStateMachine;
import io.driftwatch.alerting.eval.SeriesVerdict;
import io.driftwatch.alerting.eval.WindowJudge;
import io.driftwatch.alerting.rules.Rule;
import io.driftwatch.alerting.rules.RuleSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates one unit ({@link AlertUnits#key}: a rule, or a rule and a series) exactly as the in-memory
 * {@code Evaluator} does: rows are buffered until the watermark passes their window's due time (when every
 * row of that window has arrived from every upstream subtask), then each complete window, in event-time order,
 * goes through {@link WindowJudge#judge} (the correction sees all series at once) and each series' verdict
 * through {@link SeriesStateMachine#step}.
 *
 * <p>State (checkpointed): {@code alert-pending}, rows of windows not yet complete; {@code alert-states}, the
 * {@link AlertState} bytes per series of the unit. A restore from a checkpoint restores both with the sources'
 * offsets, so replayed rows are evaluated once and a page is neither lost nor repeated (rows of an applied
 * window are ignored by the state machine). Alert states are small (35 bytes) and kept while the job runs.
 *
 * <p>Revisions of one series' window (label metrics, {@link ObservationRecord#revised}) keep the latest emitted
 * one; they all share the due time {@link RuleRouter#due}. Two other rows of one series in one window (a
 * re-emitted row) keep the later one; the in-memory evaluator rejects such input instead.
 */
public final class AlertEvaluatorFunction extends KeyedProcessFunction<String, RoutedObservation, AlertRecord> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluatorFunction.class);

    private static final char WINDOW_SEPARATOR = '\u001F';

    private final RulesSource rulesSource;
    private transient RuleSet rules;
    private transient ListState<RoutedObservation> pending;
    private transient MapState<String, byte[]> states;
    private transient Clock clock;

    public AlertEvaluatorFunction(RulesSource rulesSource) {
        this.rulesSource = Objects.requireNonNull(rulesSource, "rulesSource");
    }

    @Override
    public void open(OpenContext context) {
        rules = rulesSource.parse();
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("alert-pending", RoutedObservation.class));
        states = getRuntimeContext().getMapState(new MapStateDescriptor<>("alert-states", Types.STRING,
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        clock = Clock.systemUTC();
    }

    @Override
    public void processElement(RoutedObservation row, Context ctx, Collector<AlertRecord> out) throws Exception {
        pending.add(row);
        ctx.timerService().registerEventTimeTimer(row.due);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertRecord> out) throws Exception {
        List<RoutedObservation> keep = new ArrayList<>();
        Map<List<Long>, Map<String, MetricObservation>> dueWindows = new TreeMap<>(
                Comparator.<List<Long>, Long>comparing(w -> w.get(0)).thenComparing(w -> w.get(1)));
        Map<String, RoutedObservation> chosen = new HashMap<>();
        String ruleName = null;
        for (RoutedObservation r : pending.get()) {
            if (r.due > timestamp) {
                keep.add(r);
                continue;
            }
            ruleName = r.rule;
            MetricObservation o = r.row.toObservation();
            Map<String, MetricObservation> window = dueWindows.computeIfAbsent(
                    List.of(r.row.windowStart, r.row.windowEnd), k -> new LinkedHashMap<>());
            String series = AlertUnits.seriesId(o.series());
            RoutedObservation previous = chosen.get(series + WINDOW_SEPARATOR + r.row.windowStart);
            if (previous != null && previous.row.revised && r.row.revised) {
                if (r.row.emittedAt < previous.row.emittedAt) {
                    continue; // an older revision of a window: the latest one emitted before the due time counts
                }
            } else if (previous != null) {
                LOG.warn("rule {}: two rows of {} in window {}; the later one is used", r.rule, o.series().describe(),
                        o.windowStart());
            }
            chosen.put(series + WINDOW_SEPARATOR + r.row.windowStart, r);
            window.put(series, o);
        }
        if (dueWindows.isEmpty()) {
            return;
        }
        pending.update(keep);
        java.util.Optional<Rule> found = rules.rule(ruleName);
        if (found.isEmpty()) {
            // restored state of a rule removed or renamed since: its rows are dropped, its alert states kept
            LOG.warn("rule {} is no longer in the rules file; dropping its rows of {} window(s)", ruleName,
                    dueWindows.size());
            return;
        }
        Rule rule = found.get();
        long emittedAt = clock.millis();
        for (Map<String, MetricObservation> window : dueWindows.values()) {
            for (SeriesVerdict verdict : WindowJudge.judge(rule, new ArrayList<>(window.values()))) {
                String series = AlertUnits.seriesId(verdict.observation().series());
                byte[] bytes = states.get(series);
                SeriesStateMachine.Step step = SeriesStateMachine.step(rule,
                        bytes == null ? AlertState.INITIAL : AlertState.fromBytes(bytes), verdict);
                states.put(series, step.state().toBytes());
                step.event().ifPresent(e -> out.collect(AlertRecord.of(e, emittedAt)));
            }
        }
    }
}
