package io.driftwatch.detectors.drift.categorical;

/** A statistic and its p-value, before the drift decision. */
record TestOutcome(double statistic, double pValue) {}
