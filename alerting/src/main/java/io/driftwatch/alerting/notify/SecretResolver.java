package io.driftwatch.alerting.notify;

import io.driftwatch.alerting.rules.SecretRef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Resolves {@link SecretRef}s: environment variables through a lookup (the process environment in
 * production, a map in tests), files by reading them (trailing newlines dropped). Error messages name the
 * reference, never a value. It remembers every secret it resolved, so that {@link #redactor()} can mask
 * all of them in whatever any notifier logs (an error body may echo another notifier's secret).
 */
public final class SecretResolver {

    private final UnaryOperator<String> environment;
    private final List<Secret> resolved = new CopyOnWriteArrayList<>();

    public SecretResolver(UnaryOperator<String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** Reads the process environment. */
    public static SecretResolver system() {
        return new SecretResolver(System::getenv);
    }

    /**
     * @throws IllegalArgumentException if the variable is unset or empty, or the file is unreadable or empty
     */
    public Secret resolve(SecretRef ref) {
        String value;
        if (ref.source() == SecretRef.Source.ENV) {
            value = environment.apply(ref.name());
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("secret " + ref + ": environment variable " + ref.name() + " is not set");
            }
        } else {
            try {
                value = Files.readString(Path.of(ref.name()), StandardCharsets.UTF_8).stripTrailing();
            } catch (IOException e) {
                // the exception's message names only the path
                throw new IllegalArgumentException("secret " + ref + ": cannot read " + ref.name() + " ("
                        + e.getClass().getSimpleName() + ")");
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException("secret " + ref + ": file " + ref.name() + " is empty");
            }
        }
        Secret secret = new Secret(ref, value);
        resolved.add(secret);
        return secret;
    }

    /**
     * Registers a part of a secret that is sensitive on its own (the token path of a Slack webhook URL), so
     * the redactor masks it too.
     */
    void registerPart(Secret whole, String part) {
        resolved.add(new Secret(whole.reference(), part));
    }

    /** Masks every secret this resolver has resolved, including ones resolved later. */
    Redactor redactor() {
        return new Redactor(resolved);
    }
}
