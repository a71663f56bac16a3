package io.driftwatch.flink.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.detectors.drift.binned.HistogramDivergence;
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
import io.driftwatch.flink.source.Observation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** A segment's own stored baseline is preferred over its model version's; other segments use the version's. */
class SegmentBaselineTest {

    private static final long SIZE = 60_000;
    private static final int BINS = 10;
    /** At most KLL's k values, so the sketches are exact. */
    private static final int N = 150;
    private static final String DE = "country=DE";
    private static final String FR = "country=FR";
    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

    private final Random random = new Random(11);

    private double[] normal(double shift) {
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = random.nextGaussian() + shift;
        }
        return v;
    }

    private static BaselineUpdate baseline(String segment, String id, double[] amounts) {
        Map<String, ReferenceProfile> profiles = new LinkedHashMap<>();
        profiles.put("amount", new ReferenceProfile("amount",
                NumericProfile.fromReference(amounts, new Binning.Quantiles(BINS))));
        profiles.put("country", new ReferenceProfile("country", CategoricalProfile.of(Map.of("DE", 75L, "FR", 75L))));
        return BaselineUpdate.of("m", "v1", segment, id, CREATED, profiles);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, ObservationBatch, BaselineUpdate, FeatureDriftRow> harness(
            BaselineLoader loader) throws Exception {
        WindowSettings settings = new WindowSettings(SIZE, 0, 10, 50, BINS, BinningStrategy.QUANTILE,
                new BaselineConfig(new BaselineSpec.Rolling(2), Map.of()));
        DriftConfig drift = new DriftConfig(TestSelection.AUTO, Map.of(), Map.of(), BINS, BinningStrategy.QUANTILE);
        var h = new KeyedTwoInputStreamOperatorTestHarness<String, ObservationBatch, BaselineUpdate, FeatureDriftRow>(
                new CoBroadcastWithKeyedOperator<>(new WindowAggregator(settings,
                        new WindowEmitter(new DriftEvaluator(drift)), loader), List.of(WindowAggregator.BASELINES)),
                ObservationBatch::windowKey, null, Types.STRING);
        h.open();
        return h;
    }

    private void window(KeyedTwoInputStreamOperatorTestHarness<String, ObservationBatch, BaselineUpdate, FeatureDriftRow> h,
                        String segment, long start, double[] amounts) throws Exception {
        for (int i = 0; i < amounts.length; i++) {
            Observation o = Observations.of("m", segment, start + i * (SIZE / amounts.length), 0.5, 1.0, amounts[i],
                    i % 2 == 0 ? "DE" : "FR");
            h.processElement1(new StreamRecord<>(ObservationBatch.of(o), o.eventTimeMillis));
        }
    }

    /** segment/baseline id -> psi of amount, over the rows emitted so far. */
    private static Map<String, Double> amountPsi(List<FeatureDriftRow> rows) {
        Map<String, Double> psi = new TreeMap<>();
        rows.stream().filter(r -> r.feature().equals("amount") && r.test().equals("psi"))
                .forEach(r -> psi.put(r.window().segment() + "/" + r.baselineId(), r.statistic()));
        return psi;
    }

    @Test
    void segmentWithItsOwnBaselineUsesItOthersTheVersionsAndRemovalFallsBack() throws Exception {
        double[] wide = normal(0.0);
        double[] germany = normal(3.0);
        BaselineUpdate versionWide = baseline("", "wide", wide);
        BaselineUpdate ownDe = baseline(DE, "de", germany);
        var h = harness(() -> List.of(versionWide, ownDe));
        double[] current = normal(3.0);
        window(h, DE, 0, current);
        window(h, FR, 0, current);
        h.processBothWatermarks(new Watermark(SIZE - 1));

        NumericProfile deProfile = NumericProfile.fromReference(germany, new Binning.Quantiles(BINS));
        NumericProfile wideProfile = NumericProfile.fromReference(wide, new Binning.Quantiles(BINS));
        Map<String, Double> psi = amountPsi(h.extractOutputValues());
        assertThat(psi).containsOnlyKeys(DE + "/de", FR + "/wide");
        assertThat(psi.get(DE + "/de")).isEqualTo(HistogramDivergence.PSI.distance(deProfile.binCounts(),
                deProfile.edges().histogram(current)));
        assertThat(psi.get(FR + "/wide")).isEqualTo(HistogramDivergence.PSI.distance(wideProfile.binCounts(),
                wideProfile.edges().histogram(current)));

        // removing the segment's own baseline (an update without profiles) falls back to the version's
        h.processElement2(new StreamRecord<>(BaselineUpdate.of("m", "v1", DE, "de-removed", null, Map.of())));
        window(h, DE, SIZE, current);
        h.processBothWatermarks(new Watermark(2 * SIZE - 1));
        assertThat(amountPsi(h.extractOutputValues())).containsKey(DE + "/wide");
        h.close();
    }

    @Test
    void aSegmentBaselineArrivingAsAnUpdateAppliesToThatSegmentOnly() throws Exception {
        var h = harness(BaselineLoader.NONE);
        h.processElement2(new StreamRecord<>(baseline("", "wide", normal(0.0))));
        h.processElement2(new StreamRecord<>(baseline(FR, "fr", normal(1.0))));
        double[] current = normal(0.0);
        window(h, DE, 0, current);
        window(h, FR, 0, current);
        window(h, "", 0, current);
        h.processBothWatermarks(new Watermark(SIZE - 1));
        assertThat(amountPsi(h.extractOutputValues())).containsOnlyKeys(DE + "/wide", FR + "/fr", "/wide");
        h.close();
    }
}
