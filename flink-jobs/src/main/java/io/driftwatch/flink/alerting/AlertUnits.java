package io.driftwatch.flink.alerting;

import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.rules.Correction;
import io.driftwatch.alerting.rules.Rule;

/**
 * How evaluation is keyed. A rule without a correction decides each series on its own, so its unit is
 * (rule, series) and the work spreads over all subtasks. A rule with a multiple-testing correction needs every
 * series it selects in a window at once, so its unit is the rule (one subtask per corrected rule).
 */
public final class AlertUnits {

    /** Separates key parts; cannot occur in rule names and is not expected in model or feature names. */
    static final char SEPARATOR = '\u001F';

    private AlertUnits() {
    }

    public static String key(Rule rule, SeriesKey series) {
        return rule.correction() == Correction.NONE ? rule.name() + SEPARATOR + seriesId(series) : rule.name();
    }

    /** The identity of a series inside a unit's state. */
    public static String seriesId(SeriesKey s) {
        return s.model() + SEPARATOR + s.version() + SEPARATOR + s.segment() + SEPARATOR + s.feature();
    }
}
