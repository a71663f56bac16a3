package io.driftwatch.benchmarks;

import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.source.FeatureKindCode;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.flink.window.WindowAccumulator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The window operator's per-event path: one window of {@value #WINDOW_EVENTS} observations added to a fresh
 * {@link WindowAccumulator}, as {@code WindowAggregator} replays a key's batches. One op is one event, so the
 * score is events per second. Observations look like the pipeline harness's (14 numeric + 6 categorical
 * features, a score and a latency; {@code pipeline.SyntheticPredictions}), grouped in batches of
 * {@value #BATCH_EVENTS} that share one feature-name array and one instance per distinct string, as
 * {@code ObservationBatchSerializer} delivers them.
 *
 * <p>{@code framed}: the window is framed by a stored baseline (bin edges, ranges, categories);
 * {@code unframed}: a key's first window without any reference.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class WindowAddBenchmark {

    static final int NUMERIC_FEATURES = 14;
    static final int CATEGORICAL_FEATURES = 6;
    /** Categories per categorical feature (as the pipeline harness). */
    static final int CATEGORIES = 8;
    /** Events per key and window in the pipeline harness: 500k events / 6 keys / 10 windows, rounded. */
    static final int WINDOW_EVENTS = 8_192;
    /** Events per shuffled batch ({@code windows.bundle_events}' default, 1000, rounded to divide the window). */
    static final int BATCH_EVENTS = 1_024;
    /** Reference values per numeric feature of the stored baseline. */
    static final int REFERENCE_VALUES = 20_000;
    /** {@code limits.max_features} and {@code limits.max_categories_per_feature} defaults. */
    static final int MAX_FEATURES = 500;
    static final int MAX_CATEGORIES = 256;

    private Observation[] observations;
    private WindowAccumulator framedTemplate;
    private WindowAccumulator unframedTemplate;

    @Setup(Level.Trial)
    public void inputs() {
        SplittableRandom random = new SplittableRandom(BenchmarkData.SEED);
        observations = sampleObservations(random);
        framedTemplate = WindowAccumulator.framedBy(referenceProfiles(random), "bench", MAX_CATEGORIES);
        unframedTemplate = WindowAccumulator.unframed();
    }

    /** A window of pipeline-like observations, in batches that share names and strings as decoded ones do. */
    static Observation[] sampleObservations(SplittableRandom random) {
        Observation[] observations = new Observation[WINDOW_EVENTS];
        String[] names = null;
        Map<String, String> batchStrings = new HashMap<>();
        for (int i = 0; i < WINDOW_EVENTS; i++) {
            if (i % BATCH_EVENTS == 0) {
                names = featureNames();
                batchStrings.clear();
            }
            observations[i] = observation(random, names, batchStrings);
        }
        return observations;
    }

    private static String[] featureNames() {
        String[] names = new String[NUMERIC_FEATURES + CATEGORICAL_FEATURES];
        for (int f = 0; f < NUMERIC_FEATURES; f++) {
            names[f] = "num_" + f;
        }
        for (int c = 0; c < CATEGORICAL_FEATURES; c++) {
            names[NUMERIC_FEATURES + c] = "cat_" + c;
        }
        return names;
    }

    private static Observation observation(SplittableRandom random, String[] names, Map<String, String> batchStrings) {
        int features = names.length;
        Observation o = new Observation();
        o.modelId = "fraud";
        o.modelVersion = "v1";
        o.segment = "country=DE";
        o.predictedClass = "";
        o.featureNames = names;
        o.featureKinds = new byte[features];
        o.numbers = new double[features];
        o.texts = new String[features];
        for (int f = 0; f < NUMERIC_FEATURES; f++) {
            o.featureKinds[f] = FeatureKindCode.NUMBER;
            o.numbers[f] = Math.round(numericValue(random, f) * 1e4) / 1e4;
            o.texts[f] = "";
        }
        for (int c = 0; c < CATEGORICAL_FEATURES; c++) {
            int i = NUMERIC_FEATURES + c;
            o.featureKinds[i] = FeatureKindCode.TEXT;
            // a fresh instance per batch, shared within it, as the batch deserializer delivers strings
            String category = new String("v" + category(random));
            o.texts[i] = batchStrings.computeIfAbsent(category, s -> s);
        }
        o.score = Math.round(random.nextDouble() * 1e6) / 1e6;
        o.value = Double.NaN;
        o.latencyMs = Math.round(Math.exp(2.0 + 0.5 * gaussian(random)) * 100) / 100.0;
        return o;
    }

    /** Feature {@code f}: its own location and scale, so bins differ (as the pipeline harness). */
    private static double numericValue(SplittableRandom random, int f) {
        return f * 10.0 + (f + 1) * gaussian(random);
    }

    /** A standard normal value (Box-Muller; SplittableRandom has no nextGaussian on Java 17). */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }

    /** Skewed categories: the minimum of two uniforms favours low ids. */
    private static int category(SplittableRandom random) {
        return Math.min(random.nextInt(CATEGORIES), random.nextInt(CATEGORIES));
    }

    private static Map<String, ReferenceProfile> referenceProfiles(SplittableRandom random) {
        Map<String, ReferenceProfile> profiles = new LinkedHashMap<>();
        for (int f = 0; f < NUMERIC_FEATURES; f++) {
            double[] reference = new double[REFERENCE_VALUES];
            for (int i = 0; i < REFERENCE_VALUES; i++) {
                reference[i] = numericValue(random, f);
            }
            String name = "num_" + f;
            profiles.put(name, new ReferenceProfile(name, NumericProfile.fromReference(reference, Binning.deciles())));
        }
        for (int c = 0; c < CATEGORICAL_FEATURES; c++) {
            Map<String, Long> counts = new HashMap<>();
            for (int i = 0; i < REFERENCE_VALUES; i++) {
                counts.merge("v" + category(random), 1L, Long::sum);
            }
            String name = "cat_" + c;
            profiles.put(name, new ReferenceProfile(name, CategoricalProfile.of(counts)));
        }
        return profiles;
    }

    private WindowAccumulator fill(WindowAccumulator template) {
        WindowAccumulator window = template.newWindow();
        for (Observation o : observations) {
            window.add(o, MAX_FEATURES, MAX_CATEGORIES);
        }
        return window;
    }

    @Benchmark
    @OperationsPerInvocation(WINDOW_EVENTS)
    public WindowAccumulator framed() {
        return fill(framedTemplate);
    }

    @Benchmark
    @OperationsPerInvocation(WINDOW_EVENTS)
    public WindowAccumulator unframed() {
        return fill(unframedTemplate);
    }
}
