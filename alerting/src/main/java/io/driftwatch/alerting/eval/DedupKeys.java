package io.driftwatch.alerting.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable identity of an alert across restarts and notifiers: SHA-256 (hex, 64 characters, within
 * PagerDuty's 255-character dedup_key limit) of the rule name and the series' parts, each
 * length-prefixed so that no two different (rule, series) share the input.
 */
public final class DedupKeys {

    private DedupKeys() {
    }

    public static String of(String ruleName, SeriesKey series) {
        StringBuilder input = new StringBuilder();
        for (String part : new String[] {ruleName, series.model(), series.version(), series.segment(), series.feature()}) {
            input.append(part.length()).append(':').append(part);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
