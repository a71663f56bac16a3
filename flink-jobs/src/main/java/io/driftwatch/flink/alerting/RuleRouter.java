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
 * the event time at which its window is complete: the row's timestamp, which the upstream window operator set
 * to its firing timer, or the window's last millisecond for rows without one.
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
        long due = ctx.timestamp() != null ? ctx.timestamp() : row.windowEnd - 1;
        for (Rule rule : rules.rules()) {
            if (WindowJudge.selects(rule.selector(), observation)) {
                out.collect(new RoutedObservation(rule.name(), AlertUnits.key(rule, observation.series()), due, row));
            }
        }
    }
}
