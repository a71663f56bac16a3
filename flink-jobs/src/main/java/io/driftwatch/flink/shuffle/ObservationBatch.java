package io.driftwatch.flink.shuffle;

import io.driftwatch.flink.source.Observation;
import io.driftwatch.flink.source.SegmentKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Observations of one window key (model, version, segment) in arrival order, shipped across the keyBy
 * shuffle as one record ({@link PreShuffleBundler}). Its {@link ObservationBatchSerializer} writes each
 * distinct string (model, feature names, categories) once per batch, so the shuffle no longer pays a string
 * per feature per event. The window operator replays the batch event by event, in order, so its results are
 * exactly those of receiving the observations one by one.
 *
 * <p>The observations are not copied: callers must not change them after building a batch.
 */
public final class ObservationBatch {

    private final String windowKey;
    private final Observation[] observations;

    /**
     * @param windowKey    {@link Observation#windowKey()} of every observation
     * @param observations at least one, all of that key
     */
    public ObservationBatch(String windowKey, Observation[] observations) {
        this.windowKey = Objects.requireNonNull(windowKey, "windowKey");
        this.observations = Objects.requireNonNull(observations, "observations");
        if (observations.length == 0) {
            throw new IllegalArgumentException("an ObservationBatch holds at least one observation");
        }
    }

    /** A batch of one (the pipeline without bundling ships every observation like this). */
    public static ObservationBatch of(Observation observation) {
        return new ObservationBatch(observation.windowKey(), new Observation[] {observation});
    }

    /** A batch of the given observations, which must share one window key. */
    public static ObservationBatch of(List<Observation> observations) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("an ObservationBatch holds at least one observation");
        }
        String key = observations.get(0).windowKey();
        for (Observation o : observations) {
            if (!o.windowKey().equals(key)) {
                throw new IllegalArgumentException("observations of different window keys in one batch: '" + key
                        + "' and '" + o.windowKey() + "'");
            }
        }
        return new ObservationBatch(key, observations.toArray(new Observation[0]));
    }

    /** The keyBy key. */
    public String windowKey() {
        return windowKey;
    }

    public int size() {
        return observations.length;
    }

    public Observation get(int index) {
        return observations[index];
    }

    @Override
    public String toString() {
        return "ObservationBatch[" + windowKey.replace(SegmentKeys.SEPARATOR, '/') + ", " + observations.length
                + " observations, first " + Arrays.asList(observations).get(0) + "]";
    }
}
