package io.driftwatch.flink.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.binned.HistogramDivergence;
import io.driftwatch.detectors.drift.categorical.CategoricalDriftTests;
import io.driftwatch.detectors.drift.numeric.NumericDriftTests;
import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.detectors.sketch.BinCounts;
import io.driftwatch.detectors.sketch.QuantileSketch;
import io.driftwatch.flink.config.BaselineConfig;
import io.driftwatch.flink.config.BaselineSpec;
import io.driftwatch.flink.config.BinningStrategy;
import io.driftwatch.flink.config.DriftConfig;
import io.driftwatch.flink.config.TestSelection;
import io.driftwatch.flink.drift.BaselineLoader;
import io.driftwatch.flink.drift.BaselineUpdate;
import io.driftwatch.flink.drift.DriftEvaluator;
import io.driftwatch.flink.rows.BaselineKind;
import io.driftwatch.flink.rows.DataQualityRow;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.rows.Subject;
import io.driftwatch.flink.rows.VolumeRow;
import io.driftwatch.flink.shuffle.ObservationBatch;
import io.driftwatch.flink.source.Observation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The window operator on Flink's test harness, its statistics checked against drift-detectors directly. */
class WindowAggregatorTest {

    private static final long SIZE = 60_000;
    private static final long LATENESS = 10_000;
    private static final int ROLLING = 2;
    private static final int BINS = 10;
    /** At most KLL's k values per side, so the sketches are exact and sketch statistics match raw ones. */
    private static final int N = 150;
    private static final String[] COUNTRIES = {"DE", "FR", "US"};

    private final Random random = new Random(42);
    private final double[] reference = normal(N, 0.0);
    private final Map<String, Long> referenceCountries = Map.of("DE", 50L, "FR", 50L, "US", 50L);

    private static WindowSettings settings() {
        return settings(Map.of());
    }

    private static WindowSettings settings(Map<String, BaselineSpec> models) {
        return new WindowSettings(SIZE, LATENESS, 10, 50, BINS, BinningStrategy.QUANTILE,
                new BaselineConfig(new BaselineSpec.Rolling(ROLLING), models));
    }

    private static DriftConfig driftConfig() {
        return new DriftConfig(TestSelection.AUTO, Map.of(), Map.of(), BINS, BinningStrategy.QUANTILE);
    }

    private KeyedTwoInputStreamOperatorTestHarness<String, ObservationBatch, BaselineUpdate, FeatureDriftRow> harness(
            BaselineLoader loader) throws Exception {
        return harness(loader, settings());
    }

    private KeyedTwoInputStreamOperatorTestHarness<String, ObservationBatch, BaselineUpdate, FeatureDriftRow> harness(
            BaselineLoader loader, WindowSettings settings) throws Exception {
        WindowAggregator fn = new WindowAggregator(settings, new WindowEmitter(new DriftEvaluator(driftConfig())),
                loader);
        var harness = new KeyedTwoInputStreamOperatorTestHarness<String, ObservationBatch, BaselineUpdate, FeatureDriftRow>(
                new CoBroadcastWithKeyedOperator<>(fn, List.of(WindowAggregator.BASELINES)), ObservationBatch::windowKey,
                null, Types.STRING);
        harness.open();
        return harness;
    }

    /** An observation shipped alone (a bundle of one), timestamped with its event time. */
    private static StreamRecord<ObservationBatch> alone(Observation o) {
        return new StreamRecord<>(ObservationBatch.of(o), o.eventTimeMillis);
    }

