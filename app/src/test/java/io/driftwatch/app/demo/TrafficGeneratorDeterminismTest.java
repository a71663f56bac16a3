package io.driftwatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrafficGeneratorDeterminismTest {

    private static final int CALLS = 5_000;

    private static List<GeneratedEvent> run(TrafficOptions options) {
        return DemoLoop.run(new TrafficGenerator(options), CALLS);
    }

    private static TrafficOptions options(long seed) {
        return TrafficOptions.defaults(seed).withMalformedFraction(0.01)
                .withDrift(DriftOptions.defaults(new DriftStart.AfterPredictions(CALLS / 2)));
    }

    @Test
    void sameSeedGivesByteIdenticalTraffic() {
        List<GeneratedEvent> first = run(options(42));
        List<GeneratedEvent> second = run(options(42));
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).payload()).as("event %d", i).isEqualTo(first.get(i).payload());
            assertThat(second.get(i)).isEqualTo(first.get(i));
        }
    }

    @Test
    void differentSeedsGiveDifferentTraffic() {
        String first = run(options(1)).stream().map(GeneratedEvent::payloadText).collect(Collectors.joining("\n"));
        String second = run(options(2)).stream().map(GeneratedEvent::payloadText).collect(Collectors.joining("\n"));
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void featuresAndTimesDoNotDependOnLabelOrMalformedOptions() {
        TrafficOptions plain = options(9).withMalformedFraction(0)
                .withLabels(LabelOptions.defaults().withFractions(1.0, 0.0, 0.0));
        TrafficOptions noisy = plain.withMalformedFraction(0.2)
                .withLabels(LabelOptions.defaults().withFractions(0.5, 0.3, 0.0));
        List<String> plainFeatures = featuresInIdOrder(plain);
        List<String> noisyFeatures = featuresInIdOrder(noisy);
        assertThat(noisyFeatures).hasSizeLessThan(plainFeatures.size());
        assertThat(noisyFeatures).isEqualTo(plainFeatures.subList(0, noisyFeatures.size()));
    }

    private static List<String> featuresInIdOrder(TrafficOptions options) {
        return DemoLoop.parsedPredictions(run(options)).stream()
                .map(p -> p.predictionId() + " " + p.eventTimeMillis() + " " + p.features() + " " + p.output())
                .toList();
    }
}
