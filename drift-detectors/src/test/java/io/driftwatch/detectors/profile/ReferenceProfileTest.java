package io.driftwatch.detectors.profile;

import static io.driftwatch.detectors.profile.ReferenceValues.doubles;
import static io.driftwatch.detectors.profile.ReferenceValues.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.detectors.state.SketchDefaults;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceProfileTest {

    static List<JsonNode> cases() {
        return ReferenceValues.cases("binning");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void numericProfileMatchesNumpy(JsonNode c) {
        double[] reference = doubles(c.get("reference"));
        NumericProfile profile = NumericProfile.fromReference(reference, Binning.deciles());
        String name = c.get("name").asText();

        assertThat(profile.count()).isEqualTo(c.get("count").asLong());
        assertThat(profile.min()).isEqualTo(c.get("min").asDouble());
        assertThat(profile.max()).isEqualTo(c.get("max").asDouble());
        ReferenceValues.assertStatistic(profile.mean(), c.get("mean").asDouble(), name + " mean");
        ReferenceValues.assertStatistic(profile.std(), c.get("std").asDouble(), name + " std");
        assertThat(profile.binCounts()).containsExactly(longs(c.get("strategies").get("deciles").get("counts")));

        KllDoublesSketch sketch = profile.kllSketch();
        assertThat(sketch.getK()).isEqualTo(SketchDefaults.KLL_K);
        assertThat(sketch.getN()).isEqualTo(reference.length);
        assertThat(sketch.getMinItem()).isEqualTo(profile.min());
        assertThat(sketch.getMaxItem()).isEqualTo(profile.max());
        // The sketch's median has a rank near 1/2. KLL compaction is randomised and its stated bound holds with
        // 99% confidence, so allow three times that bound: a miss would mean a broken sketch, not bad luck.
        double median = sketch.getQuantile(0.5, QuantileSearchCriteria.INCLUSIVE);
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        double rank = (double) countAtMost(sorted, median) / sorted.length;
        double tieWidth = (double) (countAtMost(sorted, median) - countBelow(sorted, median)) / sorted.length;
        assertThat(Math.abs(rank - 0.5)).isLessThanOrEqualTo(3 * sketch.getNormalizedRankError(false) + tieWidth);
    }

    private static long countAtMost(double[] sorted, double v) {
        return Arrays.stream(sorted).filter(x -> x <= v).count();
    }

    private static long countBelow(double[] sorted, double v) {
        return Arrays.stream(sorted).filter(x -> x < v).count();
    }

    private static ReferenceProfile numeric() {
        double[] values = new java.util.Random(11).doubles(5000).map(x -> x * x * 10).toArray();
        return new ReferenceProfile("tenure_days", NumericProfile.fromReference(values, Binning.deciles()));
    }

    private static ReferenceProfile categorical() {
        return new ReferenceProfile("country", CategoricalProfile.of(Map.of("DE", 40L, "FR", 25L, "ÅLAND", 1L)));
    }

    @Test
    void numericProfileRoundTripsThroughBytesAndJson() {
        ReferenceProfile profile = numeric();
        assertThat(ProfileCodec.fromBytes(ProfileCodec.toBytes(profile))).isEqualTo(profile);
        ReferenceProfile fromJson = ProfileCodec.fromJson(ProfileCodec.toJson(profile));
        assertThat(fromJson).isEqualTo(profile);
        assertThat(fromJson.numeric().edges().edge(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(fromJson.numeric().kllSketch().getN()).isEqualTo(5000);
        assertThat(ProfileCodec.toBytes(profile)[0]).isEqualTo(ProfileCodec.FORMAT_VERSION);
    }

    @Test
    void categoricalProfileRoundTripsThroughBytesAndJson() {
        ReferenceProfile profile = categorical();
        assertThat(ProfileCodec.fromBytes(ProfileCodec.toBytes(profile))).isEqualTo(profile);
        assertThat(ProfileCodec.fromJson(ProfileCodec.toJson(profile))).isEqualTo(profile);
        assertThat(profile.kind()).isEqualTo(FeatureKind.CATEGORICAL);
        assertThat(profile.categorical().count()).isEqualTo(66);
        assertThatThrownBy(profile::numeric).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CATEGORICAL");
    }

    @Test
    void wrongVersionIsAClearError() throws Exception {
        byte[] bytes = ProfileCodec.toBytes(numeric());
        bytes[0] = 9;
        assertThatThrownBy(() -> ProfileCodec.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 9").hasMessageContaining("reads version 1");

        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = (ObjectNode) mapper.readTree(ProfileCodec.toJson(categorical()));
        json.put("version", 2);
        assertThatThrownBy(() -> ProfileCodec.fromJson(mapper.writeValueAsString(json)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
    }

    @Test
    void corruptEncodingsAreRejected() {
        byte[] bytes = ProfileCodec.toBytes(numeric());
        assertThatThrownBy(() -> ProfileCodec.fromBytes(Arrays.copyOf(bytes, bytes.length / 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> ProfileCodec.fromBytes(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProfileCodec.fromJson("{\"version\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("featureName");
        assertThatThrownBy(() -> ProfileCodec.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allEqualReferenceProfiles() {
        NumericProfile profile = NumericProfile.fromReference(new double[] {7, 7, 7}, Binning.deciles());
        assertThat(profile.edges().binCount()).isEqualTo(2);
        assertThat(profile.binCounts()).containsExactly(0, 3);
        assertThat(profile.std()).isZero();
    }

    @Test
    void badReferencesAreRejected() {
        assertThatThrownBy(() -> NumericProfile.fromReference(new double[] {1, Double.NaN}, Binning.deciles()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> NumericProfile.fromReference(new double[0], Binning.deciles()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> CategoricalProfile.of(Map.of("a", 0L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> CategoricalProfile.of(Map.of("a", -1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid count");
        assertThatThrownBy(() -> new ReferenceProfile(" ", categorical().distribution()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void categoricalProfileCountsValuesAndDropsZeros() {
        CategoricalProfile profile = CategoricalProfile.fromValues(List.of("b", "a", "b"));
        assertThat(profile.counts()).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L));
        assertThat(CategoricalProfile.of(Map.of("a", 3L, "z", 0L)).counts()).containsOnlyKeys("a");
    }
}
