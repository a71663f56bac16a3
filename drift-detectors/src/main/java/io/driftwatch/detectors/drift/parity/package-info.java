/**
 * Evidently-parity mode: the test Evidently 0.4.x would choose for a column
 * ({@link io.driftwatch.detectors.drift.parity.EvidentlyDefaultTest}), its binning
 * ({@link io.driftwatch.detectors.drift.parity.EvidentlyBinnedData}) and its histogram-type tests
 * ({@link io.driftwatch.detectors.drift.parity.EvidentlyParityTests}).
 */
package io.driftwatch.detectors.drift.parity;
