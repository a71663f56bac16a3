package io.driftwatch.detectors.sketch;

import io.driftwatch.detectors.state.StateBytes;
import io.driftwatch.detectors.state.MergeableState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything Driftwatch keeps for one categorical feature in one window: {@link CategoryCounts} and
 * {@link QualityCounters}. Every non-null category is counted; one absent from the reference category set
 * is also counted as {@link QualityIssue#UNSEEN_CATEGORY}. Missing values and type mismatches are only
 * counted as quality issues. The accessors return live parts for reading; callers must not modify them.
 */
public final class CategoricalWindowState implements MergeableState<CategoricalWindowState> {

    /** Format version of {@link #toBytes()}: version, reference categories, then both parts, length-prefixed. */
    public static final byte VERSION = 1;
    private static final String TYPE = "CategoricalWindowState";

    private final SortedSet<String> referenceCategories;
    private final CategoryCounts counts;
    private final QualityCounters quality;

    /** An empty state with the default category cap {@link CategoryCounts#DEFAULT_MAX_CATEGORIES}. */
    public CategoricalWindowState(Set<String> referenceCategories) {
        this(referenceCategories, CategoryCounts.DEFAULT_MAX_CATEGORIES);
    }

    /** An empty state tracking at most {@code maxCategories} distinct categories. */
    public CategoricalWindowState(Set<String> referenceCategories, int maxCategories) {
        this(validated(referenceCategories), new CategoryCounts(maxCategories), new QualityCounters());
    }

    private CategoricalWindowState(SortedSet<String> referenceCategories, CategoryCounts counts,
                                   QualityCounters quality) {
        this.referenceCategories = Collections.unmodifiableSortedSet(referenceCategories);
        this.counts = counts;
        this.quality = quality;
    }

    private static SortedSet<String> validated(Set<String> referenceCategories) {
        if (referenceCategories == null) {
            throw new IllegalArgumentException("reference categories must not be null");
        }
        SortedSet<String> sorted = new TreeSet<>();
        for (String category : referenceCategories) {
            if (category == null) {
                throw new IllegalArgumentException("reference categories must not contain null");
            }
            sorted.add(category);
        }
        return sorted;
    }

    /** Adds one observed category; {@code null} is recorded as a missing value. */
    public void add(String category) {
        if (category == null) {
            addNull();
            return;
        }
        quality.recordSeen();
        if (!referenceCategories.contains(category)) {
            quality.record(QualityIssue.UNSEEN_CATEGORY);
        }
        counts.add(category);
    }

    /** Records a missing value. */
    public void addNull() {
        quality.recordSeen();
        quality.record(QualityIssue.NULL);
    }

    /** Records a value of the wrong type. */
    public void addTypeMismatch() {
        quality.recordSeen();
        quality.record(QualityIssue.TYPE_MISMATCH);
    }

    /** The reference categories, sorted, unmodifiable. */
    public SortedSet<String> referenceCategories() {
        return referenceCategories;
    }

    public CategoryCounts counts() {
        return counts;
    }

    public QualityCounters quality() {
        return quality;
    }

    /** Merges part by part; both must share the reference categories and cap. */
    @Override
    public void merge(CategoricalWindowState other) {
        if (!referenceCategories.equals(other.referenceCategories)) {
            throw new IllegalArgumentException("cannot merge CategoricalWindowStates with different reference "
                    + "categories: " + referenceCategories + " vs " + other.referenceCategories);
        }
        counts.merge(other.counts);
        quality.merge(other.quality);
    }

    @Override
    public CategoricalWindowState copy() {
        return new CategoricalWindowState(new TreeSet<>(referenceCategories), counts.copy(), quality.copy());
    }

    @Override
    public byte[] toBytes() {
        List<byte[]> names = new ArrayList<>(referenceCategories.size());
        int payload = Integer.BYTES;
        for (String category : referenceCategories) {
            byte[] name = category.getBytes(StandardCharsets.UTF_8);
            names.add(name);
            payload += StateBytes.nestedSize(name);
        }
        byte[] countBytes = counts.toBytes();
        byte[] qualityBytes = quality.toBytes();
        payload += StateBytes.nestedSize(countBytes) + StateBytes.nestedSize(qualityBytes);
        ByteBuffer buffer = StateBytes.writer(VERSION, payload);
        buffer.putInt(names.size());
        names.forEach(name -> StateBytes.putNested(buffer, name));
        StateBytes.putNested(buffer, countBytes);
        StateBytes.putNested(buffer, qualityBytes);
        return buffer.array();
    }

    /** Inverts {@link #toBytes()}. */
    public static CategoricalWindowState fromBytes(byte[] bytes) {
        return StateBytes.decode(bytes, VERSION, TYPE, buffer -> {
            int size = buffer.getInt();
            if (size < 0 || size > buffer.remaining() / Integer.BYTES) {
                throw new IllegalArgumentException(TYPE + ": invalid reference category count " + size);
            }
            SortedSet<String> reference = new TreeSet<>();
            for (int i = 0; i < size; i++) {
                reference.add(new String(StateBytes.getNested(buffer, TYPE), StandardCharsets.UTF_8));
            }
            return new CategoricalWindowState(reference,
                    CategoryCounts.fromBytes(StateBytes.getNested(buffer, TYPE)),
                    QualityCounters.fromBytes(StateBytes.getNested(buffer, TYPE)));
        });
    }

    @Override
    public boolean isEmpty() {
        return counts.isEmpty() && quality.isEmpty();
    }

    @Override
    public String toString() {
        return "CategoricalWindowState{" + counts + ", " + quality + '}';
    }
}
