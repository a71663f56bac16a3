/**
 * Divergences between two histograms on the same bins (PSI, Jensen–Shannon, Hellinger, KL, TVD, L-inf):
 * {@link io.driftwatch.detectors.drift.binned.HistogramDivergence}.
 */
package io.driftwatch.detectors.drift.binned;
