package io.driftwatch.flink.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.flink.config.RawPredictionsConfig;
import io.driftwatch.flink.source.FeatureKindCode;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.schemas.tables.PredictionRawRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.StreamFilter;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RawPredictionRowsTest {

    private static final int IDS = 200;
    private static final Instant NOW = Instant.parse("2026-11-24T23:00:00Z");

    private static Observation observation() {
        Observation o = new Observation();
        o.predictionId = "p-1";
        o.modelId = "fraud";
        o.modelVersion = "v2";
        o.segment = "country=D,E=";
        o.segmentEntries = new String[] {"country", "D,E="};
        o.eventTimeMillis = Instant.parse("2026-11-24T22:00:00.123Z").toEpochMilli();
        o.score = 0.25;
        o.latencyMs = Double.NaN;
        o.predictedClass = "";
        o.featureNames = new String[] {"amount", "channel", "vip", "missing"};
        o.featureKinds = new byte[] {FeatureKindCode.NUMBER, FeatureKindCode.TEXT, FeatureKindCode.BOOLEAN,
                FeatureKindCode.NULL};
        o.numbers = new double[] {3, 0, 0, 0};
        o.texts = new String[] {"", "web", "true", ""};
        return o;
    }

    @Test
    void everyColumnComesFromTheObservation() {
        PredictionRawRow row = RawPredictionRows.of(observation(), 0.5, NOW);
        assertThat(row.modelId()).isEqualTo("fraud");
        assertThat(row.modelVersion()).isEqualTo("v2");
        assertThat(row.predictionId()).isEqualTo("p-1");
        assertThat(row.eventTime()).isEqualTo(Instant.parse("2026-11-24T22:00:00.123Z"));
        assertThat(row.ingestedAt()).isEqualTo(NOW);
        assertThat(row.segments()).as("values keep their , and =").isEqualTo(Map.of("country", "D,E="));
        assertThat(row.features()).as("null features are left out")
                .isEqualTo(Map.of("amount", "3.0", "channel", "web", "vip", "true"));
        assertThat(row.score()).isEqualTo(0.25);
        assertThat(row.latencyMs()).isNaN();
        assertThat(row.sampleRate()).isEqualTo(0.5f);
    }

    @Test
    void allTrafficHasNoSegmentsAndAZeroRateIsRejected() {
        Observation o = observation();
        o.segment = "";
        o.segmentEntries = new String[0];
        assertThat(RawPredictionRows.of(o, 1.0, NOW).segments()).isEmpty();
        assertThatThrownBy(() -> RawPredictionRows.of(o, 0.0, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sample rate");
    }

    @Test
    void samplerKeepsExactlyWhatRawSamplingKeepsAtEachModelsRate() throws Exception {
        RawPredictionsConfig rates = new RawPredictionsConfig(0.0, Map.of("fraud", 0.5));
        var harness = new OneInputStreamOperatorTestHarness<Observation, Observation>(
                new StreamFilter<>(new RawPredictionSampler(rates)));
        harness.open();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < IDS; i++) {
            for (String model : List.of("fraud", "credit")) {
                Observation o = observation();
                o.predictionId = "p-" + i;
                o.modelId = model;
                harness.processElement(o, i);
                if (model.equals("fraud") && RawSampling.fraction(o.predictionId) < 0.5) {
                    expected.add(model + "/" + o.predictionId);
                }
            }
        }
        Observation withoutId = observation();
        withoutId.predictionId = null;
        harness.processElement(withoutId, 0);
        assertThat(harness.extractOutputValues().stream().map(o -> o.modelId + "/" + o.predictionId).toList())
                .isEqualTo(expected).isNotEmpty().hasSizeLessThan(IDS);
        harness.close();
    }
}
