package io.driftwatch.alerting.rules;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a secret lives: {@code ${env:NAME}} (an environment variable) or {@code ${file:/absolute/path}}
 * (a file whose content, without trailing newlines, is the secret). The reference itself is not secret.
 */
public record SecretRef(Source source, String name) {

    private static final Pattern FORM = Pattern.compile("\\$\\{(env|file):([^}]+)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public enum Source { ENV, FILE }

    public SecretRef {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        if (source == Source.ENV && !ENV_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an environment variable name: " + name);
        }
        if (source == Source.FILE && !name.startsWith("/")) {
            throw new IllegalArgumentException("secret file path must be absolute: " + name);
        }
    }

    /** The reference in {@code text}, or empty when {@code text} is not exactly one well-formed reference. */
    public static Optional<SecretRef> parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Source source = m.group(1).equals("env") ? Source.ENV : Source.FILE;
        try {
            return Optional.of(new SecretRef(source, m.group(2)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "${" + (source == Source.ENV ? "env" : "file") + ":" + name + "}";
    }
}
