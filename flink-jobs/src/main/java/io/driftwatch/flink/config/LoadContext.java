package io.driftwatch.flink.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** State of one load: the declared options (for unknown-key checks), the secret resolver, the errors so far. */
final class LoadContext {

    private final List<ConfigOption<?>> options;
    private final SecretResolver secrets;
    private final List<ConfigError> errors = new ArrayList<>();

    LoadContext(List<ConfigOption<?>> options, SecretResolver secrets) {
        this.options = List.copyOf(options);
        this.secrets = secrets;
    }

    void add(ConfigError error) {
        errors.add(error);
    }

    List<ConfigError> errors() {
        return List.copyOf(errors);
    }

    int errorCount() {
        return errors.size();
    }

    SecretResolver secrets() {
        return secrets;
    }

    /** Keys declared directly under {@code template} (a placeholder such as {@code <model>} admits any key). */
    Set<String> childKeys(String template) {
        String prefix = template.isEmpty() ? "" : template + ".";
        Set<String> keys = new LinkedHashSet<>();
        for (ConfigOption<?> option : options) {
            if (option.path().startsWith(prefix)) {
                String rest = option.path().substring(prefix.length());
                int dot = rest.indexOf('.');
                keys.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return keys;
    }
}
