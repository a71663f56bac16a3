package io.driftwatch.detectors.performance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multiclass performance: top-1 accuracy and macro F1 (sklearn {@code f1_score(average='macro')}, the
 * unweighted mean of per-class F1 over the classes present in y_true or y_pred). NaN when empty.
 */
public record MulticlassMetrics(double top1Accuracy, double macroF1) {

    /** JSON-ready view keyed by {@link MetricName#key()}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(MetricName.TOP1_ACCURACY.key(), top1Accuracy);
        map.put(MetricName.MACRO_F1.key(), macroF1);
        return map;
    }
}
