package io.driftwatch.alerting.eval;

import io.driftwatch.alerting.rules.Condition;
import io.driftwatch.alerting.rules.Correction;
import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.alerting.rules.Rule;
import io.driftwatch.alerting.rules.Selector;
import io.driftwatch.detectors.drift.multiple.AdjustedPValues;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The batch step of evaluation: for one rule and the rows of ONE window, selects the rows the rule looks at
 * and decides breach, clean or no data per series, applying the rule's multiple-testing correction across
 * the selected series (those with a p-value in [0, 1]; the rest are {@link Verdict#NO_DATA} and do not count
 * in the family size m). In Flink this runs keyed by (rule, window) before the per-series state step.
 */
public final class WindowJudge {

    private WindowJudge() {
    }

    /** Whether the rule's selector picks this row. */
    public static boolean selects(Selector selector, MetricObservation row) {
        SeriesKey s = row.series();
        return row.family() == selector.family() && selector.model().matches(s.model())
                && selector.version().matches(s.version()) && selector.segment().matches(s.segment())
                && selector.feature().matches(s.feature()) && selector.test().matches(row.test());
    }

    /**
     * Verdicts for the rows of one window that the rule selects, in input order.
     *
     * @throws IllegalArgumentException if the rows span more than one window, or two selected rows belong to
     *                                  the same series (narrow the selector, e.g. with {@code test:})
     */
    public static List<SeriesVerdict> judge(Rule rule, List<MetricObservation> windowRows) {
        List<MetricObservation> selected = new ArrayList<>();
        Set<SeriesKey> seen = new HashSet<>();
        for (MetricObservation row : windowRows) {
            if (!windowRows.get(0).windowStart().equals(row.windowStart())
                    || !windowRows.get(0).windowEnd().equals(row.windowEnd())) {
                throw new IllegalArgumentException("rows of more than one window: " + windowRows.get(0).windowStart()
                        + " and " + row.windowStart());
            }
            if (selects(rule.selector(), row)) {
                if (!seen.add(row.series())) {
                    throw new IllegalArgumentException("rule " + rule.name() + " selects two rows of "
                            + row.series().describe() + " in window " + row.windowStart()
                            + "; narrow its selector (e.g. with test:)");
                }
                selected.add(row);
            }
        }
        return rule.correction() == Correction.NONE ? judgeEach(rule, selected) : judgeCorrected(rule, selected);
    }

    private static List<SeriesVerdict> judgeEach(Rule rule, List<MetricObservation> rows) {
        List<SeriesVerdict> out = new ArrayList<>(rows.size());
        for (MetricObservation row : rows) {
            if (rule.condition() instanceof Condition.Threshold t) {
                double value = row.value(t.value());
                Verdict verdict = Double.isNaN(value) ? Verdict.NO_DATA
                        : t.comparison().breaches(value, t.threshold()) ? Verdict.BREACH : Verdict.CLEAN;
                out.add(new SeriesVerdict(row, verdict, value, t.threshold(), Double.NaN));
            } else {
                out.add(new SeriesVerdict(row, row.drift() ? Verdict.BREACH : Verdict.CLEAN, row.value("statistic"),
                        row.value("threshold"), Double.NaN));
            }
        }
        return out;
    }

    private static List<SeriesVerdict> judgeCorrected(Rule rule, List<MetricObservation> rows) {
        double alpha = ((Condition.Threshold) rule.condition()).threshold();
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double p = rows.get(i).value(MetricFamily.P_VALUE);
            if (p >= 0 && p <= 1) {
                tested.add(i);
            }
        }
        double[] pValues = tested.stream().mapToDouble(i -> rows.get(i).value(MetricFamily.P_VALUE)).toArray();
        AdjustedPValues adjusted = rule.correction().procedure().adjust(pValues, alpha);
        double[] adjustedValues = adjusted.adjusted();
        boolean[] reject = adjusted.reject();
        List<SeriesVerdict> out = new ArrayList<>(rows.size());
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            MetricObservation row = rows.get(i);
            double p = row.value(MetricFamily.P_VALUE);
            if (next < tested.size() && tested.get(next) == i) {
                out.add(new SeriesVerdict(row, reject[next] ? Verdict.BREACH : Verdict.CLEAN, p, alpha,
                        adjustedValues[next]));
                next++;
            } else {
                out.add(new SeriesVerdict(row, Verdict.NO_DATA, p, alpha, Double.NaN));
            }
        }
        return out;
    }
}
