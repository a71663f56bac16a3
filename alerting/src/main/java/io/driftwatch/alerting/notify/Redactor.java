package io.driftwatch.alerting.notify;

import java.util.List;

/**
 * Removes secret values from text that may reach a log or an exception (error bodies, exception messages
 * that may quote a URL). Secrets shorter than {@link #MIN_SECRET_LENGTH} are not searched for, since they
 * would blank out ordinary words; no real credential is that short.
 */
final class Redactor {

    static final String MASK = "***";
    static final int MIN_SECRET_LENGTH = 4;

    private final List<Secret> secrets;

    /** @param secrets a live list (the resolver's), read at each call */
    Redactor(List<Secret> secrets) {
        this.secrets = secrets;
    }

    String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (Secret s : secrets) {
            if (s.reveal().length() >= MIN_SECRET_LENGTH) {
                out = out.replace(s.reveal(), MASK);
            }
        }
        return out;
    }
}
