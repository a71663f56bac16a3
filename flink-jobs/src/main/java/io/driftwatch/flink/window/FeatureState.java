package io.driftwatch.flink.window;

import io.driftwatch.detectors.profile.FeatureKind;
import io.driftwatch.detectors.sketch.CategoricalWindowState;
import io.driftwatch.detectors.sketch.NumericWindowState;
import io.driftwatch.flink.source.FeatureKindCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One feature's part of a {@link WindowAccumulator}: a {@link NumericWindowState} or a
 * {@link CategoricalWindowState}, and whether it is <em>framed</em> (binned by a reference's edges and
 * range, or checked against a reference's categories) or not (a feature first seen without a reference).
 *
 * <p>Kind: a framed feature has its reference's kind. An unframed feature takes the kind of its first
 * non-null value (number: numeric; string or boolean: categorical); nulls before that are held in
 * {@link #pendingNulls()} and replayed into the state once the kind is known.
 *
 * <p>Value routing: on a numeric feature, numbers are added; the strings {@code NaN}, {@code Infinity} and
 * {@code -Infinity} (JSON has no such numbers) are added as those doubles so the quality counters see them;
 * other strings and booleans are type mismatches. On a categorical feature, strings and booleans
 * ({@code true}/{@code false}) are categories and numbers are type mismatches. Null is a missing value.
 */
public final class FeatureState {

    /** Range of an unframed numeric state: every finite value is "in range", since there is no reference. */
    static final double UNFRAMED_MIN = -Double.MAX_VALUE;
    static final double UNFRAMED_MAX = Double.MAX_VALUE;

    private final boolean framed;
    private NumericWindowState numeric;
    private CategoricalWindowState categorical;
    private long pendingNulls;

    FeatureState(boolean framed, NumericWindowState numeric, CategoricalWindowState categorical, long pendingNulls) {
        if (numeric != null && categorical != null) {
            throw new IllegalArgumentException("a feature is numeric or categorical, not both");
        }
        if (framed && numeric == null && categorical == null) {
            throw new IllegalArgumentException("a framed feature needs its state");
        }
        this.framed = framed;
        this.numeric = numeric;
        this.categorical = categorical;
        this.pendingNulls = pendingNulls;
    }

    static FeatureState framedNumeric(double[] interiorEdges, double min, double max) {
        return new FeatureState(true, new NumericWindowState(interiorEdges, min, max), null, 0);
    }

    static FeatureState framedCategorical(Set<String> categories, int maxCategories) {
        return new FeatureState(true, null, new CategoricalWindowState(categories, maxCategories), 0);
    }

    static FeatureState unframed() {
        return new FeatureState(false, null, null, 0);
    }

    /** Adds one value given as an {@link io.driftwatch.flink.source.Observation} feature slot. */
    void add(byte kindCode, double number, String text, int maxCategories) {
        if (kindCode == FeatureKindCode.NULL) {
            addNull();
            return;
        }
        if (numeric == null && categorical == null) {
            startAs(kindCode == FeatureKindCode.NUMBER ? FeatureKind.NUMERIC : FeatureKind.CATEGORICAL, maxCategories);
        }
        if (numeric != null) {
            addToNumeric(kindCode, number, text);
        } else if (kindCode == FeatureKindCode.NUMBER) {
            categorical.addTypeMismatch();
        } else {
            categorical.add(text);
        }
    }

    private void addToNumeric(byte kindCode, double number, String text) {
        if (kindCode == FeatureKindCode.NUMBER) {
            numeric.add(number);
            return;
        }
        double special = kindCode == FeatureKindCode.TEXT ? nonFiniteNumber(text) : 0.0;
        if (Double.isFinite(special)) {
            numeric.addTypeMismatch();
        } else {
            numeric.add(special);
        }
    }

    /** NaN or an infinity when {@code text} spells one, else 0 (meaning: not a number). */
    static double nonFiniteNumber(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "infinity", "+infinity", "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> 0.0;
        };
    }

    private void addNull() {
        if (numeric != null) {
            numeric.addNull();
        } else if (categorical != null) {
            categorical.addNull();
        } else {
            pendingNulls++;
        }
    }

    private void startAs(FeatureKind kind, int maxCategories) {
        if (kind == FeatureKind.NUMERIC) {
            numeric = new NumericWindowState(new double[0], UNFRAMED_MIN, UNFRAMED_MAX);
        } else {
            categorical = new CategoricalWindowState(Set.of(), maxCategories);
        }
        long replay = pendingNulls;
        pendingNulls = 0;
        for (long i = 0; i < replay; i++) {
            addNull();
        }
    }

    public boolean framed() {
        return framed;
    }

    /** The kind, or {@code null} while only nulls were seen. */
    public FeatureKind kind() {
        if (numeric != null) {
            return FeatureKind.NUMERIC;
        }
        return categorical != null ? FeatureKind.CATEGORICAL : null;
    }

    public NumericWindowState numeric() {
        return numeric;
    }

    public CategoricalWindowState categorical() {
        return categorical;
    }

    public long pendingNulls() {
        return pendingNulls;
    }

    /** Whether both are framed by the same reference (edges and range, or categories), so they can merge. */
    boolean sameFrame(FeatureState other) {
        if (!framed || !other.framed || kind() != other.kind()) {
            return false;
        }
        if (numeric != null) {
            return sameNumericFrame(numeric, other.numeric);
        }
        return categorical.referenceCategories().equals(other.categorical.referenceCategories())
                && categorical.counts().maxCategories() == other.categorical.counts().maxCategories();
    }

    /** Whether two numeric states share bin edges and reference range. */
    static boolean sameNumericFrame(NumericWindowState a, NumericWindowState b) {
        return Arrays.equals(a.bins().edges(), b.bins().edges()) && a.referenceMin() == b.referenceMin()
                && a.referenceMax() == b.referenceMax();
    }

    /** An empty state with the same frame (and kind). */
    FeatureState emptyLike() {
        if (!framed) {
            return unframed();
        }
        if (numeric != null) {
            return framedNumeric(numeric.bins().edges(), numeric.referenceMin(), numeric.referenceMax());
        }
        return new FeatureState(true, null, categorical.emptyLike(), 0);
    }

    FeatureState copy() {
        return new FeatureState(framed, numeric == null ? null : numeric.copy(),
                categorical == null ? null : categorical.copy(), pendingNulls);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureState f && framed == f.framed && pendingNulls == f.pendingNulls
                && Arrays.equals(numeric == null ? null : numeric.toBytes(), f.numeric == null ? null : f.numeric.toBytes())
                && Arrays.equals(categorical == null ? null : categorical.toBytes(),
                f.categorical == null ? null : f.categorical.toBytes());
    }

    @Override
    public int hashCode() {
        return Objects.hash(framed, pendingNulls, kind());
    }
}
