package io.driftwatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.driftwatch.schemas.events.EventParser;
import io.driftwatch.schemas.events.LabelValue;
import io.driftwatch.schemas.events.ModelOutput;
import io.driftwatch.schemas.events.PredictionEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Label delays, duplicates, labels before predictions and calibration decay after the drift start. */
class LabelArrivalTest {

    private static final int CALLS = 50_000;
    private static final double MEAN_TOLERANCE = 0.05;
    private static final double LABEL_FIRST_FRACTION = 0.01;
    private static final double DUPLICATE_FRACTION = 0.02;
    /** Allowed distance of an observed count from its expectation, in binomial standard deviations. */
    private static final double COUNT_SIGMAS = 4;

    private static TrafficOptions options(LabelDelayMixture delays) {
        return TrafficOptions.defaults(11).withMalformedFraction(0)
                .withDrift(DriftOptions.defaults(new DriftStart.AfterPredictions(CALLS / 2)))
                .withLabels(LabelOptions.defaults().withDelays(delays)
                        .withFractions(LabelOptions.DEFAULT_LABELLED_FRACTION, DUPLICATE_FRACTION, LABEL_FIRST_FRACTION));
    }

    private static double meanDelayMillis(List<GeneratedEvent> events) {
        Map<String, Long> predictionTimes = new HashMap<>();
        events.stream().filter(e -> e.kind() == EventKind.PREDICTION)
                .forEach(e -> predictionTimes.put(e.predictionId(), e.eventTimeMillis()));
        // Originals only: duplicates come later by design, label-first labels have delay 0 by design.
        return events.stream().filter(e -> e.kind() == EventKind.LABEL && e.malformation().isEmpty()
                        && !e.has(EventMark.DUPLICATE_LABEL) && !e.has(EventMark.LABEL_BEFORE_PREDICTION))
                .mapToLong(e -> e.eventTimeMillis() - predictionTimes.get(e.predictionId())).average().orElseThrow();
    }

    @Test
    void labelDelaysFollowTheDefaultMixture() {
        LabelDelayMixture delays = LabelDelayMixture.defaults();
        assertThat(delays.meanMillis()).isEqualTo(Duration.ofHours(16).toMillis());
        double mean = meanDelayMillis(DemoLoop.run(new TrafficGenerator(options(delays)), CALLS));
        assertThat(mean).isCloseTo(delays.meanMillis(), within(MEAN_TOLERANCE * delays.meanMillis()));
    }

    @Test
    void labelDelaysFollowAConfiguredMixture() {
        LabelDelayMixture delays = new LabelDelayMixture(List.of(
                new LabelDelayMixture.Component(1, Duration.ofMinutes(10)),
                new LabelDelayMixture.Component(3, Duration.ofDays(1))));
        assertThat(delays.meanMillis()).isEqualTo((Duration.ofMinutes(10).toMillis() + 3 * Duration.ofDays(1).toMillis()) / 4.0);
        double mean = meanDelayMillis(DemoLoop.run(new TrafficGenerator(options(delays)), CALLS));
        assertThat(mean).isCloseTo(delays.meanMillis(), within(MEAN_TOLERANCE * delays.meanMillis()));
    }

    @Test
    void markedLabelsAndOnlyThoseArriveBeforeTheirPredictionAndDuplicatesAreMarked() {
        List<GeneratedEvent> events = DemoLoop.run(new TrafficGenerator(options(LabelDelayMixture.defaults())), CALLS);
        Set<String> predictionsSent = new HashSet<>();
        Set<String> labelsSent = new HashSet<>();
        int labelFirst = 0;
        int duplicates = 0;
        int originals = 0;
        for (GeneratedEvent event : events) {
            if (event.kind() == EventKind.PREDICTION) {
                assertThat(predictionsSent.add(event.predictionId())).isTrue();
                assertThat(event.has(EventMark.PREDICTION_AFTER_LABEL)).isEqualTo(labelsSent.contains(event.predictionId()));
                continue;
            }
            boolean before = !predictionsSent.contains(event.predictionId());
            if (event.has(EventMark.DUPLICATE_LABEL)) {
                assertThat(labelsSent.contains(event.predictionId())).as("duplicate after original").isTrue();
                duplicates++;
            } else {
                assertThat(labelsSent.add(event.predictionId())).isTrue();
                assertThat(event.has(EventMark.LABEL_BEFORE_PREDICTION)).as("%s", event).isEqualTo(before);
                labelFirst += before ? 1 : 0;
                originals++;
            }
        }
        assertThat(predictionsSent.containsAll(labelsSent)).as("every label's prediction is sent").isTrue();
        assertCount(labelFirst, originals, LABEL_FIRST_FRACTION);
        assertCount(duplicates, originals, DUPLICATE_FRACTION);
        assertCount(originals, CALLS, LabelOptions.DEFAULT_LABELLED_FRACTION);
    }

    private static void assertCount(int observed, int trials, double probability) {
        double expected = trials * probability;
        double sd = Math.sqrt(trials * probability * (1 - probability));
        assertThat((double) observed).isCloseTo(expected, within(COUNT_SIGMAS * sd));
    }

    @Test
    void scoresAreCalibratedBeforeTheDriftStartAndUnderestimateFraudInTheDriftedSegmentAfterIt() {
        List<GeneratedEvent> events = DemoLoop.run(new TrafficGenerator(options(LabelDelayMixture.defaults())), CALLS);
        EventParser parser = new EventParser();
        Map<String, PredictionEvent> predictions = new HashMap<>();
        DemoLoop.parsedPredictions(events).forEach(p -> predictions.put(p.predictionId(), p));
        Map<String, GeneratedEvent> predictionEvents = new HashMap<>();
        events.stream().filter(e -> e.kind() == EventKind.PREDICTION).forEach(e -> predictionEvents.put(e.predictionId(), e));
        double[] preScore = new double[2];
        double[] postScore = new double[2];
        for (GeneratedEvent label : events) {
            if (label.kind() != EventKind.LABEL || label.has(EventMark.DUPLICATE_LABEL) || label.model() != DemoModel.FRAUD) {
                continue;
            }
            double outcome = ((LabelValue.Numeric) parser.parseLabel(label.payload()).event().label()).value();
            double score = ((ModelOutput.BinaryScore) predictions.get(label.predictionId()).output()).score();
            GeneratedEvent prediction = predictionEvents.get(label.predictionId());
            if (!prediction.has(EventMark.AFTER_DRIFT_START)) {
                preScore[0] += score;
                preScore[1] += outcome;
            } else if (prediction.has(EventMark.DRIFTED_SEGMENT)) {
                postScore[0] += score;
                postScore[1] += outcome;
            }
        }
        double preRatio = preScore[1] / preScore[0];
        double postRatio = postScore[1] / postScore[0];
        System.out.printf("observed/expected frauds: pre-drift %.3f (%.0f frauds), drifted segment %.3f%n",
                preRatio, preScore[1], postRatio);
        assertThat(preScore[1]).isGreaterThan(500);
        assertThat(preRatio).isCloseTo(1.0, within(0.15));
        assertThat(postRatio).isGreaterThan(1.8);
    }
}
