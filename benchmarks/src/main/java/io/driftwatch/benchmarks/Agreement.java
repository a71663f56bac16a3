package io.driftwatch.benchmarks;

import java.util.List;

/**
 * How closely one path's values match scipy's, column by column, and whether they are within tolerance:
 * the exact path to {@link #STATISTIC_RELATIVE} (house rule, relative) with p-values to
 * {@link #P_VALUE_RELATIVE} (relative) or both below {@link #NEGLIGIBLE_P_VALUE}; the streaming path within
 * its stated absolute error bounds for KS and Wasserstein, exactly (to {@link #STATISTIC_RELATIVE}) for PSI
 * and JS since its bins are exact counts, and with the KS drift decision compared to scipy's.
 */
final class Agreement {

    /** House rule for statistics against scipy: 1e-9 relative. */
    static final double STATISTIC_RELATIVE = 1e-9;
    /** House rule for p-values: 1e-6, here relative. */
    static final double P_VALUE_RELATIVE = 1e-6;
    /** p-values both below this count as "both ~0" (far beyond any drift threshold). */
    static final double NEGLIGIBLE_P_VALUE = 1e-12;

    /** One column's differences: relative for exact values, |difference| / bound for sketch values. */
    record Row(int column, double ks, double ksPValue, boolean ksDecisionAgrees, double psi, double js,
               double wasserstein, boolean ok) {}

    private Agreement() {}

    static Row exact(int column, ColumnStatistics scipy, ColumnStatistics java) {
        double ks = relative(java.ksStatistic(), scipy.ksStatistic());
        double p = relative(java.ksPValue(), scipy.ksPValue());
        boolean pOk = p <= P_VALUE_RELATIVE
                || (java.ksPValue() < NEGLIGIBLE_P_VALUE && scipy.ksPValue() < NEGLIGIBLE_P_VALUE);
        double psi = relative(java.psi(), scipy.psi());
        double js = relative(java.jensenShannon(), scipy.jensenShannon());
        double w = relative(java.wasserstein(), scipy.wasserstein());
        boolean ok = pOk && Math.max(Math.max(ks, psi), Math.max(js, w)) <= STATISTIC_RELATIVE;
        return new Row(column, ks, p, java.ksDrift() == scipy.ksDrift(), psi, js, w, ok);
    }

    static Row streaming(int column, ColumnStatistics scipy, ColumnStatistics java) {
        double ks = Math.abs(java.ksStatistic() - scipy.ksStatistic()) / java.ksErrorBound();
        double w = Math.abs(java.wasserstein() - scipy.wasserstein()) / java.wassersteinErrorBound();
        double psi = relative(java.psi(), scipy.psi());
        double js = relative(java.jensenShannon(), scipy.jensenShannon());
        boolean ok = ks <= 1.0 && w <= 1.0 && Math.max(psi, js) <= STATISTIC_RELATIVE;
        return new Row(column, ks, Double.NaN, java.ksDrift() == scipy.ksDrift(), psi, js, w, ok);
    }

    static boolean allOk(List<Row> rows) {
        return rows.stream().allMatch(Row::ok);
    }

    /** {@code |a - b| / max(|a|, |b|)}, 0 when both are 0. */
    static double relative(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0.0 ? 0.0 : Math.abs(a - b) / scale;
    }
}
