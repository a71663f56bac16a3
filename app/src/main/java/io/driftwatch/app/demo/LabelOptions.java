package io.driftwatch.app.demo;

import java.time.Duration;

/**
 * How labels arrive.
 *
 * @param delays              delay from prediction time to label time
 * @param labelledFraction    fraction of predictions that ever get a label, in [0, 1]
 * @param duplicateFraction   fraction of labels sent twice (the copy is marked {@link EventMark#DUPLICATE_LABEL})
 * @param duplicateDelayMean  mean extra delay of the duplicate copy (exponential)
 * @param labelFirstFraction  fraction of labelled predictions whose label is sent before the prediction: the
 *                            label has delay 0 and the prediction is held back by {@code labelFirstHold}
 * @param labelFirstHold      simulated time a label-first prediction is held back
 */
public record LabelOptions(LabelDelayMixture delays, double labelledFraction, double duplicateFraction,
                           Duration duplicateDelayMean, double labelFirstFraction, Duration labelFirstHold) {

    public static final double DEFAULT_LABELLED_FRACTION = 0.95;
    public static final double DEFAULT_DUPLICATE_FRACTION = 0.01;
    public static final Duration DEFAULT_DUPLICATE_DELAY = Duration.ofMinutes(5);
    public static final double DEFAULT_LABEL_FIRST_FRACTION = 0.005;
    public static final Duration DEFAULT_LABEL_FIRST_HOLD = Duration.ofMinutes(2);

    public LabelOptions {
        if (delays == null) {
            throw new IllegalArgumentException("label delays must not be null");
        }
        requireFraction("labelled fraction", labelledFraction);
        requireFraction("duplicate fraction", duplicateFraction);
        requireFraction("label-first fraction", labelFirstFraction);
        requirePositive("duplicate delay mean", duplicateDelayMean);
        requirePositive("label-first hold", labelFirstHold);
    }

    public static LabelOptions defaults() {
        return new LabelOptions(LabelDelayMixture.defaults(), DEFAULT_LABELLED_FRACTION, DEFAULT_DUPLICATE_FRACTION,
                DEFAULT_DUPLICATE_DELAY, DEFAULT_LABEL_FIRST_FRACTION, DEFAULT_LABEL_FIRST_HOLD);
    }

    public LabelOptions withDelays(LabelDelayMixture newDelays) {
        return new LabelOptions(newDelays, labelledFraction, duplicateFraction, duplicateDelayMean, labelFirstFraction,
                labelFirstHold);
    }

    public LabelOptions withFractions(double labelled, double duplicate, double labelFirst) {
        return new LabelOptions(delays, labelled, duplicate, duplicateDelayMean, labelFirst, labelFirstHold);
    }

    static void requireFraction(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + value);
        }
    }

    private static void requirePositive(String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, got " + value);
        }
    }
}
