package io.driftwatch.benchmarks;

import java.util.List;
import java.util.Locale;

/** The printed tables of {@link DriftComparison}. */
final class Report {

    private Report() {}

    static void values(ScipyBaseline scipy, List<ColumnStatistics> exact, List<ColumnStatistics> streaming) {
        System.out.printf(Locale.ROOT, "%nvalues: scipy | exact | streaming (± error bound)%n");
        System.out.printf(Locale.ROOT, "%3s %-40s %-30s %-24s %-24s %-44s%n", "col", "KS statistic", "KS p-value",
                "PSI", "JS", "Wasserstein (normed)");
        for (int c = 0; c < exact.size(); c++) {
            ScipyBaseline.Column s = scipy.columns().get(c);
            ColumnStatistics e = exact.get(c);
            ColumnStatistics w = streaming.get(c);
            System.out.printf(Locale.ROOT, "%3d %.6f %.6f %.4f±%.4f  %.3e %.3e %.3e  %.6f %.6f %.6f  %.6f %.6f %.6f"
                            + "  %.6f %.6f %.4f±%.4f%n", c,
                    s.ksStatistic(), e.ksStatistic(), w.ksStatistic(), w.ksErrorBound(),
                    s.ksPValue(), e.ksPValue(), w.ksPValue(),
                    s.psi(), e.psi(), w.psi(),
                    s.jensenShannon(), e.jensenShannon(), w.jensenShannon(),
                    s.wasserstein(), e.wasserstein(), w.wasserstein(), w.wassersteinErrorBound());
        }
    }

    static void agreement(String title, List<Agreement.Row> rows) {
        System.out.printf(Locale.ROOT, "%n%s%n%3s %10s %10s %9s %10s %10s %10s %4s%n", title, "col", "KS",
                "KS p", "KS drift=", "PSI", "JS", "W", "ok");
        double[] worst = new double[5];
        for (Agreement.Row r : rows) {
            System.out.printf(Locale.ROOT, "%3d %10.2e %10.2e %9s %10.2e %10.2e %10.2e %4s%n", r.column(), r.ks(),
                    r.ksPValue(), r.ksDecisionAgrees(), r.psi(), r.js(), r.wasserstein(), r.ok() ? "yes" : "NO");
            worst[0] = Math.max(worst[0], r.ks());
            worst[1] = Double.isNaN(r.ksPValue()) ? Double.NaN : Math.max(worst[1], r.ksPValue());
            worst[2] = Math.max(worst[2], r.psi());
            worst[3] = Math.max(worst[3], r.js());
            worst[4] = Math.max(worst[4], r.wasserstein());
        }
        long decisions = rows.stream().filter(Agreement.Row::ksDecisionAgrees).count();
        System.out.printf(Locale.ROOT, "max %9.2e %10.2e %6d/%-2d %10.2e %10.2e %10.2e%n", worst[0], worst[1],
                decisions, rows.size(), worst[2], worst[3], worst[4]);
    }

    /**
     * One path's wall-clock seconds and ratio, then its CPU seconds and ratio. With several threads the CPU
     * ratio compares total work, not elapsed time.
     */
    static void ratio(String path, ScipyBaseline scipy, double javaSeconds, double javaCpuSeconds) {
        System.out.printf(Locale.ROOT, "%-52s wall %7.3f s  scipy/java = %5.1fx | CPU %7.3f s  scipy/java = %5.1fx%n",
                path, javaSeconds, scipy.seconds() / javaSeconds, javaCpuSeconds, scipy.cpuSeconds() / javaCpuSeconds);
    }
}
