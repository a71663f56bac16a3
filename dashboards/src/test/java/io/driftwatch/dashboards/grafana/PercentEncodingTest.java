package io.driftwatch.dashboards.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected texts: Grafana's own formatter test ({@code formatValue(PercentEncode, ['foo()bar BAZ', 'test2'])} is
 * {@code %7Bfoo%28%29bar%20BAZ%2Ctest2%7D}), the others from Grafana's {@code encodeURIComponentStrict} run in
 * Node.js ({@code encodeURIComponent(v).replace(/[!'()*]/g, c => '%' + hex(c).toUpperCase())}).
 */
class PercentEncodingTest {

    @Test
    void multiValueIsGrafanasGlobFormThenEncodedAsInGrafanasOwnTest() {
        assertThat(PercentEncoding.format(List.of("foo()bar BAZ", "test2"), true))
                .isEqualTo("%7Bfoo%28%29bar%20BAZ%2Ctest2%7D");
        assertThat(PercentEncoding.format(List.of("v1", "v2"), true)).isEqualTo("%7Bv1%2Cv2%7D");
        assertThat(PercentEncoding.format(List.of("v2"), true)).as("one selected value still braced").isEqualTo("%7Bv2%7D");
        assertThat(PercentEncoding.format(List.of("fraud"), false)).isEqualTo("fraud");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "x\\' OR 1=1 --                        | x%5C%27%20OR%201%3D1%20--",
        "x'; DROP TABLE driftwatch.alerts; -- | x%27%3B%20DROP%20TABLE%20driftwatch.alerts%3B%20--",
        "Zürich €𝄞                              | Z%C3%BCrich%20%E2%82%AC%F0%9D%84%9E",
        "{a,b}                                 | %7Ba%2Cb%7D",
        "AZaz09-_.~!*'()                       | AZaz09-_.~%21%2A%27%28%29",
        "country=DE                            | country%3DDE",
    })
    void singleValuesMatchEncodeUriComponentStrict(String value, String expected) {
        assertThat(PercentEncoding.encode(value)).isEqualTo(expected);
    }

    @Test
    void plusPercentNewlineAndEmpty() {
        assertThat(PercentEncoding.encode("a+b%20c\n")).isEqualTo("a%2Bb%2520c%0A");
        assertThat(PercentEncoding.encode("")).isEmpty();
    }

    @Test
    void outputOnlyHoldsUnreservedCharactersAndPercent() {
        StringBuilder everyAscii = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            everyAscii.append(c);
        }
        assertThat(PercentEncoding.encode(everyAscii + "ü€𝄞")).matches("[A-Za-z0-9\\-_.~%]*");
    }

    @Test
    void unpairedSurrogateIsRejectedAsJavaScriptDoes() {
        assertThatThrownBy(() -> PercentEncoding.encode("a\uD834")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> PercentEncoding.encode("\uDD1Eb")).isInstanceOf(IllegalArgumentException.class);
    }
}
