package io.driftwatch.schemas.events;

import java.util.Map;

/** What the model predicted: exactly one of a binary score, class probabilities or a regression value. */
public sealed interface ModelOutput permits ModelOutput.BinaryScore, ModelOutput.ClassScores, ModelOutput.RegressionValue {

    /** Probability of the positive class, in [0, 1] (JSON field {@code score}). */
    record BinaryScore(double score) implements ModelOutput {
        public BinaryScore {
            if (!(score >= 0.0 && score <= 1.0)) {
                throw new IllegalArgumentException("score must be in [0, 1], got " + score);
            }
        }
    }

    /**
     * Class name to probability, each in [0, 1], summing to 1 within
     * {@link ParserLimits#scoresSumTolerance()} (JSON field {@code scores}); insertion ordered, unmodifiable.
     */
    record ClassScores(Map<String, Double> scores) implements ModelOutput {
        public ClassScores {
            scores = java.util.Collections.unmodifiableMap(scores);
        }
    }

    /** Regression output, finite (JSON field {@code value}). */
    record RegressionValue(double value) implements ModelOutput {
        public RegressionValue {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value must be finite, got " + value);
            }
        }
    }
}
