package io.driftwatch.app.demo;

import io.driftwatch.schemas.events.EventParser;
import io.driftwatch.schemas.events.ParseResult;
import io.driftwatch.schemas.events.PredictionEvent;
import java.util.ArrayList;
import java.util.List;

/** Runs the demo's send loop against a generator and records the events in emission order. */
final class DemoLoop {

    private DemoLoop() {}

    /**
     * {@code calls} calls of {@code nextPrediction()}, each followed by the labels due then; then the held-back
     * predictions and all remaining labels.
     */
    static List<GeneratedEvent> run(TrafficGenerator generator, int calls) {
        List<GeneratedEvent> emitted = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            emitted.add(generator.nextPrediction());
            emitted.addAll(generator.dueLabels(generator.simulatedNowMillis()));
        }
        emitted.addAll(generator.drainHeldPredictions());
        emitted.addAll(generator.dueLabels(Long.MAX_VALUE));
        return emitted;
    }

    /** Valid (not malformed) predictions, parsed; fails the test when one does not parse. */
    static List<PredictionEvent> parsedPredictions(List<GeneratedEvent> events) {
        EventParser parser = new EventParser();
        List<PredictionEvent> parsed = new ArrayList<>();
        for (GeneratedEvent event : events) {
            if (event.kind() == EventKind.PREDICTION && event.malformation().isEmpty()) {
                ParseResult<PredictionEvent> result = parser.parsePrediction(event.payload());
                if (!result.isOk()) {
                    throw new AssertionError("does not parse: " + result + " in " + event);
                }
                parsed.add(result.event());
            }
        }
        return parsed;
    }
}
