package io.driftwatch.detectors.profile;

import static io.driftwatch.detectors.profile.ReferenceValues.doubles;
import static io.driftwatch.detectors.profile.ReferenceValues.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bin edges and counts against {@code np.quantile} / {@code np.histogram_bin_edges} / {@code np.histogram}. */
class BinningTest {

    private static final Map<String, Binning> STRATEGIES = Map.of(
            "deciles", Binning.deciles(),
            "quantiles_4", new Binning.Quantiles(4),
            "equal_width_7", new Binning.EqualWidth(7),
            "sturges", new Binning.Sturges(),
            "doane", new Binning.Doane());

    static Stream<Arguments> cases() {
        JsonNode root = ReferenceValues.load("binning");
        double[] probes = doubles(root.get("probes"));
        List<JsonNode> cases = ReferenceValues.cases("binning");
        return cases.stream().flatMap(c -> STRATEGIES.keySet().stream().sorted()
                .map(s -> Arguments.of(c.get("name").asText() + "/" + s, c, s, probes)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void edgesCountsAndLookupsMatchNumpy(String label, JsonNode c, String strategy, double[] probes) {
        JsonNode expected = c.get("strategies").get(strategy);
        double[] reference = doubles(c.get("reference"));
        BinEdges edges = STRATEGIES.get(strategy).edgesFor(reference);

        ReferenceValues.assertStatistics(edges.edges(), doubles(expected.get("edges")), label + " edges");
        assertThat(edges.histogram(reference)).as(label + " counts").containsExactly(longs(expected.get("counts")));
        long[] probeBins = longs(expected.get("probeBins"));
        double[] interior = edges.interiorEdges();
        for (int i = 0; i < probes.length; i++) {
            assertThat((long) edges.binIndex(probes[i])).as(label + " bin of " + probes[i]).isEqualTo(probeBins[i]);
            double probe = probes[i];
            assertThat(java.util.Arrays.stream(interior).filter(e -> e <= probe).count()).isEqualTo(probeBins[i]);
        }
    }

    @Test
    void allEqualReferenceCollapsesDecilesToTwoOpenBins() {
        BinEdges edges = Binning.deciles().edgesFor(new double[] {2.5, 2.5, 2.5, 2.5});
        assertThat(edges.edges()).containsExactly(Double.NEGATIVE_INFINITY, 2.5, Double.POSITIVE_INFINITY);
        assertThat(edges.binIndex(2.4)).isZero();
        assertThat(edges.binIndex(2.5)).isEqualTo(1);
    }

    @Test
    void allEqualReferenceGivesOneWidenedBinForWidthRules() {
        double[] reference = {4.0, 4.0, 4.0};
        assertThat(new Binning.Sturges().edgesFor(reference).edges()).containsExactly(3.5, 4.5);
        assertThat(new Binning.Doane().edgesFor(reference).edges()).containsExactly(3.5, 4.5);
    }

    @Test
    void valuesOutsideTheOuterEdgesFallInTheOuterBins() {
        BinEdges edges = BinEdges.of(0, 1, 2);
        assertThat(edges.binIndex(-100)).isZero();
        assertThat(edges.binIndex(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(edges.binIndex(1)).isEqualTo(1);
        assertThat(edges.binIndex(2)).isEqualTo(1);
        assertThat(edges.binIndex(Double.POSITIVE_INFINITY)).isEqualTo(1);
    }

    @Test
    void explicitEdgesCollapseDuplicatesAndRejectDisorder() {
        BinEdges edges = new Binning.Explicit(new double[] {0, 1, 1, 5}).edgesFor(new double[] {3});
        assertThat(edges.edges()).containsExactly(0, 1, 5);
        assertThatThrownBy(() -> new Binning.Explicit(new double[] {0, 2, 1}).edgesFor(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sorted");
        assertThatThrownBy(() -> BinEdges.of(0, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> BinEdges.of(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> BinEdges.of(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nanIsRejected() {
        BinEdges edges = BinEdges.of(0, 1);
        assertThatThrownBy(() -> edges.binIndex(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> Binning.deciles().edgesFor(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
        assertThatThrownBy(() -> new Binning.Sturges().edgesFor(new double[] {1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
    }

    @Test
    void emptyReferenceAndBadParametersAreRejected() {
        assertThatThrownBy(() -> Binning.deciles().edgesFor(new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> new Binning.Quantiles(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Binning.EqualWidth(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
