package io.driftwatch.app.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/** Simulates one model: draws features, computes its output and the true outcome's distribution. */
interface ModelSimulator {

    DemoModel model();

    /** Feature names in the order they are sent and written to the training CSV. */
    List<String> featureNames();

    /**
     * One prediction. All randomness comes from {@code random}, so equal generator states give equal predictions.
     *
     * @param driftActive whether the injected drift has started (only the drifted segment changes)
     */
    SimulatedPrediction simulate(RandomGenerator random, boolean driftActive);
}
