package io.driftwatch.detectors.performance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Regression error metrics as sklearn 1.2: {@code mean_absolute_error}, root of {@code mean_squared_error},
 * {@code mean_absolute_percentage_error} (a fraction, not a percentage) and {@code r2_score}. NaN when
 * empty; r2 NaN for fewer than two examples.
 */
public record RegressionMetrics(double mae, double rmse, double mape, double r2) {

    /** JSON-ready view keyed by {@link MetricName#key()}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(MetricName.MAE.key(), mae);
        map.put(MetricName.RMSE.key(), rmse);
        map.put(MetricName.MAPE.key(), mape);
        map.put(MetricName.R2.key(), r2);
        return map;
    }
}
