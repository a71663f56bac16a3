package io.driftwatch.detectors.drift.parity;

import io.driftwatch.detectors.drift.DriftTestId;
import java.util.List;

/**
 * Chooses the drift test as Evidently 0.4.x does by default ({@code _get_default_stattest} in
 * {@code evidently/calculations/stattests/registry.py}), where {@code n} is the number of distinct values in
 * reference and current <em>together</em> ({@code pd.concat([ref, cur]).nunique()}):
 *
 * <pre>
 * reference rows &lt;= 1000:  numeric, n &gt; 5        -> KS (p &lt; 0.05)
 *                          otherwise n &gt; 2       -> chi-square (p &lt; 0.05)   [categorical too]
 *                          otherwise            -> z-test (p &lt; 0.05)        [categorical too]
 * reference rows &gt; 1000:   numeric, n &gt; 5        -> normed Wasserstein (&gt;= 0.1)
 *                          otherwise            -> Jensen-Shannon (&gt;= 0.1)
 * </pre>
 * Note that Evidently sends a binary categorical column to the z-test, not chi-square. Missing values must
 * be dropped by the caller (Evidently drops NaN and infinities first); NaN, null or an empty column is an
 * {@link IllegalArgumentException}.
 */
public final class EvidentlyDefaultTest {

    /** Reference size up to which Evidently prefers tests with a p-value. */
    public static final int SMALL_REFERENCE_ROWS = 1000;
    /** Numeric columns with more distinct values than this are treated as continuous. */
    public static final int FEW_VALUES = 5;
    /** Columns with at most this many distinct values are binary (z-test). */
    public static final int BINARY_VALUES = 2;
    /** Evidently's {@code StatTest.default_threshold} for KS, chi-square and z. */
    public static final double P_VALUE_THRESHOLD = 0.05;
    /** Evidently's default threshold of {@code wasserstein} and {@code jensenshannon}. */
    public static final double DISTANCE_THRESHOLD = 0.1;

    private EvidentlyDefaultTest() {}

    public static ParityDecision forNumeric(double[] reference, double[] current) {
        double[] ref = ParityColumns.sortedFinite(reference, "reference");
        double[] cur = ParityColumns.sortedFinite(current, "current");
        int distinct = ParityColumns.distinctSorted(ParityColumns.union(ref, cur)).length;
        if (distinct > FEW_VALUES) {
            return ref.length <= SMALL_REFERENCE_ROWS
                    ? new ParityDecision(DriftTestId.KS, P_VALUE_THRESHOLD, ParityBinning.RAW_VALUES)
                    : new ParityDecision(DriftTestId.WASSERSTEIN, DISTANCE_THRESHOLD, ParityBinning.RAW_VALUES);
        }
        return fewValues(ref.length, distinct, EvidentlyBinnedData.numericBinning(ref));
    }

    public static ParityDecision forCategorical(List<String> reference, List<String> current) {
        ParityColumns.checkCategories(reference, "reference");
        ParityColumns.checkCategories(current, "current");
        return fewValues(reference.size(), ParityColumns.distinctCategories(reference, current),
                ParityBinning.ONE_BIN_PER_VALUE);
    }

    private static ParityDecision fewValues(int referenceRows, int distinct, ParityBinning jsBinning) {
        if (referenceRows > SMALL_REFERENCE_ROWS) {
            return new ParityDecision(DriftTestId.JENSEN_SHANNON, DISTANCE_THRESHOLD, jsBinning);
        }
        return distinct > BINARY_VALUES
                ? new ParityDecision(DriftTestId.CHI_SQUARE, P_VALUE_THRESHOLD, ParityBinning.ONE_BIN_PER_VALUE)
                : new ParityDecision(DriftTestId.Z, P_VALUE_THRESHOLD, ParityBinning.ONE_BIN_PER_VALUE);
    }
}
