package io.driftwatch.flink.window;

import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.detectors.sketch.CategoryCounts;
import io.driftwatch.detectors.sketch.LatencySketch;
import io.driftwatch.detectors.sketch.NumericWindowState;
import io.driftwatch.flink.config.BinningStrategy;
import io.driftwatch.flink.source.Observation;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one key (model, version, segment) keeps for one window: prediction count, predicted-class
 * counts, a {@link LatencySketch}, a score {@link NumericWindowState} and one {@link FeatureState} per
 * feature (at most {@code maxFeatures}; values of further features are counted in {@link #featureOverflow()}).
 * Stored in Flink state through {@link WindowAccumulatorSerializer} ({@link AccumulatorCodec}), never Kryo.
 *
 * <p>A <em>template</em> is an accumulator whose states are empty but framed; {@link #newWindow()} copies it
 * for a new window. Templates come from a stored baseline ({@link #framedBy}) or, for rolling baselines,
 * from the data of closed windows ({@link #extendFrame}).
 */
public final class WindowAccumulator {

    /** Feature name of the score's profile in a baseline; also the {@code feature} of score drift rows. */
    public static final String SCORE_FEATURE = "score";
    /**
     * Default score frame without a score profile: 10 equal-width bins over [0, 1] (a binary score's range),
     * so rolling score references always share one frame.
     */
    static final int DEFAULT_SCORE_BINS = 10;
    /** Distinct predicted classes tracked per window; the rest count as "other". */
    static final int MAX_CLASSES = CategoryCounts.DEFAULT_MAX_CATEGORIES;

    long predictions;
    long featureOverflow;
    String baselineId;
    final CategoryCounts classes;
    final LatencySketch latency;
    final NumericWindowState score;
    final SortedMap<String, FeatureState> features;
    /** The last feature-name array {@link #add}ed and its states ({@link #statesOf}); a cache, not state. */
    private String[] lastNames;
    private FeatureState[] lastStates;

    WindowAccumulator(long predictions, long featureOverflow, String baselineId, CategoryCounts classes,
                      LatencySketch latency, NumericWindowState score, SortedMap<String, FeatureState> features) {
        this.predictions = predictions;
        this.featureOverflow = featureOverflow;
        this.baselineId = Objects.requireNonNull(baselineId, "baselineId");
        this.classes = classes;
        this.latency = latency;
        this.score = score;
        this.features = features;
    }

    /** An empty accumulator without any reference frame. */
    public static WindowAccumulator unframed() {
        return new WindowAccumulator(0, 0, "", new CategoryCounts(MAX_CLASSES), new LatencySketch(),
                defaultScoreState(), new TreeMap<>());
    }

    /** A template framed by a stored baseline {@code baselineId} of feature (and {@value #SCORE_FEATURE}) profiles. */
    public static WindowAccumulator framedBy(Map<String, ReferenceProfile> profiles, String baselineId,
                                             int maxCategories) {
        SortedMap<String, FeatureState> features = new TreeMap<>();
        NumericWindowState score = defaultScoreState();
        for (Map.Entry<String, ReferenceProfile> e : profiles.entrySet()) {
            ReferenceProfile profile = e.getValue();
            if (e.getKey().equals(SCORE_FEATURE)) {
                NumericProfile p = profile.numeric();
                score = new NumericWindowState(p.edges().interiorEdges(), p.min(), p.max());
            } else if (profile.distribution() instanceof NumericProfile p) {
                features.put(e.getKey(), FeatureState.framedNumeric(p.edges().interiorEdges(), p.min(), p.max()));
            } else {
                CategoricalProfile p = profile.categorical();
                features.put(e.getKey(), FeatureState.framedCategorical(p.counts().keySet(), maxCategories));
            }
        }
        return new WindowAccumulator(0, 0, baselineId, new CategoryCounts(MAX_CLASSES), new LatencySketch(), score,
                features);
    }

    private static NumericWindowState defaultScoreState() {
        double[] edges = new double[DEFAULT_SCORE_BINS - 1];
        for (int i = 1; i < DEFAULT_SCORE_BINS; i++) {
            edges[i - 1] = (double) i / DEFAULT_SCORE_BINS;
        }
        return new NumericWindowState(edges, 0.0, 1.0);
    }

    /** An empty accumulator with this one's frames (this is a template, or any accumulator). */
    public WindowAccumulator newWindow() {
        SortedMap<String, FeatureState> empty = new TreeMap<>();
        features.forEach((name, state) -> {
            if (state.framed()) {
                empty.put(name, state.emptyLike());
            }
        });
        NumericWindowState emptyScore = new NumericWindowState(score.bins().edges(), score.referenceMin(),
                score.referenceMax());
        return new WindowAccumulator(0, 0, baselineId, new CategoryCounts(MAX_CLASSES), new LatencySketch(),
                emptyScore, empty);
    }

    /** Adds one prediction; features beyond {@code maxFeatures} tracked ones are counted as overflow. */
    public void add(Observation o, int maxFeatures, int maxCategories) {
        predictions++;
        if (!o.predictedClass.isEmpty()) {
            classes.add(o.predictedClass);
        }
        if (!Double.isNaN(o.latencyMs)) {
            latency.add(o.latencyMs);
        }
        if (!Double.isNaN(o.score)) {
            score.add(o.score);
        }
        if (o.featureCount() == 0) {
            return;
        }
        FeatureState[] states = statesOf(o.featureNames, maxFeatures);
        for (int i = 0; i < states.length; i++) {
            if (states[i] == null) {
                featureOverflow++;
            } else {
                states[i].add(o.featureKinds[i], o.numbers[i], o.texts[i], maxCategories);
            }
        }
    }

    /**
     * The state of each named feature ({@code null}: past {@code maxFeatures}, overflow), creating unframed states
     * for new names in order while there is room. Events decoded from one {@code ObservationBatch} share their
     * feature-name array, so it is resolved once per batch instead of one map lookup per feature per event, and an
     * array equal to the last one reuses its resolution; the result is the same (a name's state, or its overflow,
     * cannot change while the names stay the same: states are only ever added, and only here).
     */
    private FeatureState[] statesOf(String[] names, int maxFeatures) {
        if (names == lastNames) {
            return lastStates;
        }
        // Each batch decodes its own names array, usually with the same (shared) name instances as the last.
        if (lastNames != null && java.util.Arrays.equals(names, lastNames)) {
            lastNames = names;
            return lastStates;
        }
        FeatureState[] states = new FeatureState[names.length];
        for (int i = 0; i < names.length; i++) {
            FeatureState state = features.get(names[i]);
            if (state == null && features.size() < maxFeatures) {
                state = FeatureState.unframed();
                features.put(names[i], state);
            }
            states[i] = state;
        }
        lastNames = names;
        lastStates = states;
        return states;
    }

    /**
     * The rolling frame after this closed window: {@code previous} (may be {@code null}) with a frame added for
     * each feature it lacks, from this window's data. Rule, per new feature: numeric edges are the window's
     * KLL quantiles at {@code i / bins} ({@link BinningStrategy#QUANTILE}) or equal widths over [min, max]
     * ({@link BinningStrategy#UNIFORM}), ties collapsed, range the window's [min, max]; categorical: the
     * window's categories. Features without a finite value (or only nulls) stay without a frame. Existing
     * frames never change, so earlier windows stay mergeable.
     */
    public WindowAccumulator extendFrame(WindowAccumulator previous, int bins, BinningStrategy strategy,
                                         int maxCategories) {
        WindowAccumulator template = previous == null ? unframed().newWindow() : previous.newWindow();
        features.forEach((name, state) -> {
            if (template.features.containsKey(name)) {
                return;
            }
            FeatureState frame = RollingFrames.frameOf(state, bins, strategy, maxCategories);
            if (frame != null) {
                template.features.put(name, frame);
            }
        });
        return template;
    }

    /** This window's framed features only (what a rolling reference can merge). */
    public WindowAccumulator framedPart() {
        SortedMap<String, FeatureState> framed = new TreeMap<>();
        features.forEach((name, state) -> {
            if (state.framed()) {
                framed.put(name, state);
            }
        });
        return new WindowAccumulator(predictions, featureOverflow, baselineId, classes, latency, score, framed);
    }

    /** Only the score part (what a key with a stored baseline keeps for its rolling score reference). */
    public WindowAccumulator scoreOnly() {
        return new WindowAccumulator(predictions, featureOverflow, baselineId, new CategoryCounts(MAX_CLASSES),
                new LatencySketch(), score, new TreeMap<>());
    }

    public long predictions() {
        return predictions;
    }

    public long featureOverflow() {
        return featureOverflow;
    }

    /** Id of the stored baseline that framed this window, {@code ""} for none. */
    public String baselineId() {
        return baselineId;
    }

    public CategoryCounts classes() {
        return classes;
    }

    public LatencySketch latency() {
        return latency;
    }

    public NumericWindowState score() {
        return score;
    }

    public SortedMap<String, FeatureState> features() {
        return Collections.unmodifiableSortedMap(features);
    }

    public WindowAccumulator copy() {
        SortedMap<String, FeatureState> copies = new TreeMap<>();
        features.forEach((name, state) -> copies.put(name, state.copy()));
        return new WindowAccumulator(predictions, featureOverflow, baselineId, classes.copy(), latency.copy(),
                score.copy(), copies);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WindowAccumulator a && java.util.Arrays.equals(AccumulatorCodec.toBytes(this),
                AccumulatorCodec.toBytes(a));
    }

    @Override
    public int hashCode() {
        return Objects.hash(predictions, featureOverflow, baselineId, features.keySet());
    }

    @Override
    public String toString() {
        return "WindowAccumulator[predictions=" + predictions + ", features=" + features.keySet() + ", baseline="
                + baselineId + "]";
    }
}