    private double[] normal(int n, double shift) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian() + shift;
        }
        return v;
    }

    private BaselineUpdate baseline() {
        Map<String, ReferenceProfile> profiles = new LinkedHashMap<>();
        profiles.put("amount", new ReferenceProfile("amount", NumericProfile.fromReference(reference, new Binning.Quantiles(BINS))));
        profiles.put("country", new ReferenceProfile("country", CategoricalProfile.of(referenceCountries)));
        return BaselineUpdate.of("m", "v1", "training-1", profiles);
    }

    private static List<Observation> window(String model, long start, double[] amounts, String[] countries) {
        List<Observation> list = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            list.add(Observations.of(model, "all", start + i * (SIZE / amounts.length), 0.1 + 0.8 * i / amounts.length,
                    1.0 + i, amounts[i], countries[i]));
        }
        return list;
    }

    private String[] countries(int n, String skewTo) {
        String[] c = new String[n];
        for (int i = 0; i < n; i++) {
            c[i] = skewTo != null && i % 2 == 0 ? skewTo : COUNTRIES[random.nextInt(COUNTRIES.length)];
        }
        return c;
    }

    @Test
    void storedBaselineWindowFiresOnceWithCoreStatisticsThenLateEventsGoAsideAndStateIsCleared() throws Exception {
        var h = harness(BaselineLoader.NONE);
        h.processElement2(new StreamRecord<>(baseline()));
        double[] current = normal(N, 0.7);
        String[] countries = countries(N, "US");
        countries[3] = null;
        for (Observation o : window("m", 0, current, countries)) {
            h.processElement1(alone(o));
        }
        assertThat(h.numEventTimeTimers()).isEqualTo(1);
        h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(SIZE - 1 + LATENESS - 1));
        assertThat(h.extractOutputValues()).isEmpty();
        h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(SIZE - 1 + LATENESS));

        Map<String, FeatureDriftRow> rows = h.extractOutputValues().stream()
                .collect(Collectors.toMap(r -> r.feature() + "/" + r.test(), r -> r));
        NumericProfile profile = NumericProfile.fromReference(reference, new Binning.Quantiles(BINS));
        long[] currentBins = profile.edges().histogram(current);
        assertThat(rows.get("amount/psi").statistic())
                .isEqualTo(HistogramDivergence.PSI.distance(profile.binCounts(), currentBins));
        assertThat(rows.get("amount/jensenshannon").statistic())
                .isEqualTo(HistogramDivergence.JENSEN_SHANNON.distance(profile.binCounts(), currentBins));
        DriftResult ks = NumericDriftTests.of(DriftTestId.KS).test(reference, current, DriftTestId.KS.defaultThreshold());
        assertThat(rows.get("amount/ks").statistic()).isCloseTo(ks.statistic(), within(1e-12));
        DriftResult w = NumericDriftTests.of(DriftTestId.WASSERSTEIN).test(reference, current, 0.1);
        FeatureDriftRow wRow = rows.get("amount/wasserstein");
        assertThat(Math.abs(wRow.statistic() - w.statistic())).isLessThanOrEqualTo(wRow.errorBound());
        assertThat(rows.get("amount/psi").drift()).isTrue();
        assertThat(rows.get("amount/psi").baselineKind()).isEqualTo(BaselineKind.TRAINING);
        assertThat(rows.get("amount/psi").baselineId()).isEqualTo("training-1");
        assertThat(rows.get("amount/psi").nReference()).isEqualTo(N);
        assertThat(rows.get("amount/psi").nCurrent()).isEqualTo(N);

        Map<String, Long> currentCountries = new TreeMap<>();
        for (String c : countries) {
            if (c != null) {
                currentCountries.merge(c, 1L, Long::sum);
            }
        }
        assertThat(rows.get("country/psi").statistic())
                .isEqualTo(CategoricalDriftTests.test(DriftTestId.PSI, referenceCountries, currentCountries).statistic());
        assertThat(rows.get("country/jensenshannon").statistic()).isEqualTo(CategoricalDriftTests
                .test(DriftTestId.JENSEN_SHANNON, referenceCountries, currentCountries).statistic());
        assertThat(rows.keySet()).noneMatch(k -> k.startsWith("score/"));

        VolumeRow volume = h.getSideOutput(WindowAggregator.VOLUME).peek().getValue();
        assertThat(volume.predictions()).isEqualTo(N);
        assertThat(volume.window().windowStart()).isZero();
        assertThat(volume.window().windowEnd()).isEqualTo(SIZE);
        Map<String, DataQualityRow> quality = h.getSideOutput(WindowAggregator.QUALITY).stream()
                .map(StreamRecord::getValue).collect(Collectors.toMap(DataQualityRow::feature, r -> r));
        assertThat(quality.get("country").nullCount()).isEqualTo(1);
        assertThat(quality.get("country").seen()).isEqualTo(N);
        assertThat(quality.get("amount").outOfRangeCount()).isEqualTo(
                java.util.Arrays.stream(current).filter(v -> v < profile.min() || v > profile.max()).count());
        assertThat(h.getSideOutput(WindowAggregator.LATENCY).peek().getValue().count()).isEqualTo(N);

        Observation late = Observations.of("m", "all", 30_000, 0.5, 1.0, 0.0, "DE");
        h.processElement1(alone(late));
        assertThat(h.getSideOutput(WindowAggregator.LATE)).extracting(r -> r.getValue().eventTimeMillis)
                .containsExactly(late.eventTimeMillis);
        assertThat(h.extractOutputValues()).hasSize(rows.size());
        h.processElement1(alone(late));
        assertThat(h.getSideOutput(WindowAggregator.VOLUME)).hasSize(1);
        h.setProcessingTime(WindowAggregator.LATE_FLUSH_MILLIS);
        VolumeRow updated = h.getSideOutput(WindowAggregator.VOLUME).stream().map(StreamRecord::getValue)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(updated.lateEvents()).isEqualTo(2);
        assertThat(updated.predictions()).isEqualTo(N);
        assertThat(updated.window()).isEqualTo(volume.window());
        assertThat(h.numProcessingTimeTimers()).isZero();

        // Only the score history and its expiry timer are left, and they go once the key stays idle.
        assertThat(h.numEventTimeTimers()).isEqualTo(1);
        h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void rollingBaselineFramesFromTheFirstWindowAndComparesWithEarlierWindows() throws Exception {
        var h = harness(BaselineLoader.NONE);
        double[] w0 = normal(N, 0.0);
        double[] w1 = normal(N, 0.0);
        double[] w2 = normal(N, 1.0);
        double[][] windows = {w0, w1, w2};
        for (int w = 0; w < windows.length; w++) {
            for (Observation o : window("r", w * SIZE, windows[w], countries(N, null))) {
                h.processElement1(alone(o));
            }
            if (w == 0) {
                // Windows opened after the key's first window closed are framed by its data.
                h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(SIZE - 1 + LATENESS));
            }
        }
        h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
        List<FeatureDriftRow> rows = h.extractOutputValues();
        assertThat(rows).allMatch(r -> r.baselineKind() == BaselineKind.WINDOW);
        // Window 0 has no reference; window 1 only its score (features were framed by window 0's data then).
        assertThat(rows).noneMatch(r -> r.window().windowStart() == 0);
        assertThat(rows).filteredOn(r -> r.window().windowStart() == SIZE).allMatch(r -> r.subject() == Subject.SCORE)
                .isNotEmpty();

        QuantileSketch first = new QuantileSketch();
        for (double v : w0) {
            first.add(v);
        }
        double[] cuts = new double[BINS + 1];
        cuts[0] = first.min();
        cuts[BINS] = first.max();
        for (int i = 1; i < BINS; i++) {
            cuts[i] = first.quantile((double) i / BINS);
        }
        double[] edges = java.util.Arrays.copyOfRange(cuts, 1, BINS);
        BinCounts reference = new BinCounts(edges);
        BinCounts current = new BinCounts(edges);
        java.util.Arrays.stream(w1).forEach(reference::add);
        java.util.Arrays.stream(w2).forEach(current::add);
        FeatureDriftRow psi = rows.stream().filter(r -> r.window().windowStart() == 2 * SIZE
                && r.feature().equals("amount") && r.test().equals("psi")).findFirst().orElseThrow();
        assertThat(psi.statistic()).isEqualTo(HistogramDivergence.PSI.distance(reference.counts(), current.counts()));
        assertThat(psi.baselineId()).isEqualTo("1970-01-01T00:00:00Z/1970-01-01T00:02:00Z");
        assertThat(psi.nReference()).isEqualTo(N);
        assertThat(psi.drift()).isTrue();
        FeatureDriftRow ks = rows.stream().filter(r -> r.window().windowStart() == 2 * SIZE
                && r.feature().equals("amount") && r.test().equals("ks")).findFirst().orElseThrow();
        assertThat(ks.statistic()).isCloseTo(NumericDriftTests.of(DriftTestId.KS).test(w1, w2, 0.05).statistic(),
                within(1e-12));
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void aModelConfiguredRollingIgnoresItsStoredBaseline() throws Exception {
        BaselineUpdate stored = baseline();
        var h = harness(() -> List.of(stored), settings(Map.of("m", new BaselineSpec.Rolling(ROLLING))));
        for (int w = 0; w < 3; w++) {
            for (Observation o : window("m", w * SIZE, normal(N, 0.0), countries(N, null))) {
                h.processElement1(alone(o));
            }
            h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark((w + 1) * SIZE - 1 + LATENESS));
        }
        h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
        assertThat(h.extractOutputValues()).isNotEmpty().allMatch(r -> r.baselineKind() == BaselineKind.WINDOW);
        h.close();
    }

    @Test
    void baselineFromTheLoaderFramesWindowsWithoutBroadcast() throws Exception {
        BaselineUpdate stored = baseline();
        var h = harness(() -> List.of(stored));
        for (Observation o : window("m", 0, normal(N, 0.0), countries(N, null))) {
            h.processElement1(alone(o));
        }
        h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
        assertThat(h.extractOutputValues()).isNotEmpty()
                .allMatch(r -> r.baselineKind() == BaselineKind.TRAINING && r.baselineId().equals("training-1"));
        h.close();
    }

    @Test
    void baselineArrivingMidWindowAppliesFromTheNextWindowAndAnEmptyUpdateRemovesIt() throws Exception {
        var h = harness(BaselineLoader.NONE);
        List<Observation> w0 = window("m", 0, normal(N, 0.0), countries(N, null));
        h.processElement1(alone(w0.get(0)));
        h.processElement2(new StreamRecord<>(baseline()));
        for (Observation o : w0.subList(1, w0.size())) {
            h.processElement1(alone(o));
        }
        for (Observation o : window("m", SIZE, normal(N, 0.0), countries(N, null))) {
            h.processElement1(alone(o));
        }
        h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(2 * SIZE - 1 + LATENESS));
        List<FeatureDriftRow> rows = h.extractOutputValues();
        assertThat(rows).noneMatch(r -> r.window().windowStart() == 0 && r.subject() == Subject.FEATURE);
        assertThat(rows).filteredOn(r -> r.window().windowStart() == SIZE && r.subject() == Subject.FEATURE)
                .isNotEmpty().allMatch(r -> r.baselineKind() == BaselineKind.TRAINING);

        h.processElement2(new StreamRecord<>(BaselineUpdate.of("m", "v1", "removed", Map.of())));
        for (Observation o : window("m", 2 * SIZE, normal(N, 0.0), countries(N, null))) {
            h.processElement1(alone(o));
        }
        h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
        assertThat(h.extractOutputValues()).filteredOn(r -> r.window().windowStart() == 2 * SIZE)
                .noneMatch(r -> r.baselineKind() == BaselineKind.TRAINING);
        h.close();
    }

    @Test
    void eventsWithinAllowedLatenessStillCountInTheirWindow() throws Exception {
        var h = harness(BaselineLoader.NONE);
        Observation onTime = Observations.of("m", "all", 10_000, 0.5, 1.0, 0.0, "DE");
        Observation late = Observations.of("m", "all", 30_000, 0.5, 1.0, 0.0, "DE");
        h.processElement1(alone(onTime));
        h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(SIZE + LATENESS / 2));
        h.processElement1(alone(late));
        h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
        assertThat(h.getSideOutput(WindowAggregator.LATE)).isNull();
        assertThat(h.getSideOutput(WindowAggregator.VOLUME)).extracting(r -> r.getValue().predictions())
                .containsExactly(2L);
        h.close();
    }
}
