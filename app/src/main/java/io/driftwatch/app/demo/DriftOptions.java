package io.driftwatch.app.demo;

import java.util.EnumMap;
import java.util.Map;

/**
 * What drift to inject into the fraud model, and from when.
 *
 * @param start                    when the drift begins
 * @param segment                  the one country whose features drift
 * @param amountMultiplier         factor on {@code amount} in that segment ({@code 1} = no amount drift)
 * @param merchantMix              merchant-category weights in that segment after the start
 *                                 ({@link MerchantCategory#baselineMix()} = no mix drift)
 * @param latencyModel             model whose inference latency regresses (all its segments)
 * @param latencyMedianShiftMs     added to that model's median latency ({@code 0} = none)
 * @param calibrationLogOddsShift  added to the log-odds of the true fraud probability in the drifted segment,
 *                                 so the score stops being calibrated there ({@code 0} = stays calibrated)
 */
public record DriftOptions(DriftStart start, FraudCountry segment, double amountMultiplier,
                           Map<MerchantCategory, Double> merchantMix, DemoModel latencyModel,
                           double latencyMedianShiftMs, double calibrationLogOddsShift) {

    /** Default amount factor in the drifted segment. */
    public static final double DEFAULT_AMOUNT_MULTIPLIER = 2.5;
    /** Default latency regression: +80 ms on the median. */
    public static final double DEFAULT_LATENCY_SHIFT_MS = 80.0;
    /** Default calibration decay: true odds e^1 (about 2.7) times the scored odds. */
    public static final double DEFAULT_CALIBRATION_SHIFT = 1.0;

    public DriftOptions {
        if (start == null || segment == null || merchantMix == null || latencyModel == null) {
            throw new IllegalArgumentException("drift start, segment, merchant mix and latency model must not be null");
        }
        if (!(amountMultiplier > 0) || !Double.isFinite(amountMultiplier)) {
            throw new IllegalArgumentException("amount multiplier must be finite and > 0, got " + amountMultiplier);
        }
        if (!(latencyMedianShiftMs >= 0) || !Double.isFinite(latencyMedianShiftMs)) {
            throw new IllegalArgumentException("latency shift must be finite and >= 0 ms, got " + latencyMedianShiftMs);
        }
        if (!Double.isFinite(calibrationLogOddsShift)) {
            throw new IllegalArgumentException("calibration shift must be finite, got " + calibrationLogOddsShift);
        }
        WeightedChoice.of(merchantMix); // validates the weights
        merchantMix = Map.copyOf(new EnumMap<>(merchantMix));
    }

    /** The default scenario: BR amounts x2.5 toward electronics, jewelry and gaming, fraud-v3 latency +80 ms. */
    public static DriftOptions defaults(DriftStart start) {
        return new DriftOptions(start, FraudCountry.BR, DEFAULT_AMOUNT_MULTIPLIER, driftedMix(), DemoModel.FRAUD,
                DEFAULT_LATENCY_SHIFT_MS, DEFAULT_CALIBRATION_SHIFT);
    }

    /** No drift of any kind. */
    public static DriftOptions none() {
        return new DriftOptions(DriftStart.never(), FraudCountry.BR, 1.0, MerchantCategory.baselineMix(),
                DemoModel.FRAUD, 0.0, 0.0);
    }

    public DriftOptions withStart(DriftStart newStart) {
        return new DriftOptions(newStart, segment, amountMultiplier, merchantMix, latencyModel, latencyMedianShiftMs,
                calibrationLogOddsShift);
    }

    /** Whether the merchant mix after the start differs from the baseline. */
    public boolean changesMerchantMix() {
        return !merchantMix.equals(MerchantCategory.baselineMix());
    }

    /** A mix shifted toward high-value, high-risk categories (an account-takeover wave). */
    private static Map<MerchantCategory, Double> driftedMix() {
        Map<MerchantCategory, Double> mix = new EnumMap<>(MerchantCategory.class);
        mix.put(MerchantCategory.GROCERY, 0.10);
        mix.put(MerchantCategory.RESTAURANTS, 0.07);
        mix.put(MerchantCategory.FUEL, 0.05);
        mix.put(MerchantCategory.PHARMACY, 0.03);
        mix.put(MerchantCategory.ELECTRONICS, 0.30);
        mix.put(MerchantCategory.TRAVEL, 0.10);
        mix.put(MerchantCategory.ONLINE_GAMING, 0.20);
        mix.put(MerchantCategory.JEWELRY, 0.15);
        return mix;
    }
}
