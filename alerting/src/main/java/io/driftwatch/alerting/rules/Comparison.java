package io.driftwatch.alerting.rules;

import java.util.Arrays;
import java.util.Optional;

/** How a value is compared with a rule's threshold; written as a symbol in rules files. */
public enum Comparison {
    GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code value} breaches {@code threshold}; NaN never does. */
    public boolean breaches(double value, double threshold) {
        switch (this) {
            case GREATER: return value > threshold;
            case GREATER_OR_EQUAL: return value >= threshold;
            case LESS: return value < threshold;
            case LESS_OR_EQUAL: return value <= threshold;
            default: throw new AssertionError(this);
        }
    }

    public static Optional<Comparison> fromSymbol(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
    }
}
