package io.driftwatch.flink.alerting;

import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.alerting.eval.WindowJudge;
import io.driftwatch.alerting.rules.Rule;
import io.driftwatch.alerting.rules.RuleSet;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sends each observation to the evaluation unit of every rule that selects it ({@link AlertUnits#key}), with
 * the event time at which its window is judged ({@link #due}).
 */
public final class RuleRouter extends ProcessFunction<ObservationRecord, RoutedObservation> {

    private static final long serialVersionUID = 1L;

    private final RulesSource rulesSource;
    private transient RuleSet rules;

    public RuleRouter(RulesSource rulesSource) {
        this.rulesSource = Objects.requireNonNull(rulesSource, "rulesSource");
    }

    @Override
    public void open(OpenContext context) {
        rules = rulesSource.parse();
    }

    @Override
    public void processElement(ObservationRecord row, Context ctx, Collector<RoutedObservation> out) {
        MetricObservation observation = row.toObservation();
        long complete = ctx.timestamp() != null ? ctx.timestamp() : row.windowEnd - 1;
        for (Rule rule : rules.rules()) {
            if (WindowJudge.selects(rule.selector(), observation)) {
                long due = due(row, complete, rule.evaluateAfter().toMillis());
                if (!row.revised || row.emittedAt <= due) {
                    out.collect(new RoutedObservation(rule.name(), AlertUnits.key(rule, observation.series()), due, row));
                }
            }
        }
    }

    /**
     * When a rule judges the row's window. A row emitted once: when its window is complete ({@code complete}: the
     * row's timestamp, which the upstream window operator set to its firing timer, or the window's last millisecond
     * for rows without one), or {@code evaluateAfter} after the window's end if that is later. A revised row (label
     * metrics): exactly the window's last millisecond plus {@code evaluateAfter}, whatever the revision, so every
     * revision of a window waits for the same timer; revisions emitted after it are not routed (the window is
     * judged by then) and the evaluator keeps the latest of the others. Depends on event time only: deterministic.
     */
    static long due(ObservationRecord row, long complete, long evaluateAfterMillis) {
        long judged = row.windowEnd - 1 + evaluateAfterMillis;
        return row.revised ? judged : Math.max(complete, judged);
    }
}
