package io.driftwatch.alerting.notify;

import io.driftwatch.alerting.rules.SecretRef;

import java.util.Objects;

/** A resolved secret. Only {@link #reveal()} gives the value; {@link #toString()} names the reference. */
public final class Secret {

    private final SecretRef reference;
    private final String value;

    Secret(SecretRef reference, String value) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.value = Objects.requireNonNull(value, "value");
    }

    public SecretRef reference() {
        return reference;
    }

    /** The value, for putting into a request; never log it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret(" + reference + ")";
    }
}
