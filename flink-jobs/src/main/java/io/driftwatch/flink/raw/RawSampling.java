package io.driftwatch.flink.raw;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Deterministic sampling by prediction id: a prediction is kept at rate {@code r} when {@link #fraction} of its
 * id is below {@code r}. The same id always gives the same answer (a replay samples the same predictions, which
 * the table's ReplacingMergeTree then deduplicates), and raising the rate only adds predictions.
 *
 * <p>{@link #hash} is 64-bit FNV-1a over the id's UTF-8 bytes, then the SplitMix64 finalizer (Steele, Lea and
 * Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014) so every output bit depends on every
 * input byte; {@link #fraction} is its top 53 bits as a double in [0, 1). {@code src/test/python/gen_raw_sampling.py}
 * computes the same independently.
 */
public final class RawSampling {

    /** FNV-1a 64-bit offset basis and prime (Fowler, Noll, Vo; IETF draft-eastlake-fnv). */
    static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;
    /** SplitMix64 finalizer shifts and multipliers (Steele et al. 2014; Java's SplittableRandom.mix64). */
    private static final int MIX_SHIFT_1 = 30;
    private static final int MIX_SHIFT_2 = 27;
    private static final int MIX_SHIFT_3 = 31;
    private static final long MIX_MULTIPLIER_1 = 0xbf58476d1ce4e5b9L;
    private static final long MIX_MULTIPLIER_2 = 0x94d049bb133111ebL;
    /** A double has 53 significant bits: the top 53 bits of the hash times 2^-53 are exact and in [0, 1). */
    private static final int DOUBLE_BITS = 53;
    private static final double TWO_TO_MINUS_53 = 0x1.0p-53;

    private RawSampling() {}

    /** The 64-bit hash of an id (see the class comment). */
    public static long hash(String predictionId) {
        Objects.requireNonNull(predictionId, "predictionId");
        long h = FNV_OFFSET_BASIS;
        for (byte b : predictionId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        h = (h ^ (h >>> MIX_SHIFT_1)) * MIX_MULTIPLIER_1;
        h = (h ^ (h >>> MIX_SHIFT_2)) * MIX_MULTIPLIER_2;
        return h ^ (h >>> MIX_SHIFT_3);
    }

    /** The id's position in [0, 1), uniform over ids. */
    public static double fraction(String predictionId) {
        return (hash(predictionId) >>> (Long.SIZE - DOUBLE_BITS)) * TWO_TO_MINUS_53;
    }

    /**
     * Whether a prediction is in the sample at {@code rate}: never at 0, always at 1.
     *
     * @throws IllegalArgumentException unless {@code rate} is in [0, 1]
     */
    public static boolean keeps(String predictionId, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("sample rate must be in [0, 1], was " + rate);
        }
        return fraction(predictionId) < rate;
    }
}
