package io.driftwatch.alerting.rules;

import io.driftwatch.detectors.drift.multiple.PValueCorrection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Multiple-testing correction across the series a rule selects in one window. */
public enum Correction {
    NONE(null), BONFERRONI(PValueCorrection.BONFERRONI), BENJAMINI_HOCHBERG(PValueCorrection.BENJAMINI_HOCHBERG);

    private final PValueCorrection procedure;

    Correction(PValueCorrection procedure) {
        this.procedure = procedure;
    }

    /** The procedure; only for corrections other than {@link #NONE}. */
    public PValueCorrection procedure() {
        if (procedure == null) {
            throw new IllegalStateException("no procedure for " + this);
        }
        return procedure;
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Correction> fromYaml(String name) {
        return Arrays.stream(values()).filter(c -> c != NONE && c.yamlName().equals(name)).findFirst();
    }
}
