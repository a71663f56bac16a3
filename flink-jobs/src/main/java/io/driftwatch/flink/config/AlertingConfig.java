package io.driftwatch.flink.config;

import io.driftwatch.alerting.rules.RuleError;
import io.driftwatch.alerting.rules.RulesValidator;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Alerting: the rules file (see alerting/RULES.md). The file is read and validated when the config loads, so
 * the job refuses to start with an invalid rules file and reports every problem with line and column; its text
 * is kept here and shipped to the operators (task managers need no copy of the file).
 *
 * @param rulesFile the file as configured, or {@code null} for no alerting
 * @param rulesYaml its content when loaded, {@code null} without a file
 */
public record AlertingConfig(String rulesFile, String rulesYaml) implements Serializable {

    public static final ConfigOption<String> RULES = ConfigOption.optional("alerting.rules", ValueTypes.text(),
            "Alert rules file (YAML, see alerting/RULES.md); validated at start. Without it the job evaluates no alerts.");

    static final List<ConfigOption<?>> OPTIONS = List.of(RULES);

    /** No alerting. */
    public static final AlertingConfig NONE = new AlertingConfig(null, null);

    public AlertingConfig {
        if ((rulesFile == null) != (rulesYaml == null)) {
            throw new IllegalArgumentException("a rules file needs its content and vice versa");
        }
    }

    public boolean enabled() {
        return rulesFile != null;
    }

    static AlertingConfig read(ConfigNode alerting) {
        int errorsBefore = alerting.errorCount();
        String file = alerting.get(RULES);
        if (alerting.errorCount() > errorsBefore) {
            return null;
        }
        if (file == null) {
            return NONE;
        }
        String yaml;
        try {
            yaml = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            alerting.error("rules file " + file + " cannot be read: " + e);
            return null;
        }
        List<RuleError> errors = RulesValidator.validate(yaml, file);
        errors.forEach(e -> alerting.error("invalid rules file: " + e));
        return errors.isEmpty() ? new AlertingConfig(file, yaml) : null;
    }

    @Override
    public String toString() {
        return "AlertingConfig[rules=" + rulesFile + "]";
    }
}
