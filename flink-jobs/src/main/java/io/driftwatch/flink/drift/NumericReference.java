package io.driftwatch.flink.drift;

import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.sketch.NumericWindowState;
import io.driftwatch.detectors.sketch.QuantileSketch;
import java.nio.ByteBuffer;

/**
 * The reference side of numeric drift tests: counts over the window's bins, a quantile sketch, the
 * population standard deviation (for normed Wasserstein) and the number of values.
 */
public record NumericReference(long[] binCounts, QuantileSketch sketch, double std, long count) {

    /** From a stored profile; its bins are the ones the window was framed with. */
    public static NumericReference of(NumericProfile profile) {
        byte[] kll = profile.kllSketchBytes();
        // QuantileSketch's encoding is its version byte followed by the KLL bytes a profile keeps.
        byte[] encoded = ByteBuffer.allocate(kll.length + 1).put(QuantileSketch.VERSION).put(kll).array();
        return new NumericReference(profile.binCounts(), QuantileSketch.fromBytes(encoded), profile.std(),
                profile.count());
    }

    /** From merged earlier windows (a rolling baseline). */
    public static NumericReference of(NumericWindowState merged) {
        return new NumericReference(merged.bins().counts(), merged.sketch(),
                Math.sqrt(merged.moments().populationVariance()), merged.bins().total());
    }
}
