package io.driftwatch.flink.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.config.BaselineConfig;
import io.driftwatch.flink.config.BaselineSpec;
import io.driftwatch.flink.config.BinningStrategy;
import io.driftwatch.flink.config.DriftConfig;
import io.driftwatch.flink.config.TestSelection;
import io.driftwatch.flink.drift.BaselineLoader;
import io.driftwatch.flink.drift.BaselineUpdate;
import io.driftwatch.flink.drift.DriftEvaluator;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.shuffle.ObservationBatch;
import io.driftwatch.flink.shuffle.PreShuffleBundler;
import io.driftwatch.flink.source.Observation;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/**
 * The window operator gives the same rows, side outputs and late events whether observations arrive alone or
 * bundled by {@link PreShuffleBundler} (flushing on size, watermarks and checkpoints): out-of-order events,
 * events within the allowed lateness, events just in time for a window firing at the next watermark, late
 * events of fired windows, a stored and a rolling baseline. Windows
 * (and rolling references, one window long) hold at most KLL's k values per sketch, so every statistic is
 * deterministic and compared exactly (KLL compaction draws from datasketches' unseeded global random, so
 * bigger sketches differ between any two runs, bundled or not).
 */
class BundlingEquivalenceTest {

    private static final long SIZE = 60_000;
    private static final long LATENESS = 10_000;
    private static final long OUT_OF_ORDER = 5_000;
    private static final int WINDOWS = 4;
    /** About 150 events per key and window: below KLL's k = 200. */
    private static final int EVENTS = 2_400;
    private static final int WATERMARK_EVERY = 40;
    private static final int LATE_EVERY = 97;
    private static final int WITHIN_LATENESS_EVERY = 61;
    private static final int CHECKPOINT_EVERY = 450;
    private static final int BUNDLE = 50;
    private static final int BINS = 10;
    private static final String[] MODELS = {"stored", "rolling"};
    private static final String[] SEGMENTS = {"country=DE", "country=FR"};
    private static final String[] COUNTRIES = {"DE", "FR", "US"};

    /** One input step: an observation, a watermark or a checkpoint barrier (bundler side only). */
    private sealed interface Step permits Event, Mark, Checkpoint {}

    private record Event(Observation observation) implements Step {}

    private record Mark(long watermark) implements Step {}

    private record Checkpoint(long id) implements Step {}

