package io.driftwatch.flink.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.flink.source.FeatureKindCode;
import io.driftwatch.flink.source.Observation;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link WindowAccumulator#add} resolves a feature-name array shared by consecutive events (as decoded batches
 * share it) once; the accumulator must end up exactly as when every event has its own array: same states,
 * same overflow count past {@code maxFeatures}, also when the schema changes between events.
 */
class SharedFeatureNamesTest {

    private static final int MAX_FEATURES = 3;
    private static final int MAX_CATEGORIES = 50;
    private static final int EVENTS = 150;

    private static Observation event(String[] names, Random random) {
        Observation o = new Observation();
        o.modelId = "m";
        o.modelVersion = "v1";
        o.segment = "all";
        o.eventTimeMillis = 0;
        o.score = random.nextDouble();
        o.latencyMs = 1.0;
        o.predictedClass = "";
        o.featureNames = names;
        o.featureKinds = new byte[names.length];
        o.numbers = new double[names.length];
        o.texts = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            boolean text = names[i].startsWith("c");
            o.featureKinds[i] = random.nextInt(20) == 0 ? FeatureKindCode.NULL
                    : text ? FeatureKindCode.TEXT : FeatureKindCode.NUMBER;
            o.numbers[i] = random.nextGaussian();
            o.texts[i] = text ? "v" + random.nextInt(4) : "";
        }
        return o;
    }

    @Test
    void sharedAndSeparateNameArraysGiveTheSameAccumulatorAndOverflow() {
        String[] first = {"a", "c1", "b"};
        String[] second = {"a", "d", "c1", "e", "b"};
        WindowAccumulator shared = WindowAccumulator.unframed();
        WindowAccumulator separate = WindowAccumulator.unframed();
        Random sharedRandom = new Random(5);
        Random separateRandom = new Random(5);
        for (int e = 0; e < EVENTS; e++) {
            String[] names = e % 50 < 30 ? first : second;
            shared.add(event(names, sharedRandom), MAX_FEATURES, MAX_CATEGORIES);
            separate.add(event(names.clone(), separateRandom), MAX_FEATURES, MAX_CATEGORIES);
        }
        assertThat(shared.featureOverflow()).isEqualTo(separate.featureOverflow()).isPositive();
        assertThat(shared.features().keySet()).containsExactly("a", "b", "c1");
        assertThat(AccumulatorCodec.toBytes(shared)).isEqualTo(AccumulatorCodec.toBytes(separate));
    }
}
