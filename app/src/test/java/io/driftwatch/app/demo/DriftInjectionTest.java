package io.driftwatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.driftwatch.app.csv.CsvTable;
import io.driftwatch.schemas.events.PredictionEvent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before the drift start every feature of every segment is distributed as in the training CSV; after it exactly
 * the injected features of the drifted segment drift. Judged by Driftwatch's own KS / chi-square and PSI.
 *
 * <p>Many features are tested at once, so "no drift" uses a Bonferroni-corrected significance level: with 80
 * comparisons at a raw 0.01 each, a false alarm somewhere would be likely (1 - 0.99^80, about 55%) even though
 * every sample comes from the same distribution.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftInjectionTest {

    private static final long SEED = 20_261_124L;
    private static final int DRIFT_AFTER = 45_000;
    private static final int CALLS = 2 * DRIFT_AFTER;
    private static final int SAMPLE = 5_000;
    private static final int FRAUD_TRAINING_ROWS = 30_000;
    private static final int CREDIT_TRAINING_ROWS = 20_000;
    /** Family-wise significance level of all "no drift" checks of one test method. */
    private static final double FAMILY_ALPHA = 0.01;
    /** Usual PSI reading: < 0.1 no significant change, >= 0.2 significant change. */
    private static final double PSI_NO_DRIFT = 0.1;
    private static final double PSI_DRIFT = 0.2;
    private static final double LATENCY_TOLERANCE = 0.10;

    private TrafficGenerator generator;
    private List<PredictionEvent> pre;
    private List<PredictionEvent> post;
    private CsvTable fraudTraining;
    private CsvTable creditTraining;

    @BeforeAll
    void generate(@TempDir Path dir) {
        TrafficOptions options = TrafficOptions.defaults(SEED).withMalformedFraction(0)
                .withDrift(DriftOptions.defaults(new DriftStart.AfterPredictions(DRIFT_AFTER)));
        generator = new TrafficGenerator(options);
        List<PredictionEvent> all = DemoLoop.parsedPredictions(DemoLoop.run(generator, CALLS));
        pre = all.stream().filter(e -> index(e) < DRIFT_AFTER).toList();
        post = all.stream().filter(e -> index(e) >= DRIFT_AFTER).toList();
        Path fraudCsv = dir.resolve("fraud-train.csv");
        Path creditCsv = dir.resolve("credit-train.csv");
        generator.writeTrainingCsv(DemoModel.FRAUD, fraudCsv, FRAUD_TRAINING_ROWS);
        generator.writeTrainingCsv(DemoModel.CREDIT, creditCsv, CREDIT_TRAINING_ROWS);
        fraudTraining = CsvTable.read(fraudCsv);
        creditTraining = CsvTable.read(creditCsv);
    }

    private static long index(PredictionEvent event) {
        String id = event.predictionId();
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }

    private static Predicate<PredictionEvent> in(DemoModel model, Map<String, String> segment) {
        return e -> e.modelId().equals(model.modelId()) && e.segment().equals(segment);
    }

    private FeatureSample training(DemoModel model, String segmentKey, String segmentValue) {
        CsvTable table = model == DemoModel.FRAUD ? fraudTraining : creditTraining;
        FeatureSample sample = FeatureSample.fromCsv(table, segmentKey, segmentValue, SAMPLE);
        assertThat(sample.size()).as("training rows of %s", segmentValue).isGreaterThan(SAMPLE / 3);
        return sample;
    }

    private static FeatureSample traffic(List<PredictionEvent> events, DemoModel model, Map<String, String> segment) {
        FeatureSample sample = FeatureSample.fromEvents(events, in(model, segment), SAMPLE);
        assertThat(sample.size()).as("events of %s %s", model, segment).isGreaterThan(SAMPLE / 3);
        return sample;
    }

    private static void assertNoDrift(String what, List<FeatureSample.Comparison> comparisons, int family) {
        double alpha = FAMILY_ALPHA / family;
        for (FeatureSample.Comparison c : comparisons) {
            assertThat(c.pValue()).as("%s %s p-value (corrected level %s)", what, c.feature(), alpha).isGreaterThan(alpha);
            assertThat(c.psi()).as("%s %s PSI", what, c.feature()).isLessThan(PSI_NO_DRIFT);
        }
    }

    @Test
    void beforeTheDriftStartEverySegmentMatchesTheTrainingCsv() {
        int family = FraudCountry.values().length * TrafficGenerator.featureNames(DemoModel.FRAUD).size()
                + 2 * TrafficGenerator.featureNames(DemoModel.CREDIT).size();
        FeatureSample.Comparison smallest = new FeatureSample.Comparison("none", 1, 0);
        for (FraudCountry country : FraudCountry.values()) {
            List<FeatureSample.Comparison> comparisons = training(DemoModel.FRAUD, FraudCountry.SEGMENT_KEY,
                    country.name()).compareTo(traffic(pre, DemoModel.FRAUD, country.segment()));
            assertThat(comparisons).hasSize(TrafficGenerator.featureNames(DemoModel.FRAUD).size());
            assertNoDrift("pre-drift " + country, comparisons, family);
            smallest = smallestP(smallest, comparisons);
        }
        for (String product : List.of("card", "loan")) {
            List<FeatureSample.Comparison> comparisons = FeatureSample.fromCsv(creditTraining, null, null,
                    CREDIT_TRAINING_ROWS).compareTo(traffic(pre, DemoModel.CREDIT, Map.of(CreditSimulator.SEGMENT_KEY,
                    product)));
            assertNoDrift("pre-drift credit " + product, comparisons, family);
            smallest = smallestP(smallest, comparisons);
        }
        System.out.println("smallest pre-drift p-value: " + smallest);
    }

    private static FeatureSample.Comparison smallestP(FeatureSample.Comparison sofar, List<FeatureSample.Comparison> more) {
        FeatureSample.Comparison result = sofar;
        for (FeatureSample.Comparison c : more) {
            result = c.pValue() < result.pValue() ? c : result;
        }
        return result;
    }

    @Test
    void afterTheDriftStartOnlyTheInjectedFeaturesOfTheDriftedSegmentDrift() {
        InjectedDrift injected = generator.injectedDrift();
        assertThat(injected.segment()).isEqualTo(Map.of(FraudCountry.SEGMENT_KEY, "BR"));
        assertThat(injected.features()).containsExactlyInAnyOrder("amount", "merchant_category");
        int family = FraudCountry.values().length * TrafficGenerator.featureNames(DemoModel.FRAUD).size();
        for (FraudCountry country : FraudCountry.values()) {
            List<FeatureSample.Comparison> comparisons = training(DemoModel.FRAUD, FraudCountry.SEGMENT_KEY,
                    country.name()).compareTo(traffic(post, DemoModel.FRAUD, country.segment()));
            List<FeatureSample.Comparison> drifted = comparisons.stream()
                    .filter(c -> injected.isDrifted(DemoModel.FRAUD.modelId(), country.segment(), c.feature())).toList();
            List<FeatureSample.Comparison> stable = comparisons.stream().filter(c -> !drifted.contains(c)).toList();
            assertNoDrift("post-drift " + country, stable, family);
            for (FeatureSample.Comparison c : drifted) {
                assertThat(c.psi()).as("post-drift %s %s PSI", country, c.feature()).isGreaterThanOrEqualTo(PSI_DRIFT);
                assertThat(c.pValue()).as("post-drift %s %s p", country, c.feature()).isLessThan(FAMILY_ALPHA);
            }
            assertThat(drifted).hasSize(country == FraudCountry.BR ? 2 : 0);
        }
    }

    @Test
    void theLatencyRegressionShiftsTheMedianByTheConfiguredAmountOnTheRegressedModelOnly() {
        double shift = generator.injectedDrift().latencyMedianShiftMs();
        assertThat(shift).isEqualTo(DriftOptions.DEFAULT_LATENCY_SHIFT_MS);
        double fraudShift = median(latencies(post, DemoModel.FRAUD)) - median(latencies(pre, DemoModel.FRAUD));
        assertThat(fraudShift).isCloseTo(shift, within(LATENCY_TOLERANCE * shift));
        assertThat(median(latencies(pre, DemoModel.FRAUD)))
                .isCloseTo(DemoModel.FRAUD.latencyMedianMs(), within(LATENCY_TOLERANCE * DemoModel.FRAUD.latencyMedianMs()));
        double creditPre = median(latencies(pre, DemoModel.CREDIT));
        assertThat(median(latencies(post, DemoModel.CREDIT))).isCloseTo(creditPre, within(LATENCY_TOLERANCE * creditPre));
    }

    private static double[] latencies(List<PredictionEvent> events, DemoModel model) {
        return events.stream().filter(e -> e.modelId().equals(model.modelId())).mapToDouble(PredictionEvent::latencyMs)
                .toArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    @Test
    void withoutDriftNothingIsReportedAsInjected() {
        InjectedDrift none = new TrafficGenerator(TrafficOptions.defaults(1).withDrift(DriftOptions.none())).injectedDrift();
        assertThat(none.features()).isEmpty();
        assertThat(none.latencyMedianShiftMs()).isZero();
        assertThat(Set.copyOf(TrafficGenerator.featureNames(DemoModel.FRAUD))).hasSizeGreaterThanOrEqualTo(20);
    }
}
