package io.driftwatch.dashboards.grafana;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a panel's {@code rawSql} into the SQL the ClickHouse plugin ({@code grafana-clickhouse-datasource} v4)
 * sends to ClickHouse, in the plugin's two steps:
 * <ol>
 *   <li>the frontend's {@code applyTemplateVariables}: Grafana's template service replaces {@code $name},
 *       {@code ${name}}, {@code ${name:format}} and {@code [[name]]} (unknown names stay as written), with the
 *       plugin's {@code format} callback as the default format ({@link VariableFormat});</li>
 *   <li>the backend's macros ({@code pkg/macros/macros.go}, applied by grafana/sqlds): {@code $__timeFilter(c)} →
 *       {@code c >= toDateTime(from) AND c <= toDateTime(to)} (epoch seconds), {@code $__timeFilter_ms(c)} with
 *       {@code fromUnixTimestamp64Milli(ms)}, {@code $__fromTime}/{@code $__toTime} (and {@code _ms}),
 *       {@code $__dateFilter(c)}, {@code $__dateTimeFilter(d, t)} (alias {@code $__dt}),
 *       {@code $__timeInterval(c)} → {@code toStartOfInterval(toDateTime(c), INTERVAL n second)},
 *       {@code $__timeInterval_ms(c)} and {@code $__interval_s}; the interval is at least one second (one
 *       millisecond for {@code _ms}), as in the plugin.</li>
 * </ol>
 * Instances are immutable.
 */
public final class MacroExpander {

    /** Grafana's template variable syntax (the {@code variableRegex} of Grafana's template service). */
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?]]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final long MIN_INTERVAL_SECONDS = 1;
    private static final long MIN_INTERVAL_MILLIS = 1;

    private final QueryContext context;
    private final Map<String, VariableValue> variables;
    private final List<Macro> macros;

    public MacroExpander(QueryContext context, Map<String, VariableValue> variables) {
        this.context = Objects.requireNonNull(context, "context");
        this.variables = Map.copyOf(variables);
        this.macros = macros();
    }

    /** Template variables, then macros, as the plugin does. */
    public String expand(String rawSql) {
        return expandMacros(interpolateVariables(rawSql));
    }

    /** Step 1: Grafana's template variable replacement. */
    public String interpolateVariables(String rawSql) {
        Matcher m = VARIABLE.matcher(rawSql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = firstNonNull(m.group(1), m.group(2), m.group(4));
            String format = firstNonNull(m.group(3), m.group(6));
            VariableValue value = variables.get(name);
            String replacement;
            if (value == null) {
                replacement = m.group();
            } else if (m.group(5) != null) {
                throw new IllegalArgumentException("field paths (${" + name + "." + m.group(5) + "}) are not supported");
            } else {
                VariableFormat f = format == null ? VariableFormat.PLUGIN_DEFAULT : VariableFormat.of(format);
                replacement = f.format(value.values(), value.multi());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Step 2: the plugin's backend macros. */
    public String expandMacros(String sql) {
        String result = sql;
        for (Macro macro : macros) {
            result = macro.expandAll(result);
        }
        return result;
    }

    private List<Macro> macros() {
        Instant from = context.from();
        Instant to = context.to();
        long seconds = Math.max(context.interval().toSeconds(), MIN_INTERVAL_SECONDS);
        long millis = Math.max(context.interval().toMillis(), MIN_INTERVAL_MILLIS);
        // Longer names first so a prefix never shadows a longer macro (the \b check also guards this).
        return List.of(
                new Macro("timeInterval_ms", 1, a -> "toStartOfInterval(toDateTime64(" + a.get(0) + ", 3), INTERVAL "
                        + millis + " millisecond)"),
                new Macro("timeInterval", 1, a -> "toStartOfInterval(toDateTime(" + a.get(0) + "), INTERVAL " + seconds
                        + " second)"),
                new Macro("timeFilter_ms", 1, a -> range(a.get(0), dateTime64(from), dateTime64(to))),
                new Macro("timeFilter", 1, a -> range(a.get(0), dateTime(from), dateTime(to))),
                new Macro("dateTimeFilter", 2, a -> "(" + range(a.get(0), date(from), date(to)) + ") AND ("
                        + range(a.get(1), dateTime(from), dateTime(to)) + ")"),
                new Macro("dateFilter", 1, a -> range(a.get(0), date(from), date(to))),
                new Macro("fromTime_ms", 0, a -> dateTime64(from)),
                new Macro("toTime_ms", 0, a -> dateTime64(to)),
                new Macro("fromTime", 0, a -> dateTime(from)),
                new Macro("toTime", 0, a -> dateTime(to)),
                new Macro("interval_s", 0, a -> Long.toString(seconds)),
                new Macro("dt", 2, a -> "(" + range(a.get(0), date(from), date(to)) + ") AND ("
                        + range(a.get(1), dateTime(from), dateTime(to)) + ")"));
    }

    private static String range(String column, String from, String to) {
        return column + " >= " + from + " AND " + column + " <= " + to;
    }

    private static String dateTime(Instant t) {
        return "toDateTime(" + t.getEpochSecond() + ")";
    }

    private static String dateTime64(Instant t) {
        return "fromUnixTimestamp64Milli(" + t.toEpochMilli() + ")";
    }

    private static String date(Instant t) {
        return "toDate('" + DATE.format(t) + "')";
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** One macro: {@code $__name} or {@code $__name(arg, ...)} with a fixed number of arguments (0 = none). */
    private record Macro(String name, int arity, java.util.function.Function<List<String>, String> body) {

        String expandAll(String sql) {
            Pattern p = Pattern.compile("\\$__" + Pattern.quote(name) + "\\b");
            StringBuilder out = new StringBuilder();
            int position = 0;
            Matcher m = p.matcher(sql);
            while (m.find(position)) {
                out.append(sql, position, m.start());
                int end = m.end();
                List<String> args = List.of();
                if (end < sql.length() && sql.charAt(end) == '(') {
                    int close = closingParenthesis(sql, end);
                    args = splitArguments(sql.substring(end + 1, close));
                    end = close + 1;
                }
                if (args.size() != arity) {
                    throw new IllegalArgumentException("$__" + name + " expects " + arity + " argument(s), got "
                            + args.size() + " in: " + sql);
                }
                out.append(body.apply(args));
                position = end;
            }
            out.append(sql.substring(position));
            return out.toString();
        }

        private static int closingParenthesis(String sql, int open) {
            int depth = 0;
            for (int i = open; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unbalanced parentheses after a macro in: " + sql);
        }

        private static List<String> splitArguments(String inside) {
            if (inside.isBlank()) {
                return List.of();
            }
            List<String> args = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < inside.length(); i++) {
                char c = inside.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    args.add(inside.substring(start, i).trim());
                    start = i + 1;
                }
            }
            args.add(inside.substring(start).trim());
            return args;
        }
    }
}
