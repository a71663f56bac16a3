package io.driftwatch.detectors.sketch;

import io.driftwatch.detectors.state.StateBytes;
import io.driftwatch.detectors.state.MergeableState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
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
    /**
     * Slots of the cache of recently added category instances (a power of two): more than the distinct values
     * a feature typically shows within one shuffled batch, yet only a few hundred bytes per state.
     */
    private static final int RECENT_SLOTS = 16;
    /** Folds a hash's high half into its low bits before masking, as {@code java.util.HashMap.hash} does. */
    private static final int HASH_SPREAD_SHIFT = 16;

    private final SortedSet<String> referenceCategories;
    /**
     * The same categories for {@link #add}'s membership test: a hash lookup (the strings' hashes are cached)
     * instead of a sorted-set search comparing strings at every level.
     */
    private final Set<String> referenceLookup;
    private final CategoryCounts counts;
    private final QualityCounters quality;
    /*
     * A cache, not state: where recently added category instances were counted, found by identity. Strings
     * decoded from one shuffled batch are one instance per distinct value, so a batch repeats few instances
     * and most adds skip both hash lookups (reference set and counts). Valid until counts is merged.
     */
    private final String[] recentCategories = new String[RECENT_SLOTS];
    /** The category's live counter in {@link #counts}, or null when it went to "other". */
    private final long[][] recentCounters = new long[RECENT_SLOTS][];
    private final boolean[] recentUnseen = new boolean[RECENT_SLOTS];
    private int recentMerges;

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
        this(Collections.unmodifiableSortedSet(referenceCategories),
                Collections.unmodifiableSet(new HashSet<>(referenceCategories)), counts, quality);
    }

    /** Shares the (unmodifiable) reference sets of another state. */
    private CategoricalWindowState(SortedSet<String> referenceCategories, Set<String> referenceLookup,
                                   CategoryCounts counts, QualityCounters quality) {
        this.referenceCategories = referenceCategories;
        this.referenceLookup = referenceLookup;
        this.counts = counts;
        this.quality = quality;
    }

    /**
     * An empty state with this one's reference categories and category cap. The reference sets are immutable
     * and shared, so a new window costs no copy of them.
     */
    public CategoricalWindowState emptyLike() {
        return new CategoricalWindowState(referenceCategories, referenceLookup,
                new CategoryCounts(counts.maxCategories()), new QualityCounters());
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
        if (recentMerges != counts.merges()) {
            Arrays.fill(recentCategories, null);
            recentMerges = counts.merges();
        }
        int hash = category.hashCode();
        int slot = (hash ^ (hash >>> HASH_SPREAD_SHIFT)) & (RECENT_SLOTS - 1);
        if (recentCategories[slot] != category) {
            addAndRemember(category, slot);
            return;
        }
        if (recentUnseen[slot]) {
            quality.record(QualityIssue.UNSEEN_CATEGORY);
        }
        long[] counter = recentCounters[slot];
        if (counter != null) {
            counter[0]++;
        } else {
            counts.addOther();
        }
    }

    private void addAndRemember(String category, int slot) {
        boolean unseen = !referenceLookup.contains(category);
        if (unseen) {
            quality.record(QualityIssue.UNSEEN_CATEGORY);
        }
        recentCounters[slot] = counts.addAndLocate(category);
        recentUnseen[slot] = unseen;
        recentCategories[slot] = category;
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
        return new CategoricalWindowState(referenceCategories, referenceLookup, counts.copy(), quality.copy());
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
