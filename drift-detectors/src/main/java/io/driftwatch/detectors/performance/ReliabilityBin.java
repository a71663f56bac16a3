package io.driftwatch.detectors.performance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bin of a reliability diagram: scores in (lower, upper] (the first bin also holds 0). Means are NaN
 * for an empty bin.
 */
public record ReliabilityBin(double lower, double upper, long count, double meanPredicted, double fractionPositive) {

    /** JSON-ready view with keys lower, upper, count, mean_predicted, fraction_positive. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lower", lower);
        map.put("upper", upper);
        map.put("count", count);
        map.put("mean_predicted", meanPredicted);
        map.put("fraction_positive", fractionPositive);
        return map;
    }
}
