package io.driftwatch.dashboards.grafana;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a template variable's value is written into a query: Grafana's variable formats
 * ({@code ${name:format}}, Grafana's {@code formatRegistry}) plus {@link #PLUGIN_DEFAULT}, the ClickHouse
 * plugin's own {@code format} callback used for {@code $name}, {@code ${name}} and {@code [[name]]}.
 *
 * <p>Only {@link #PERCENTENCODE} is safe inside a ClickHouse string literal: the quoting formats escape quotes
 * but not backslashes, and ClickHouse reads {@code \'} inside a literal as an escaped quote, so a value ending in a
 * backslash closes the literal. The dashboards use {@code decodeURLComponent('${name:percentencode}')} only
 * (see the dashboards README); the other formats are here to test that claim.
 */
public enum VariableFormat {
    /** The plugin's callback: a multi value as {@code 'a','b'} (nothing escaped), a single value raw. */
    PLUGIN_DEFAULT,
    /** {@code sqlstring}: each value quoted, {@code '} doubled and {@code "} as {@code \"}, joined by commas. */
    SQLSTRING,
    /** {@code singlequote}: each value quoted, {@code '} as {@code \'}, joined by commas. */
    SINGLEQUOTE,
    /** {@code raw}: the value as is; a multi value joined by commas. */
    RAW,
    /** {@code csv}: values joined by commas. */
    CSV,
    /** {@code percentencode}: {@link PercentEncoding}; a multi value as {@code {a,b}}, then encoded. */
    PERCENTENCODE;

    /** @throws IllegalArgumentException for a format this expander does not implement */
    public static VariableFormat of(String grafanaName) {
        return switch (grafanaName.toLowerCase(Locale.ROOT)) {
            case "sqlstring" -> SQLSTRING;
            case "singlequote" -> SINGLEQUOTE;
            case "raw" -> RAW;
            case "csv" -> CSV;
            case "percentencode" -> PERCENTENCODE;
            default -> throw new IllegalArgumentException("unsupported template variable format '" + grafanaName
                    + "' (supported: sqlstring, singlequote, raw, csv, percentencode)");
        };
    }

    /** The text Grafana puts in the query for these values ({@code multi}: the variable holds a list). */
    public String format(List<String> values, boolean multi) {
        return switch (this) {
            case PLUGIN_DEFAULT -> multi ? values.stream().collect(Collectors.joining("','", "'", "'"))
                    : values.get(0);
            case SQLSTRING -> values.stream().map(v -> "'" + v.replace("'", "''").replace("\"", "\\\"") + "'")
                    .collect(Collectors.joining(","));
            case SINGLEQUOTE -> values.stream().map(v -> "'" + v.replace("'", "\\'") + "'")
                    .collect(Collectors.joining(","));
            case RAW, CSV -> String.join(",", values);
            case PERCENTENCODE -> PercentEncoding.format(values, multi);
        };
    }
}
