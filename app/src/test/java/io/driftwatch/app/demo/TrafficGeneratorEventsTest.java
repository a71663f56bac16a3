package io.driftwatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.schemas.events.EventParser;
import io.driftwatch.schemas.events.LabelEvent;
import io.driftwatch.schemas.events.LabelValue;
import io.driftwatch.schemas.events.ModelOutput;
import io.driftwatch.schemas.events.ParseResult;
import io.driftwatch.schemas.events.PredictionEvent;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every generated event follows the contract, except the deliberately broken ones, which fail as announced. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrafficGeneratorEventsTest {

    private static final int CALLS = 20_000;
    private static final double MALFORMED_FRACTION = 0.02;
    private final EventParser parser = new EventParser();

    private List<GeneratedEvent> traffic;
    private TrafficGenerator generator;

    @BeforeAll
    void generate() {
        TrafficOptions options = TrafficOptions.defaults(7).withMalformedFraction(MALFORMED_FRACTION)
                .withDrift(DriftOptions.defaults(new DriftStart.AfterPredictions(CALLS / 2)));
        generator = new TrafficGenerator(options);
        traffic = DemoLoop.run(generator, CALLS);
    }

    private List<GeneratedEvent> traffic() {
        return traffic;
    }

    @Test
    void everyValidEventParsesAndEveryMalformedOneFailsWithItsExpectedReason() {
        Map<Malformation, Integer> malformedSeen = new EnumMap<>(Malformation.class);
        int validPredictions = 0;
        int validLabels = 0;
        int malformedPredictions = 0;
        for (GeneratedEvent event : traffic()) {
            ParseResult<?> result = event.kind() == EventKind.PREDICTION
                    ? parser.parsePrediction(event.payload()) : parser.parseLabel(event.payload());
            if (event.malformation().isPresent()) {
                assertThat(event.has(EventMark.MALFORMED)).isTrue();
                assertThat(result.isOk()).as("%s", event).isFalse();
                assertThat(result.failure().reason()).as("%s", event)
                        .isEqualTo(event.malformation().get().expectedReason(event.kind()));
                malformedSeen.merge(event.malformation().get(), 1, Integer::sum);
                if (event.kind() == EventKind.PREDICTION) {
                    malformedPredictions++;
                }
            } else {
                assertThat(event.has(EventMark.MALFORMED)).isFalse();
                assertThat(result.isOk()).as("%s -> %s", event, result).isTrue();
                if (event.kind() == EventKind.PREDICTION) {
                    checkPrediction(event, (PredictionEvent) result.event());
                    validPredictions++;
                } else {
                    checkLabel(event, (LabelEvent) result.event());
                    validLabels++;
                }
            }
        }
        assertThat((long) validPredictions).as("every generated prediction is sent").isEqualTo(generator.predictionsGenerated());
        assertThat(validPredictions + malformedPredictions).isGreaterThanOrEqualTo(CALLS);
        assertThat((double) malformedPredictions).isBetween(CALLS * MALFORMED_FRACTION / 2, CALLS * MALFORMED_FRACTION * 2);
        assertThat(validLabels).isGreaterThan(validPredictions / 2);
        assertThat(malformedSeen.keySet()).containsExactlyInAnyOrder(Malformation.values());
    }

    private static void checkPrediction(GeneratedEvent event, PredictionEvent parsed) {
        assertThat(parsed.predictionId()).isEqualTo(event.predictionId());
        assertThat(parsed.modelId()).isEqualTo(event.model().modelId());
        assertThat(parsed.modelVersion()).isEqualTo(event.model().modelVersion());
        assertThat(parsed.eventTimeMillis()).isEqualTo(event.eventTimeMillis());
        assertThat(parsed.features().keySet()).containsExactlyElementsOf(TrafficGenerator.featureNames(event.model()));
        assertThat(parsed.segment()).containsOnlyKeys(TrafficGenerator.segmentKey(event.model()));
        assertThat(parsed.latencyMs()).isPositive();
        if (event.model() == DemoModel.FRAUD) {
            assertThat(parsed.output()).isInstanceOf(ModelOutput.BinaryScore.class);
            assertThat(parsed.features().get(FraudCountry.SEGMENT_KEY).toString())
                    .contains(parsed.segment().get(FraudCountry.SEGMENT_KEY));
        } else {
            assertThat(parsed.output()).isInstanceOf(ModelOutput.RegressionValue.class);
        }
    }

    private static void checkLabel(GeneratedEvent event, LabelEvent parsed) {
        assertThat(parsed.predictionId()).isEqualTo(event.predictionId());
        assertThat(parsed.modelId()).isEqualTo(event.model().modelId());
        assertThat(parsed.eventTimeMillis()).isEqualTo(event.eventTimeMillis());
        LabelValue.Numeric label = (LabelValue.Numeric) parsed.label();
        if (event.model() == DemoModel.FRAUD) {
            assertThat(label.isBinary()).isTrue();
        } else {
            assertThat(label.value()).isPositive();
        }
    }

    @Test
    void predictionIdsAreUniqueAndEveryMarkOccurs() {
        Set<String> ids = new HashSet<>();
        Set<EventMark> marks = new HashSet<>();
        for (GeneratedEvent event : traffic()) {
            marks.addAll(event.marks());
            if (event.kind() == EventKind.PREDICTION && event.malformation().isEmpty()) {
                assertThat(ids.add(event.predictionId())).as(event.predictionId()).isTrue();
            }
        }
        assertThat(marks).containsExactlyInAnyOrder(EventMark.values());
    }

    @Test
    void bothModelsAndAllSegmentsAppearInTheirShares() {
        List<PredictionEvent> predictions = DemoLoop.parsedPredictions(traffic());
        long fraud = predictions.stream().filter(p -> p.modelId().equals(DemoModel.FRAUD.modelId())).count();
        assertThat((double) fraud / predictions.size()).isBetween(0.78, 0.82);
        for (FraudCountry country : FraudCountry.values()) {
            long inCountry = predictions.stream().filter(p -> p.segment().equals(country.segment())).count();
            assertThat((double) inCountry / fraud).isBetween(country.trafficShare() - 0.02, country.trafficShare() + 0.02);
        }
        assertThat(predictions.stream().filter(p -> p.modelId().equals(DemoModel.CREDIT.modelId()))
                .map(PredictionEvent::segment).distinct().count()).isEqualTo(2);
    }
}
