package io.driftwatch.dashboards.grafana;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Grafana's {@code percentencode} variable format ({@code formatRegistry}, {@code encodeURIComponentStrict}):
 * JavaScript's {@code encodeURIComponent} (UTF-8 bytes as {@code %XX}, upper-case hex) that also encodes
 * {@code ! ' ( ) *}, so only {@code A-Z a-z 0-9 - _ . ~} stay as they are. A multi value is first joined as
 * {@code {a,b}} (Grafana's glob form) and then encoded.
 *
 * <p>The output never contains a quote, a backslash or a space, so it cannot leave a ClickHouse string literal;
 * queries decode it with {@code decodeURLComponent}. Note that the multi-value form is ambiguous for values that
 * contain a comma ({@code ["a,b"]} and {@code ["a", "b"]} encode alike).
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final int NIBBLE_BITS = 4;
    private static final int NIBBLE_MASK = 0xF;
    private static final int BYTE_MASK = 0xFF;

    private PercentEncoding() {
    }

    /** {@code encodeURIComponentStrict(value)}. @throws IllegalArgumentException for an unpaired surrogate (JS throws URIError) */
    public static String encode(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                throw new IllegalArgumentException("unpaired surrogate at index " + i + " cannot be percent-encoded");
            }
        }
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int u = b & BYTE_MASK;
            if (isUnreserved(u)) {
                out.append((char) u);
            } else {
                out.append('%').append(HEX[u >> NIBBLE_BITS]).append(HEX[u & NIBBLE_MASK]);
            }
        }
        return out.toString();
    }

    /** Grafana's {@code percentencode} of a variable: one value encoded, a multi value as {@code {a,b}} encoded. */
    public static String format(List<String> values, boolean multi) {
        return multi ? encode("{" + String.join(",", values) + "}") : encode(values.get(0));
    }

    /** RFC 3986 unreserved characters, the only ones {@code encodeURIComponentStrict} leaves as they are. */
    private static boolean isUnreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
