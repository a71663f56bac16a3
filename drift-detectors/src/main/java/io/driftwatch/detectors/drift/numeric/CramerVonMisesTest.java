package io.driftwatch.detectors.drift.numeric;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;

/**
 * Two-sample Cramér–von Mises test as {@code scipy.stats.cramervonmises_2samp(reference, current)} (scipy 1.10,
 * {@code method='auto'}).
 *
 * <p>Statistic T (Anderson 1962, eq. 9) from the midranks of the pooled sample. P-value: exact
 * ({@link CramerVonMisesExact}) when {@code max(n1, n2) <= }{@link #MAX_EXACT_N}, otherwise the limiting
 * distribution of the normalised statistic {@code tn = 1/6 + (T - E[T]) / sqrt(45 Var[T])}
 * ({@link CramerVonMisesLimit}); {@code tn < }{@link #TN_P_ONE} gives p = 1 as in scipy.
 *
 * <p>Edge cases: fewer than 2 values in a sample → {@link IllegalArgumentException} (scipy raises too); ties use
 * midranks exactly as scipy does; <b>all pooled values equal → statistic 0, p-value 1</b>. This differs from
 * scipy, whose midrank formula reports a large T (strong drift) for two identical constant samples.
 */
public final class CramerVonMisesTest implements NumericDriftTest {

    /** scipy 'auto': exact when both samples have at most 20 values. */
    public static final int MAX_EXACT_N = 20;
    /** scipy: below this tn, 1 - cdf(tn) > 1 - 1.28e-18, returned as 1. */
    static final double TN_P_ONE = 0.003;
    private static final int MIN_SAMPLE = 2;

    @Override
    public DriftTestId id() {
        return DriftTestId.CRAMER_VON_MISES;
    }

    @Override
    public DriftResult test(double[] reference, double[] current, double threshold) {
        NumericSamples.requireUsable(reference, current, MIN_SAMPLE, id().id());
        int nx = reference.length;
        int ny = current.length;
        MidRanks midRanks = MidRanks.of(NumericSamples.pooled(
                NumericSamples.sortedCopy(reference), NumericSamples.sortedCopy(current)));
        if (midRanks.distinct() == 1) {
            return DriftResult.exact(id(), 0.0, 1.0, threshold);
        }
        double[] r = midRanks.ranks();
        double u = nx * squaredRankOffsets(r, 0, nx) + ny * squaredRankOffsets(r, nx, ny);
        double k = (double) nx * ny;
        double bigN = nx + ny;
        double t = u / (k * bigN) - (4 * k - 1) / (6 * bigN);
        double p;
        if (Math.max(nx, ny) <= MAX_EXACT_N) {
            p = CramerVonMisesExact.pValue(u, nx, ny);
        } else {
            double et = (1 + 1 / bigN) / 6;
            double vt = (bigN + 1) * (4 * k * bigN - 3 * ((double) nx * nx + (double) ny * ny) - 2 * k);
            vt = vt / (45 * bigN * bigN * 4 * k);
            double tn = 1.0 / 6 + (t - et) / Math.sqrt(45 * vt);
            p = tn < TN_P_ONE ? 1.0 : Math.max(0, 1.0 - CramerVonMisesLimit.cdf(tn));
        }
        return DriftResult.exact(id(), t, p, threshold);
    }

    /** {@code sum_i (r[from + i] - (i + 1))^2}: ranks of a sorted sample against its own positions. */
    private static double squaredRankOffsets(double[] r, int from, int n) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double d = r[from + i] - (i + 1);
            sum += d * d;
        }
        return sum;
    }
}
