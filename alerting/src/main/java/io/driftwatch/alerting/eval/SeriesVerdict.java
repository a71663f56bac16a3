package io.driftwatch.alerting.eval;

import java.util.Objects;

/**
 * The batch step's decision for one series in one window, input of {@link SeriesStateMachine#step}.
 *
 * @param value          the value compared (the raw p-value under a correction; the statistic, or NaN, for
 *                       {@code drift_flag} rules)
 * @param threshold      the rule's threshold (alpha under a correction), or the row's own threshold for
 *                       {@code drift_flag} rules (NaN when the row has none)
 * @param adjustedPValue the corrected p-value under a correction, else NaN
 */
public record SeriesVerdict(MetricObservation observation, Verdict verdict, double value, double threshold,
                            double adjustedPValue) {

    public SeriesVerdict {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(verdict, "verdict");
    }
}
