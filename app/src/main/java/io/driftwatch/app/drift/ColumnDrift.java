package io.driftwatch.app.drift;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.profile.FeatureKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The drift results of one column, as the {@code drift} command reports them. */
public record ColumnDrift(String column, FeatureKind kind, int nReference, int nCurrent, int missingReference,
                          int missingCurrent, List<DriftResult> results) {

    public ColumnDrift {
        results = List.copyOf(results);
    }

    /** A column drifted when any of its tests says so. */
    public boolean drifted() {
        return results.stream().anyMatch(DriftResult::drift);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("column", column);
        map.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        map.put("n_reference", nReference);
        map.put("n_current", nCurrent);
        map.put("missing_reference", missingReference);
        map.put("missing_current", missingCurrent);
        map.put("drift", drifted());
        map.put("results", results.stream().map(ColumnDrift::resultMap).toList());
        return map;
    }

    private static Map<String, Object> resultMap(DriftResult r) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("test", r.test().id());
        map.put("statistic", r.statistic());
        map.put("p_value", r.hasPValue() ? r.pValue() : null);
        map.put("threshold", r.threshold());
        map.put("drift", r.drift());
        return map;
    }
}
