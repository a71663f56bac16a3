package io.driftwatch.app.demo;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Merchant categories of the fraud model, with their usual traffic share, how their amounts compare to the
 * country median (a factor on the log-normal median) and their contribution to the fraud log-odds.
 */
public enum MerchantCategory {
    GROCERY(0.30, 0.6, -0.6),
    RESTAURANTS(0.20, 0.7, -0.4),
    FUEL(0.15, 1.0, -0.2),
    PHARMACY(0.10, 0.5, -0.5),
    ELECTRONICS(0.10, 3.0, 0.7),
    TRAVEL(0.08, 4.0, 0.4),
    ONLINE_GAMING(0.05, 0.8, 1.1),
    JEWELRY(0.02, 5.0, 1.0);

    private final double baselineShare;
    private final double amountFactor;
    private final double fraudLogOdds;

    MerchantCategory(double baselineShare, double amountFactor, double fraudLogOdds) {
        this.baselineShare = baselineShare;
        this.amountFactor = amountFactor;
        this.fraudLogOdds = fraudLogOdds;
    }

    /** Share of transactions before any drift; the shares sum to 1. */
    public double baselineShare() {
        return baselineShare;
    }

    /** Factor on the country's median amount. */
    public double amountFactor() {
        return amountFactor;
    }

    /** Additive contribution to the fraud log-odds. */
    public double fraudLogOdds() {
        return fraudLogOdds;
    }

    /** Value as sent in the {@code merchant_category} feature. */
    public String featureValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The baseline mix as weights. */
    public static Map<MerchantCategory, Double> baselineMix() {
        Map<MerchantCategory, Double> mix = new EnumMap<>(MerchantCategory.class);
        for (MerchantCategory category : values()) {
            mix.put(category, category.baselineShare);
        }
        return mix;
    }
}
