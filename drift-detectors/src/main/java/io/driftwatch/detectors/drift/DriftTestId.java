package io.driftwatch.detectors.drift;

import java.util.Arrays;
import java.util.Locale;

/**
 * Every drift test Driftwatch knows, with its stable id (used in config, CLI, ClickHouse rows), its
 * polarity and its default threshold. This enum is the one home of those three facts.
 */
public enum DriftTestId {
    KS("ks", Polarity.P_VALUE, Defaults.P_VALUE),
    PSI("psi", Polarity.DISTANCE, Defaults.DIVERGENCE),
    JENSEN_SHANNON("jensenshannon", Polarity.DISTANCE, Defaults.DIVERGENCE),
    WASSERSTEIN("wasserstein", Polarity.DISTANCE, Defaults.DIVERGENCE),
    WASSERSTEIN_RAW("wasserstein_raw", Polarity.DISTANCE, Defaults.DIVERGENCE),
    HELLINGER("hellinger", Polarity.DISTANCE, Defaults.DIVERGENCE),
    KL_DIV("kl_div", Polarity.DISTANCE, Defaults.DIVERGENCE),
    ENERGY("energy", Polarity.DISTANCE, Defaults.DIVERGENCE),
    CRAMER_VON_MISES("cramer_von_mises", Polarity.P_VALUE, Defaults.P_VALUE),
    ANDERSON("anderson", Polarity.P_VALUE, Defaults.P_VALUE),
    MANN_WHITNEY("mannwhitney", Polarity.P_VALUE, Defaults.P_VALUE),
    T_TEST("t_test", Polarity.P_VALUE, Defaults.P_VALUE),
    MMD("mmd", Polarity.DISTANCE, Defaults.DIVERGENCE),
    CHI_SQUARE("chisquare", Polarity.P_VALUE, Defaults.P_VALUE),
    Z("z", Polarity.P_VALUE, Defaults.P_VALUE),
    FISHER_EXACT("fisher_exact", Polarity.P_VALUE, Defaults.P_VALUE),
    G_TEST("g_test", Polarity.P_VALUE, Defaults.P_VALUE),
    TVD("tvd", Polarity.DISTANCE, Defaults.DIVERGENCE),
    LINF("linf", Polarity.DISTANCE, Defaults.DIVERGENCE);

    private final String id;
    private final Polarity polarity;
    private final double defaultThreshold;

    DriftTestId(String id, Polarity polarity, double defaultThreshold) {
        this.id = id;
        this.polarity = polarity;
        this.defaultThreshold = defaultThreshold;
    }

    public String id() {
        return id;
    }

    public Polarity polarity() {
        return polarity;
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Parses a test id as written in config and on the command line ({@code ks}, {@code kl_div}, ...). */
    public static DriftTestId fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown drift test '" + id + "'; known: "
                        + String.join(", ", Arrays.stream(values()).map(DriftTestId::id).toList())));
    }

    /** Default thresholds, named once. */
    public static final class Defaults {
        /** Significance level for tests that return a p-value. */
        public static final double P_VALUE = 0.05;
        /** Threshold for PSI, JS, normed Wasserstein, Hellinger, KL and the other distances. */
        public static final double DIVERGENCE = 0.1;

        private Defaults() {}
    }
}
