package io.driftwatch.app.demo;

import io.driftwatch.schemas.events.LabelValue;
import java.util.random.RandomGenerator;

/** The true outcome's distribution for one prediction; the label is drawn from it. */
sealed interface GroundTruth {

    LabelValue draw(RandomGenerator random);

    /** Binary outcome: 1 with {@code probability}. */
    record Binary(double probability) implements GroundTruth {
        @Override
        public LabelValue draw(RandomGenerator random) {
            return new LabelValue.Numeric(RandomDraws.bernoulli(random, probability) ? 1 : 0);
        }
    }

    /** Positive continuous outcome: {@code median * exp(logSigma * N(0,1))}, rounded to cents. */
    record LogNormal(double median, double logSigma) implements GroundTruth {
        private static final int CENT_DECIMALS = 2;

        @Override
        public LabelValue draw(RandomGenerator random) {
            return new LabelValue.Numeric(RandomDraws.round(RandomDraws.logNormal(random, median, logSigma), CENT_DECIMALS));
        }
    }
}
