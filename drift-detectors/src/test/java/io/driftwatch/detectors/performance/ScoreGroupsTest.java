package io.driftwatch.detectors.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreGroupsTest {

    @Test
    void closedFormHarmonicSumAgreesWithTheDirectSum() {
        long count = ScoreGroups.DIRECT_SUM_LIMIT * 3;
        double tp0 = 17;
        double fp = 12_345;
        double direct = 0.0;
        for (long i = 1; i <= count; i++) {
            direct += (tp0 + i) / (tp0 + i + fp);
        }
        double closedForm = ScoreGroups.precisionSumNegativesFirst(tp0, fp, count);
        assertThat(Math.abs(closedForm - direct)).isLessThan(1e-9 * direct);
    }

    @Test
    void averagePrecisionBoundHoldsWhenBinsHoldThousandsOfPositives() {
        // 60k examples in 10 bins: every bin takes the closed-form branch.
        Random random = new Random(5);
        int n = 60_000;
        double[] scores = new double[n];
        int[] labels = new int[n];
        BinaryClassificationAccumulator accumulator = new BinaryClassificationAccumulator(0.5, 10);
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextDouble();
            labels[i] = random.nextDouble() < scores[i] ? 1 : 0;
            accumulator.add(scores[i], labels[i]);
        }
        double exact = BinaryClassificationEvaluator.evaluate(scores, labels, 0.5).averagePrecision();
        ApproximateValue approximate = accumulator.averagePrecision();
        assertThat(Math.abs(approximate.value() - exact)).isLessThanOrEqualTo(approximate.errorBound());
        assertThat(approximate.errorBound()).isPositive().isLessThan(0.1);
    }

    @Test
    void tiedGroupsGiveMidrankAuc() {
        // One tied group of 1 positive and 1 negative: AUC 1/2, and the binning bound is 1/2 too.
        ScoreGroups groups = new ScoreGroups(new long[] {1}, new long[] {1});
        assertThat(groups.rocAucTied()).isEqualTo(0.5);
        assertThat(groups.rocAucBinningBound()).isEqualTo(0.5);
        assertThat(groups.averagePrecisionTied()).isEqualTo(0.5);
        ApproximateValue ap = groups.averagePrecisionFromBins();
        // Orders: positive first gives AP 1, negative first 1/2; tied 1/2.
        assertThat(ap.value() - ap.errorBound()).isEqualTo(0.5);
        assertThat(ap.value() + ap.errorBound()).isEqualTo(1.0);
    }
}
