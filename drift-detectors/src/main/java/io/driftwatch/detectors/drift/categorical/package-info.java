/**
 * Drift tests on category counts (chi-square and G homogeneity, two-proportion z, Fisher exact, and the
 * histogram divergences over category proportions):
 * {@link io.driftwatch.detectors.drift.categorical.CategoricalDriftTests}.
 */
package io.driftwatch.detectors.drift.categorical;
