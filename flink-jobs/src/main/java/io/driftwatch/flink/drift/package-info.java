/**
 * Baselines and drift tests on window state: {@link io.driftwatch.flink.drift.BaselineUpdate} (the broadcast
 * record and its JSON topic form), loaders, and {@link io.driftwatch.flink.drift.DriftEvaluator}, which runs the
 * configured tests with {@code drift-detectors}.
 */
package io.driftwatch.flink.drift;
