/**
 * Calibration and performance metrics of deployed models, exact on arrays and as mergeable stream state.
 *
 * <p><b>Exact, on arrays</b> (ground truth; the {@code evaluate} CLI): {@link
 * io.driftwatch.detectors.performance.BinaryClassificationEvaluator}, {@link
 * io.driftwatch.detectors.performance.MulticlassEvaluator}, {@link
 * io.driftwatch.detectors.performance.RegressionEvaluator}. Each returns a record whose {@code toMap()} uses
 * the keys of {@link io.driftwatch.detectors.performance.MetricName}. Verified against sklearn 1.2.1 to
 * 1e-9 relative (src/test/python/gen_performance.py).
 *
 * <p><b>Streaming</b> ({@link io.driftwatch.detectors.state.MergeableState}, bounded size, allocation-free
 * {@code add}): {@link io.driftwatch.detectors.performance.BinaryClassificationAccumulator} (exact ECE, MCE,
 * reliability, Brier, log loss, confusion; ROC AUC, AP and adaptive ECE from a score histogram with
 * worst-case bounds), {@link io.driftwatch.detectors.performance.MulticlassAccumulator} and {@link
 * io.driftwatch.detectors.performance.RegressionAccumulator} (exact).
 *
 * <p><b>Without labels</b>: {@link io.driftwatch.detectors.performance.PerformanceEstimator} and {@link
 * io.driftwatch.detectors.performance.ExpectedConfusionAccumulator} estimate accuracy, precision, recall and
 * F1 from calibrated scores (CBPE); results are flagged as estimated.
 *
 * <p>Conventions: a binary prediction is positive when score &gt;= threshold; ratios with a zero denominator
 * are 0 (sklearn {@code zero_division=0}); undefined metrics are NaN (empty input in accumulators; ROC AUC
 * and AP with a single class; R² with fewer than two examples); invalid input throws
 * IllegalArgumentException.
 */
package io.driftwatch.detectors.performance;
