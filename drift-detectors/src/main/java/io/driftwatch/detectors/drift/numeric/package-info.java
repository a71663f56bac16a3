/**
 * Exact two-sample drift tests on raw numeric values, each a {@link
 * io.driftwatch.detectors.drift.numeric.NumericDriftTest} found by {@link
 * io.driftwatch.detectors.drift.numeric.NumericDriftTests#of}: {@code ks}, {@code cramer_von_mises},
 * {@code anderson}, {@code mannwhitney}, {@code t_test}, {@code energy}, {@code wasserstein_raw},
 * {@code wasserstein}, {@code mmd}.
 *
 * <p>Each follows scipy 1.10 (Debian python3-scipy) and is checked against it by
 * {@code src/test/python/gen_numeric_tests.py}. Deliberate differences, all documented on the class: non-finite
 * input is rejected; where scipy raises or returns NaN on degenerate input (all values equal, single values)
 * these classes either throw {@link java.lang.IllegalArgumentException} or return a documented "no drift"
 * result; {@code cramer_von_mises} on an all-equal pooled sample returns statistic 0, p 1 (scipy's midrank
 * formula reports drift there).
 */
package io.driftwatch.detectors.drift.numeric;
