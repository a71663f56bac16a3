package io.driftwatch.alerting.rules;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link with placeholders such as {@code https://grafana/d/drift?var-model={model}&from={window_start_ms}}.
 * Values are URL-encoded when rendered. An empty template renders to "" (no link).
 */
public record LinkTemplate(String template) {

    public static final LinkTemplate NONE = new LinkTemplate("");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    /** What a template may refer to. Times are ISO-8601 UTC, or epoch milliseconds for the {@code _ms} forms. */
    public enum Placeholder {
        RULE, MODEL, VERSION, SEGMENT, FEATURE, WINDOW_START, WINDOW_END, WINDOW_START_MS, WINDOW_END_MS;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Placeholder> fromYaml(String name) {
            return Arrays.stream(values()).filter(p -> p.yamlName().equals(name)).findFirst();
        }
    }

    public LinkTemplate {
        Objects.requireNonNull(template, "template");
    }

    /** Placeholder names in the template that are not {@link Placeholder}s (for validation). */
    public List<String> unknownPlaceholders() {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (Placeholder.fromYaml(m.group(1)).isEmpty()) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /**
     * Renders with the given values.
     *
     * @throws IllegalArgumentException if a placeholder in the template has no value
     */
    public String render(Map<Placeholder, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Placeholder p = Placeholder.fromYaml(m.group(1))
                    .orElseThrow(() -> new IllegalArgumentException("unknown placeholder {" + m.group(1) + "}"));
            String value = values.get(p);
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder {" + p.yamlName() + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
