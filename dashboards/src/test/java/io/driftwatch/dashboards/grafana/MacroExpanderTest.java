package io.driftwatch.dashboards.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected texts are the ClickHouse plugin's (pkg/macros/macros.go) and Grafana's formatters' outputs, worked
 * out by hand from their source for these inputs.
 */
class MacroExpanderTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00.250Z");
    private static final Instant TO = Instant.parse("2026-11-03T00:00:00Z");
    private static final QueryContext CONTEXT = new QueryContext(FROM, TO, Duration.ofMinutes(30));
    private static final long FROM_S = 1793491200L;
    private static final long TO_S = 1793664000L;

    private final MacroExpander expander = new MacroExpander(CONTEXT, Map.of(
            "model", VariableValue.single("fraud"),
            "version", VariableValue.multi(List.of("v1", "v2")),
            "segment", VariableValue.single(""),
            "hostile", VariableValue.single("x' OR 1=1 --")));

    @Test
    void epochSecondsOfTheFixtureRangeAreRight() {
        assertThat(FROM.getEpochSecond()).isEqualTo(FROM_S);
        assertThat(TO.getEpochSecond()).isEqualTo(TO_S);
    }

    @Test
    void timeFilterUsesEpochSecondsInclusive() {
        assertThat(expander.expand("WHERE $__timeFilter(window_start)")).isEqualTo(
                "WHERE window_start >= toDateTime(" + FROM_S + ") AND window_start <= toDateTime(" + TO_S + ")");
    }

    @Test
    void millisecondVariantsUseDateTime64() {
        assertThat(expander.expand("$__timeFilter_ms(t) $__fromTime_ms $__toTime_ms")).isEqualTo(
                "t >= fromUnixTimestamp64Milli(1793491200250) AND t <= fromUnixTimestamp64Milli(1793664000000)"
                        + " fromUnixTimestamp64Milli(1793491200250) fromUnixTimestamp64Milli(1793664000000)");
    }

    @Test
    void fromAndToTime() {
        assertThat(expander.expand("dateDiff('second', $__fromTime, $__toTime)"))
                .isEqualTo("dateDiff('second', toDateTime(" + FROM_S + "), toDateTime(" + TO_S + "))");
    }

    @Test
    void timeIntervalAndIntervalSeconds() {
        assertThat(expander.expand("$__timeInterval(window_start) AS time, x / $__interval_s"))
                .isEqualTo("toStartOfInterval(toDateTime(window_start), INTERVAL 1800 second) AS time, x / 1800");
        assertThat(expander.expand("$__timeInterval_ms(t)"))
                .isEqualTo("toStartOfInterval(toDateTime64(t, 3), INTERVAL 1800000 millisecond)");
    }

    @Test
    void subSecondIntervalIsAtLeastOneSecond() {
        MacroExpander fine = new MacroExpander(new QueryContext(FROM, TO, Duration.ofMillis(20)), Map.of());
        assertThat(fine.expand("$__interval_s")).isEqualTo("1");
    }

    @Test
    void dateFilters() {
        assertThat(expander.expand("$__dateFilter(d)"))
                .isEqualTo("d >= toDate('2026-11-01') AND d <= toDate('2026-11-03')");
        assertThat(expander.expand("$__dt(d, t)")).isEqualTo("(d >= toDate('2026-11-01') AND d <= toDate('2026-11-03'))"
                + " AND (t >= toDateTime(" + FROM_S + ") AND t <= toDateTime(" + TO_S + "))");
    }

    @Test
    void macroArgumentsMayNestParentheses() {
        assertThat(expander.expand("$__timeFilter(toDateTime(t, 'UTC'))")).startsWith(
                "toDateTime(t, 'UTC') >= toDateTime(" + FROM_S + ")");
    }

    @Test
    void wrongArgumentCountIsRejected() {
        assertThatThrownBy(() -> expander.expand("$__timeFilter(a, b)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expects 1 argument");
        assertThatThrownBy(() -> expander.expand("$__timeFilter"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
    }

    @Test
    void sqlstringQuotesSingleAndMultiValues() {
        assertThat(expander.expand("model_id = ${model:sqlstring} AND model_version IN (${version:sqlstring})"))
                .isEqualTo("model_id = 'fraud' AND model_version IN ('v1','v2')");
        assertThat(expander.expand("segment = ${segment:sqlstring}")).isEqualTo("segment = ''");
    }

    @Test
    void pluginDefaultFormatQuotesListsOnlyAndAllSyntaxesWork() {
        assertThat(expander.expand("$model [[model]] ${model} IN ($version) IN (${version})"))
                .isEqualTo("fraud fraud fraud IN ('v1','v2') IN ('v1','v2')");
    }

    @Test
    void singlequoteAndCsvFormats() {
        assertThat(expander.expand("${version:singlequote} ${version:csv} ${model:raw}"))
                .isEqualTo("'v1','v2' v1,v2 fraud");
    }

    @Test
    void percentencodeFormatsSingleAndMultiValuesAsGrafanaDoes() {
        assertThat(expander.expand("m = decodeURLComponent('${model:percentencode}') AND v = '${version:percentencode}'"
                + " AND h = '${hostile:percentencode}' AND s = '${segment:percentencode}'"))
                .isEqualTo("m = decodeURLComponent('fraud') AND v = '%7Bv1%2Cv2%7D' AND h = 'x%27%20OR%201%3D1%20--'"
                        + " AND s = ''");
    }

    @Test
    void unknownVariablesAndGrafanaBuiltinsStayAsWritten() {
        assertThat(expander.interpolateVariables("$unknown ${other} $__interval_s"))
                .isEqualTo("$unknown ${other} $__interval_s");
    }

    @Test
    void hostileValueIsEscapedByTheQuotingFormats() {
        assertThat(expander.expand("m = ${hostile:sqlstring}")).isEqualTo("m = 'x'' OR 1=1 --'");
        assertThat(expander.expand("m = ${hostile:singlequote}")).isEqualTo("m = 'x\\' OR 1=1 --'");
        assertThat(expander.expand("m = '$hostile'")).as("the plugin's default format pastes single values raw")
                .isEqualTo("m = 'x' OR 1=1 --'");
    }

    @Test
    void unsupportedFormatIsRejected() {
        assertThatThrownBy(() -> expander.expand("${model:lucene}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lucene");
    }

    @Test
    void badContextsAndValuesAreRejected() {
        assertThatThrownBy(() -> new QueryContext(TO, FROM, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueryContext(FROM, TO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VariableValue(List.of("a", "b"), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VariableValue.multi(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
