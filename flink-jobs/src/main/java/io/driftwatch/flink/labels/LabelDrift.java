package io.driftwatch.flink.labels;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.binned.DivergenceOptions;
import io.driftwatch.detectors.drift.categorical.CategoricalDriftTests;
import io.driftwatch.detectors.profile.FeatureKind;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.config.DriftConfig;
import io.driftwatch.flink.config.LabelSpec;
import io.driftwatch.flink.config.TestSelection;
import io.driftwatch.flink.drift.BaselineLoader;
import io.driftwatch.flink.drift.BaselineUpdate;
import io.driftwatch.flink.drift.DriftEvaluator;
import io.driftwatch.flink.rows.BaselineKind;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.rows.Subject;
import io.driftwatch.flink.rows.WindowId;
import io.driftwatch.flink.source.SegmentKeys;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Label drift: a window's label class balance against the stored baseline's categorical profile named
 * {@value #PROFILE} (loaded once, like the window pipeline's baselines), with the categorical tests of
 * {@code drift.features.label} (auto: {@link DriftEvaluator#AUTO_CATEGORICAL}). Rows are {@code feature_drift}
 * rows with subject {@code label}, revised with the window's performance row (same emitted_at). Binary labels are
 * the categories "0" and "1", multiclass labels their class names; regression models and models without a label
 * profile get no rows.
 */
final class LabelDrift implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The baseline profile (and feature_drift feature) holding the label's class balance. */
    static final String PROFILE = "label";
    private static final String BINARY_NEGATIVE = "0";
    private static final String BINARY_POSITIVE = "1";

    private final DriftConfig drift;
    private final BaselineLoader loader;
    /** model/version key to (baseline id, counts); loaded in {@link #open}. */
    private transient Map<String, Map.Entry<String, Map<String, Long>>> references;

    LabelDrift(DriftConfig drift, BaselineLoader loader) {
        this.drift = Objects.requireNonNull(drift, "drift");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    void open() throws Exception {
        references = new HashMap<>();
        for (BaselineUpdate update : loader.loadAll()) {
            ReferenceProfile profile = update.decodedProfiles().get(PROFILE);
            if (profile != null && profile.kind() == FeatureKind.CATEGORICAL) {
                references.put(SegmentKeys.baselineKey(update.modelId, update.modelVersion),
                        Map.entry(update.baselineId, profile.categorical().counts()));
            }
        }
    }

    /** The window's label counts per class (empty for regression). */
    static Map<String, Long> classBalance(LabelSpec spec, WindowLabelState state) {
        Map<String, Long> counts = new TreeMap<>();
        switch (spec.task()) {
            case BINARY -> {
                var m = state.binary.confusionMatrix();
                counts.put(BINARY_NEGATIVE, m.tn() + m.fp());
                counts.put(BINARY_POSITIVE, m.tp() + m.fn());
            }
            case MULTICLASS -> {
                for (int t = 0; t < spec.classes().size(); t++) {
                    long n = 0;
                    for (int p = 0; p < spec.classes().size(); p++) {
                        n += state.multiclass.count(t, p);
                    }
                    counts.put(spec.classes().get(t), n);
                }
            }
            case REGRESSION -> { }
        }
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    List<FeatureDriftRow> rows(WindowId window, LabelSpec spec, WindowLabelState state, long emittedAt) {
        Map.Entry<String, Map<String, Long>> reference =
                references.get(SegmentKeys.baselineKey(window.modelId(), window.modelVersion()));
        Map<String, Long> current = classBalance(spec, state);
        List<FeatureDriftRow> rows = new ArrayList<>();
        if (reference == null || current.isEmpty() || reference.getValue().isEmpty()) {
            return rows;
        }
        long nReference = reference.getValue().values().stream().mapToLong(Long::longValue).sum();
        TestSelection selection = drift.testsFor(PROFILE);
        for (DriftTestId test : selection.isAuto() ? DriftEvaluator.AUTO_CATEGORICAL : selection.tests()) {
            if (CategoricalDriftTests.SUPPORTED.contains(test)) {
                DriftResult result = CategoricalDriftTests.test(test, reference.getValue(), current,
                        drift.threshold(test), DivergenceOptions.DEFAULT);
                rows.add(FeatureDriftRow.of(window, Subject.LABEL, PROFILE, FeatureKind.CATEGORICAL,
                        BaselineKind.TRAINING, reference.getKey(), result, nReference, state.labelled, emittedAt));
            }
        }
        return rows;
    }
}
