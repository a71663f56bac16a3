package io.driftwatch.detectors.performance;

/**
 * Binary confusion counts at a threshold (predict 1 when score &gt;= threshold). Ratios follow sklearn with
 * {@code zero_division=0}: a ratio whose denominator is 0 is 0.
 */
public record ConfusionMatrix(long tn, long fp, long fn, long tp) {

    /** Total count. */
    public long total() {
        return tn + fp + fn + tp;
    }

    /** tp / (tp + fp), or 0 when nothing was predicted positive. */
    public double precision() {
        return ratio(tp, tp + fp);
    }

    /** tp / (tp + fn), or 0 when there are no positives. */
    public double recall() {
        return ratio(tp, tp + fn);
    }

    /** 2tp / (2tp + fp + fn), the harmonic mean of precision and recall; 0 when tp = 0. */
    public double f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    /** (tp + tn) / total, NaN when empty. */
    public double accuracy() {
        long total = total();
        return total == 0 ? Double.NaN : (double) (tp + tn) / total;
    }

    /** sklearn's layout {@code [[tn, fp], [fn, tp]]}. */
    public long[][] toNestedArray() {
        return new long[][] {{tn, fp}, {fn, tp}};
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
