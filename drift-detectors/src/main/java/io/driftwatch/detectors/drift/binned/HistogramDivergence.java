package io.driftwatch.detectors.drift.binned;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import java.util.Arrays;

/**
 * Distances between a reference and a current histogram over the same bins. Inputs are counts (or any
 * non-negative weights); both are normalised to proportions p (reference) and q (current) first.
 *
 * <p>Edge cases: vectors of different length, NaN/negative/infinite counts, or an empty side (all zeros,
 * e.g. an empty current window) give an {@link IllegalArgumentException}. A bin empty on both sides
 * contributes nothing. Identical histograms give 0. There is no p-value ({@code NaN}).
 */
public enum HistogramDivergence {

    /**
     * Population stability index {@code sum((q - p) ln(q / p))} with both proportions clipped below at
     * {@link DivergenceOptions#proportionFloor()} (not renormalised), as PSI is usually computed.
     */
    PSI(DriftTestId.PSI) {
        @Override
        double compute(double[] p, double[] q, DivergenceOptions options) {
            double[] r = Proportions.clippedBelow(p, options.proportionFloor());
            double[] c = Proportions.clippedBelow(q, options.proportionFloor());
            double sum = 0;
            for (int i = 0; i < r.length; i++) {
                sum += (c[i] - r[i]) * Math.log(c[i] / r[i]);
            }
            return sum;
        }
    },

    /**
     * Jensen–Shannon distance (the square root of the divergence), as {@code scipy.spatial.distance.
     * jensenshannon(p, q, base)}; base 2 by default ({@link DivergenceOptions#jsLogBase()}). No clipping.
     */
    JENSEN_SHANNON(DriftTestId.JENSEN_SHANNON) {
        @Override
        double compute(double[] p, double[] q, DivergenceOptions options) {
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                double m = (p[i] + q[i]) / 2.0;
                sum += relativeEntropyTerm(p[i], m) + relativeEntropyTerm(q[i], m);
            }
            double divergence = sum / options.jsLogBase().lnOfBase() / 2.0;
            return Math.sqrt(Math.max(0.0, divergence));
        }
    },

    /** Hellinger distance {@code sqrt(sum((sqrt p - sqrt q)^2)) / sqrt 2}, in [0, 1]. No clipping. */
    HELLINGER(DriftTestId.HELLINGER) {
        @Override
        double compute(double[] p, double[] q, DivergenceOptions options) {
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                double d = Math.sqrt(p[i]) - Math.sqrt(q[i]);
                sum += d * d;
            }
            return Math.sqrt(sum) / Math.sqrt(2.0);
        }
    },

    /**
     * Kullback–Leibler divergence KL(reference || current) {@code = sum(p ln(p / q))} in nats, i.e.
     * {@code scipy.stats.entropy(p', q')} where p', q' are the proportions clipped below at
     * {@link DivergenceOptions#proportionFloor()} and then renormalised to sum 1 (scipy's {@code entropy}
     * renormalises its inputs). Direction matters: a bin empty in the current window but populated in the
     * reference is what drives it up.
     */
    KL_DIV(DriftTestId.KL_DIV) {
        @Override
        double compute(double[] p, double[] q, DivergenceOptions options) {
            double[] r = Proportions.normalised(Proportions.clippedBelow(p, options.proportionFloor()), "reference");
            double[] c = Proportions.normalised(Proportions.clippedBelow(q, options.proportionFloor()), "current");
            double sum = 0;
            for (int i = 0; i < r.length; i++) {
                sum += relativeEntropyTerm(r[i], c[i]);
            }
            return sum;
        }
    },

    /** Total variation distance {@code 0.5 sum|p - q|}, in [0, 1]. */
    TVD(DriftTestId.TVD) {
        @Override
        double compute(double[] p, double[] q, DivergenceOptions options) {
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                sum += Math.abs(p[i] - q[i]);
            }
            return 0.5 * sum;
        }
    },

    /** L-infinity distance {@code max|p - q|}, in [0, 1]. */
    LINF(DriftTestId.LINF) {
        @Override
        double compute(double[] p, double[] q, DivergenceOptions options) {
            double max = 0;
            for (int i = 0; i < p.length; i++) {
                max = Math.max(max, Math.abs(p[i] - q[i]));
            }
            return max;
        }
    };

    private final DriftTestId testId;

    HistogramDivergence(DriftTestId testId) {
        this.testId = testId;
    }

    /** The divergence on proportions that each sum to 1. */
    abstract double compute(double[] p, double[] q, DivergenceOptions options);

    public DriftTestId testId() {
        return testId;
    }

    /** The divergence implementing {@code id}; fails for tests that are not histogram divergences. */
    public static HistogramDivergence of(DriftTestId id) {
        return Arrays.stream(values()).filter(d -> d.testId == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id.id() + " is not a histogram divergence; known: "
                        + Arrays.toString(values())));
    }

    /** The distance between two count vectors on the same bins. */
    public double distance(double[] referenceCounts, double[] currentCounts, DivergenceOptions options) {
        double[][] pq = Proportions.normalisedPair(referenceCounts, currentCounts);
        return compute(pq[0], pq[1], options);
    }

    public double distance(double[] referenceCounts, double[] currentCounts) {
        return distance(referenceCounts, currentCounts, DivergenceOptions.DEFAULT);
    }

    public double distance(long[] referenceCounts, long[] currentCounts) {
        return distance(Proportions.toDoubles(referenceCounts), Proportions.toDoubles(currentCounts));
    }

    /** Drift decision with the test's default threshold and default options. */
    public DriftResult test(double[] referenceCounts, double[] currentCounts) {
        return test(referenceCounts, currentCounts, testId.defaultThreshold(), DivergenceOptions.DEFAULT);
    }

    public DriftResult test(long[] referenceCounts, long[] currentCounts) {
        return test(Proportions.toDoubles(referenceCounts), Proportions.toDoubles(currentCounts));
    }

    /** Drift decision: drift when the distance is at least {@code threshold}. */
    public DriftResult test(double[] referenceCounts, double[] currentCounts, double threshold,
                            DivergenceOptions options) {
        return DriftResult.exact(testId, distance(referenceCounts, currentCounts, options), Double.NaN, threshold);
    }

    /** {@code x ln(x / y)} with the convention {@code 0 ln(0 / y) = 0} (scipy's {@code rel_entr}). */
    static double relativeEntropyTerm(double x, double y) {
        if (x == 0) {
            return 0.0;
        }
        return x * Math.log(x / y);
    }
}