    @Test
    void bundledAndSingleObservationsGiveIdenticalOutputs() throws Exception {
        List<Step> steps = steps(new Random(2026));
        var alone = aggregator();
        for (Step step : steps) {
            if (step instanceof Event e) {
                alone.processElement1(new StreamRecord<>(ObservationBatch.of(e.observation())));
            } else if (step instanceof Mark m) {
                alone.processBothWatermarks(new Watermark(m.watermark()));
            }
        }
        var bundled = aggregator();
        var bundler = new OneInputStreamOperatorTestHarness<Observation, ObservationBatch>(new PreShuffleBundler(BUNDLE));
        bundler.open();
        int batches = 0;
        for (Step step : steps) {
            if (step instanceof Event e) {
                bundler.processElement(new StreamRecord<>(e.observation()));
            } else if (step instanceof Mark m) {
                bundler.processWatermark(new Watermark(m.watermark()));
            } else if (step instanceof Checkpoint c) {
                bundler.prepareSnapshotPreBarrier(c.id());
            }
            batches += forward(bundler, bundled);
        }
        // late counts are re-emitted by a processing-time timer, while the fired windows are still remembered
        alone.setProcessingTime(WindowAggregator.LATE_FLUSH_MILLIS);
        bundled.setProcessingTime(WindowAggregator.LATE_FLUSH_MILLIS);
        alone.processBothWatermarks(new Watermark(Long.MAX_VALUE));
        bundler.processWatermark(new Watermark(Long.MAX_VALUE));
        forward(bundler, bundled);

        assertThat(batches).as("observations were bundled").isLessThan(EVENTS / 2);
        List<String> driftAlone = normalized(alone.extractOutputValues());
        assertThat(driftAlone).as("drift rows were emitted").hasSizeGreaterThan(SEGMENTS.length * MODELS.length * 4);
        assertThat(normalized(bundled.extractOutputValues())).isEqualTo(driftAlone);
        for (OutputTag<?> tag : List.of(WindowAggregator.VOLUME, WindowAggregator.LATENCY, WindowAggregator.QUALITY)) {
            assertThat(normalized(side(bundled, tag))).as(tag.getId()).isEqualTo(normalized(side(alone, tag)));
        }
        List<String> lateAlone = late(alone);
        assertThat(lateAlone).as("late events occurred").isNotEmpty();
        assertThat(late(bundled)).isEqualTo(lateAlone);
        assertThat(normalized(side(alone, WindowAggregator.VOLUME))).anyMatch(row -> !row.contains("lateEvents=0, "));
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, ObservationBatch, BaselineUpdate, FeatureDriftRow>
            aggregator() throws Exception {
        WindowSettings settings = new WindowSettings(SIZE, LATENESS, 10, 50, BINS, BinningStrategy.QUANTILE,
                new BaselineConfig(new BaselineSpec.Rolling(1), Map.of()));
        DriftConfig drift = new DriftConfig(TestSelection.AUTO, Map.of(), Map.of(), BINS, BinningStrategy.QUANTILE);
        WindowAggregator fn = new WindowAggregator(settings, new WindowEmitter(new DriftEvaluator(drift)),
                BaselineLoader.NONE);
        var harness = new KeyedTwoInputStreamOperatorTestHarness<String, ObservationBatch, BaselineUpdate,
                FeatureDriftRow>(new CoBroadcastWithKeyedOperator<>(fn, List.of(WindowAggregator.BASELINES)),
                ObservationBatch::windowKey, null, Types.STRING);
        harness.open();
        harness.processElement2(new StreamRecord<>(storedBaseline(new Random(1))));
        return harness;
    }

    private static BaselineUpdate storedBaseline(Random random) {
        double[] amounts = new double[150];
        for (int i = 0; i < amounts.length; i++) {
            amounts[i] = random.nextGaussian();
        }
        Map<String, ReferenceProfile> profiles = new LinkedHashMap<>();
        profiles.put("amount", new ReferenceProfile("amount",
                NumericProfile.fromReference(amounts, new Binning.Quantiles(BINS))));
        profiles.put("country", new ReferenceProfile("country",
                CategoricalProfile.of(Map.of("DE", 50L, "FR", 50L, "US", 50L))));
        return BaselineUpdate.of(MODELS[0], "v1", "stored-1", profiles);
    }

    /** Seeded input: events up to {@value #OUT_OF_ORDER} ms out of order, some within lateness, some late. */
    private static List<Step> steps(Random random) {
        List<Step> steps = new ArrayList<>();
        long spacing = WINDOWS * SIZE / EVENTS;
        long maxSeen = Long.MIN_VALUE;
        long watermark = Long.MIN_VALUE;
        for (int i = 0; i < EVENTS; i++) {
            long time = i * spacing + (long) (random.nextDouble() * OUT_OF_ORDER);
            if (i % LATE_EVERY == LATE_EVERY - 1 && watermark > SIZE + LATENESS) {
                // the end of the last fired window, whose volume row is still remembered (late counts re-emitted)
                time = Math.floorDiv(watermark - LATENESS + 1 - SIZE, SIZE) * SIZE + SIZE - 1;
            } else if (i % WITHIN_LATENESS_EVERY == WITHIN_LATENESS_EVERY - 1 && watermark > 0) {
                time = watermark - LATENESS / 2;
            }
            maxSeen = Math.max(maxSeen, time);
            String country = random.nextInt(10) == 0 ? null : COUNTRIES[random.nextInt(COUNTRIES.length)];
            Observation o = Observations.of(MODELS[random.nextInt(MODELS.length)],
                    SEGMENTS[random.nextInt(SEGMENTS.length)], time, random.nextDouble(), 1 + 50 * random.nextDouble(),
                    random.nextGaussian() + (time >= 2 * SIZE ? 1.0 : 0.0), country);
            steps.add(new Event(o));
            if (i % WATERMARK_EVERY == WATERMARK_EVERY - 1) {
                long next = maxSeen - OUT_OF_ORDER - 1;
                long firing = Math.floorDiv(next - LATENESS + 1 - SIZE, SIZE) * SIZE;
                if (firing + SIZE - 1 + LATENESS > watermark) {
                    // just in time: its window fires at the very next watermark, so it must arrive before it
                    steps.add(new Event(Observations.of(o.modelId, o.segment, firing + SIZE - 1, 0.5, 1.0, 0.0, "DE")));
                }
                watermark = next;
                steps.add(new Mark(watermark));
            }
            if (i % CHECKPOINT_EVERY == CHECKPOINT_EVERY - 1) {
                steps.add(new Checkpoint(i));
            }
        }
        return steps;
    }

    /** Feeds the bundler's output (batches and watermarks, in order) to the window operator; returns the batches. */
    private static int forward(OneInputStreamOperatorTestHarness<Observation, ObservationBatch> bundler,
            KeyedTwoInputStreamOperatorTestHarness<String, ObservationBatch, BaselineUpdate, FeatureDriftRow> windows)
            throws Exception {
        int batches = 0;
        for (Object out : bundler.getOutput()) {
            if (out instanceof Watermark w) {
                windows.processBothWatermarks(w);
            } else {
                @SuppressWarnings("unchecked")
                StreamRecord<ObservationBatch> batch = (StreamRecord<ObservationBatch>) out;
                windows.processElement1(batch);
                batches++;
            }
        }
        bundler.getOutput().clear();
        return batches;
    }

    private static List<Object> side(
            KeyedTwoInputStreamOperatorTestHarness<String, ObservationBatch, BaselineUpdate, FeatureDriftRow> h,
            OutputTag<?> tag) {
        List<Object> values = new ArrayList<>();
        var records = h.getSideOutput(tag);
        if (records != null) {
            records.forEach(r -> values.add(r.getValue()));
        }
        return values;
    }

    private static List<String> late(
            KeyedTwoInputStreamOperatorTestHarness<String, ObservationBatch, BaselineUpdate, FeatureDriftRow> h) {
        List<String> late = new ArrayList<>();
        for (Object o : side(h, WindowAggregator.LATE)) {
            Observation observation = (Observation) o;
            late.add(observation.windowKey() + "@" + observation.eventTimeMillis + ":" + observation.numbers[0]);
        }
        late.sort(null);
        return late;
    }

    /** Rows as text without their emission time (wall clock), sorted: keys may fire in another order. */
    private static List<String> normalized(List<?> rows) {
        List<String> texts = new ArrayList<>();
        rows.forEach(row -> texts.add(describe(row)));
        texts.sort(null);
        return texts;
    }

    /** A record's components by name (arrays by content), without {@code emittedAt}. */
    private static String describe(Object value) {
        if (value instanceof Record record) {
            StringBuilder text = new StringBuilder(record.getClass().getSimpleName()).append('[');
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                if (!c.getName().equals("emittedAt")) {
                    try {
                        text.append(c.getName()).append('=').append(describe(c.getAccessor().invoke(record))).append(", ");
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return text.append(']').toString();
        }
        if (value != null && value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(describe(Array.get(value, i)));
            }
            return items.toString();
        }
        return String.valueOf(value);
    }
}
