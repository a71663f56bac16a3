package io.driftwatch.flink.window;

import io.driftwatch.flink.config.BaselineConfig;
import io.driftwatch.flink.config.BaselineSpec;
import io.driftwatch.flink.config.BinningStrategy;
import io.driftwatch.flink.config.DriftwatchConfig;
import java.io.Serializable;
import java.util.Objects;

/**
 * What the window operator needs from the config.
 *
 * @param sizeMillis            tumbling window length
 * @param allowedLatenessMillis a window fires (once) at {@code end - 1 + allowedLateness} event time
 * @param maxFeatures           features tracked per key and window
 * @param maxCategories         categories tracked per categorical feature and window
 * @param bins                  bins of rolling frames
 * @param binning               edge placement of rolling frames
 * @param baselines             per-model baseline choice (rolling length)
 */
public record WindowSettings(long sizeMillis, long allowedLatenessMillis, int maxFeatures, int maxCategories, int bins,
                             BinningStrategy binning, BaselineConfig baselines) implements Serializable {

    /** Rolling length for models whose baseline is a stored profile that is missing (BaselineConfig's default). */
    static final int FALLBACK_ROLLING_WINDOWS = 12;

    public WindowSettings {
        if (sizeMillis <= 0) {
            throw new IllegalArgumentException("window size must be positive, got " + sizeMillis + " ms");
        }
        if (allowedLatenessMillis < 0) {
            throw new IllegalArgumentException("allowed lateness must be >= 0, got " + allowedLatenessMillis + " ms");
        }
        if (maxFeatures < 1 || maxCategories < 1 || bins < 2) {
            throw new IllegalArgumentException("need maxFeatures >= 1, maxCategories >= 1, bins >= 2; got "
                    + maxFeatures + ", " + maxCategories + ", " + bins);
        }
        Objects.requireNonNull(binning, "binning");
        Objects.requireNonNull(baselines, "baselines");
    }

    public static WindowSettings from(DriftwatchConfig config) {
        return new WindowSettings(config.windows().size().toMillis(), config.windows().allowedLateness().toMillis(),
                config.limits().maxFeatures(), config.limits().maxCategoriesPerFeature(), config.drift().bins(),
                config.drift().binning(), config.baselines());
    }

    /** Start of the window holding {@code timestampMillis} (windows aligned to the epoch). */
    public long windowStart(long timestampMillis) {
        return timestampMillis - Math.floorMod(timestampMillis, sizeMillis);
    }

    /** Event time at which the window starting at {@code start} fires and is cleared. */
    public long fireTime(long start) {
        return start + sizeMillis - 1 + allowedLatenessMillis;
    }

    /** Inverse of {@link #fireTime}. */
    public long startOfFireTime(long fireTime) {
        return fireTime + 1 - allowedLatenessMillis - sizeMillis;
    }

    /** See {@link BaselineConfig#ignoresStoredBaselines}. */
    public boolean ignoresStoredBaselines(String modelId) {
        return baselines.ignoresStoredBaselines(modelId);
    }

    /** How many earlier windows form {@code modelId}'s rolling baseline. */
    public int rollingWindows(String modelId) {
        BaselineSpec spec = baselines.forModel(modelId);
        if (spec instanceof BaselineSpec.Rolling rolling) {
            return rolling.windows();
        }
        return baselines.defaults() instanceof BaselineSpec.Rolling rolling ? rolling.windows() : FALLBACK_ROLLING_WINDOWS;
    }
}
