package io.driftwatch.app.demorun;

import io.driftwatch.app.demo.DemoModel;
import io.driftwatch.app.demo.TrafficGenerator;
import io.driftwatch.app.demo.TrainingColumns;
import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.baseline.BaselineStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores the credit model's training distribution as its baseline, as {@code driftwatch baseline} would. The
 * fraud model keeps a rolling baseline instead: its countries differ from each other, so each country is
 * compared with its own recent windows rather than with the global training mix.
 */
final class DemoBaselines {

    /** Rows of training data per model: enough for stable deciles. */
    static final int TRAINING_ROWS = 50_000;

    private DemoBaselines() {}

    /** The model whose training data becomes a stored baseline. */
    static final DemoModel STORED = DemoModel.CREDIT;

    static void store(TrafficGenerator traffic, BaselineStore store) {
        for (DemoModel model : new DemoModel[] {STORED}) {
            TrainingColumns columns = traffic.trainingColumns(model, TRAINING_ROWS);
            Map<String, ReferenceProfile> profiles = new LinkedHashMap<>();
            for (String name : columns.names()) {
                profiles.put(name, new ReferenceProfile(name, columns.numeric().containsKey(name)
                        ? NumericProfile.fromReference(columns.numbers(name), Binning.deciles())
                        : CategoricalProfile.fromValues(columns.strings(name))));
            }
            store.save(model.modelId(), model.modelVersion(), profiles, "demo training data, " + TRAINING_ROWS + " rows");
        }
    }
}
