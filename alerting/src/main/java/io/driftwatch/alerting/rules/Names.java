package io.driftwatch.alerting.rules;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared value checks of the rules file: names, URLs, durations, secret references. */
final class Names {

    /** Rule and notifier names: they end up in dedup keys, labels and logs, so keep them plain. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([smhd])");

    private Names() {
    }

    static boolean checkName(Fields fields, String key, String name, SourcePosition at) {
        if (!NAME.matcher(name).matches()) {
            fields.problems().add(at, fields.context() + ": '" + key + "' '" + name
                    + "' must be 1-128 letters, digits, '_', '.' or '-', starting with a letter or digit");
            return false;
        }
        return true;
    }

    /** An absolute http(s) URL; empty with a problem otherwise. */
    static Optional<URI> httpUrl(Fields fields, String key, boolean required) {
        Optional<String> text = required ? fields.requiredString(key) : fields.optionalString(key);
        return text.flatMap(t -> {
            try {
                URI uri = new URI(t);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            fields.problems().add(fields.node(key).orElseThrow().position(), fields.context() + ": '" + key
                    + "' must be an absolute http or https URL, got '" + t + "'");
            return Optional.empty();
        });
    }

    /**
     * A secret reference. An inline value is an error whose message never repeats the value.
     */
    static Optional<SecretRef> secret(Fields fields, String key, boolean required) {
        Optional<YamlNode> node = required ? fields.required(key) : fields.node(key);
        return node.flatMap(n -> {
            Optional<SecretRef> ref = n instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.STRING
                    ? SecretRef.parse(s.text()) : Optional.empty();
            if (ref.isEmpty()) {
                fields.problems().add(n.position(), fields.context() + ": '" + key
                        + "' must be a secret reference, ${env:VARIABLE} or ${file:/absolute/path};"
                        + " inline secrets are not accepted (value not shown)");
            }
            return ref;
        });
    }

    /** {@code 30s}, {@code 15m}, {@code 4h}, {@code 1d}, or {@code 0} for never. */
    static Optional<Duration> duration(Fields fields, String key) {
        return fields.node(key).flatMap(n -> {
            if (n instanceof YamlNode.Scalar s) {
                if (s.type() == YamlNode.ScalarType.INTEGER && s.text().equals("0")) {
                    return Optional.of(Duration.ZERO);
                }
                Matcher m = DURATION.matcher(s.text());
                if (s.type() == YamlNode.ScalarType.STRING && m.matches()) {
                    long amount = Long.parseLong(m.group(1));
                    switch (m.group(2)) {
                        case "s": return Optional.of(Duration.ofSeconds(amount));
                        case "m": return Optional.of(Duration.ofMinutes(amount));
                        case "h": return Optional.of(Duration.ofHours(amount));
                        default: return Optional.of(Duration.ofDays(amount));
                    }
                }
            }
            fields.problems().add(n.position(), fields.context() + ": '" + key
                    + "' must be a duration such as 30s, 15m, 4h or 1d, or 0 for never");
            return Optional.empty();
        });
    }
}
