package io.driftwatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Option validation, drift start semantics and the small random helpers. */
class TrafficOptionsTest {

    @Test
    void badOptionsAreRejectedWithTheirName() {
        TrafficOptions ok = TrafficOptions.defaults(1);
        assertThatThrownBy(() -> ok.withMalformedFraction(1.5)).hasMessageContaining("malformed fraction");
        assertThatThrownBy(() -> ok.withFraudShare(-0.1)).hasMessageContaining("fraud share");
        assertThatThrownBy(() -> LabelOptions.defaults().withFractions(Double.NaN, 0, 0)).hasMessageContaining("labelled");
        assertThatThrownBy(() -> new LabelDelayMixture(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new LabelDelayMixture.Component(1, Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new LabelDelayMixture(List.of(new LabelDelayMixture.Component(0, Duration.ofHours(1)))))
                .hasMessageContaining("all be 0");
        DriftOptions drift = DriftOptions.defaults(new DriftStart.AfterPredictions(1));
        assertThatThrownBy(() -> new DriftOptions(drift.start(), drift.segment(), 0, drift.merchantMix(),
                drift.latencyModel(), 0, 0)).hasMessageContaining("amount multiplier");
        assertThatThrownBy(() -> new DriftOptions(drift.start(), drift.segment(), 1, drift.merchantMix(),
                drift.latencyModel(), -5, 0)).hasMessageContaining("latency shift");
        Map<MerchantCategory, Double> negative = new EnumMap<>(MerchantCategory.class);
        negative.put(MerchantCategory.FUEL, -1.0);
        assertThatThrownBy(() -> new DriftOptions(drift.start(), drift.segment(), 1, negative, drift.latencyModel(), 0, 0))
                .hasMessageContaining("FUEL");
        assertThatThrownBy(() -> new DriftStart.AfterPredictions(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrafficOptions(1, Instant.EPOCH, Duration.ZERO, 0.5, drift, LabelOptions.defaults(), 0))
                .hasMessageContaining("inter-arrival");
    }

    @Test
    void driftStartsByCountOrBySimulatedTime() {
        assertThat(new DriftStart.AfterPredictions(10).isActive(9, Long.MAX_VALUE)).isFalse();
        assertThat(new DriftStart.AfterPredictions(10).isActive(10, 0)).isTrue();
        DriftStart atTime = new DriftStart.AtSimulatedTime(Instant.ofEpochMilli(1000));
        assertThat(atTime.isActive(Long.MAX_VALUE, 999)).isFalse();
        assertThat(atTime.isActive(0, 1000)).isTrue();
        assertThat(DriftStart.never().isActive(Long.MAX_VALUE - 1, Long.MAX_VALUE)).isFalse();
    }

    @Test
    void aTimeBasedDriftStartMarksExactlyTheLaterPredictions() {
        Instant start = TrafficOptions.DEFAULT_START.plus(Duration.ofHours(2));
        TrafficGenerator generator = new TrafficGenerator(TrafficOptions.defaults(3)
                .withDrift(DriftOptions.defaults(new DriftStart.AtSimulatedTime(start))));
        for (GeneratedEvent event : DemoLoop.run(generator, 5_000)) {
            if (event.kind() == EventKind.PREDICTION && event.malformation().isEmpty()) {
                assertThat(event.has(EventMark.AFTER_DRIFT_START)).isEqualTo(event.eventTimeMillis() >= start.toEpochMilli());
            }
        }
        // 5000 predictions 3 simulated seconds apart on average: about 4 h 10 min of simulated time.
        assertThat(generator.simulatedNowMillis() - TrafficOptions.DEFAULT_START.toEpochMilli())
                .isCloseTo(Duration.ofSeconds(15_000).toMillis(), within(Duration.ofMinutes(15).toMillis()));
    }

    @Test
    void weightedChoiceFollowsItsWeightsAndRejectsBadOnes() {
        Map<String, Double> weights = FraudSimulator.orderedWeights(new String[] {"a", "b", "c"}, new double[] {1, 0, 3});
        WeightedChoice<String> choice = WeightedChoice.of(weights);
        SplittableRandom random = new SplittableRandom(4);
        int a = 0;
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            String drawn = choice.draw(random);
            assertThat(drawn).isNotEqualTo("b");
            a += drawn.equals("a") ? 1 : 0;
        }
        assertThat((double) a / n).isCloseTo(0.25, within(0.01));
        assertThatThrownBy(() -> WeightedChoice.of(Map.of())).hasMessageContaining("empty");
        assertThatThrownBy(() -> WeightedChoice.of(Map.of("x", 0.0))).hasMessageContaining("all be 0");
        assertThatThrownBy(() -> WeightedChoice.of(Map.of("x", Double.POSITIVE_INFINITY))).hasMessageContaining("finite");
    }

    @Test
    void poissonDrawsHaveTheirMean() {
        SplittableRandom random = new SplittableRandom(5);
        for (double mean : new double[] {0.08, 2.5, 40}) {
            double sum = 0;
            int n = 40_000;
            for (int i = 0; i < n; i++) {
                sum += RandomDraws.poisson(random, mean);
            }
            // four standard errors of the mean (Poisson variance = mean)
            assertThat(sum / n).isCloseTo(mean, within(4 * Math.sqrt(mean / n)));
        }
    }
}
