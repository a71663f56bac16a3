package io.driftwatch.detectors.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Laws every {@link MergeableState} obeys. Each implementation's test subclasses this and says how to make
 * an empty state, how to feed it random data, how to decode it, and what "equal" means for it (the
 * observable results, since sketches need not be byte-identical after a different merge order).
 */
public abstract class MergeableStateContract<S extends MergeableState<S>> {

    /** A fresh, empty state. */
    protected abstract S empty();

    /** Adds a batch of random observations drawn from {@code random}. */
    protected abstract void addRandom(S state, Random random);

    /** Inverts {@link MergeableState#toBytes()}. */
    protected abstract S fromBytes(byte[] bytes);

    /** Asserts that two states give the same observable results. */
    protected abstract void assertEquivalent(S actual, S expected);

    private S randomState(long seed) {
        S state = empty();
        addRandom(state, new Random(seed));
        return state;
    }

    private static <S extends MergeableState<S>> S merged(S first, List<S> rest) {
        S acc = first.copy();
        rest.forEach(acc::merge);
        return acc;
    }

    @Test
    void emptyStateIsEmptyAndRoundTrips() {
        S empty = empty();
        assertThat(empty.isEmpty()).isTrue();
        S decoded = fromBytes(empty.toBytes());
        assertThat(decoded.isEmpty()).isTrue();
        assertEquivalent(decoded, empty);
    }

    @Test
    void filledStateIsNotEmpty() {
        assertThat(randomState(1).isEmpty()).isFalse();
    }

    @RepeatedTest(5)
    void serializationRoundTrips() {
        S state = randomState(System.nanoTime());
        S decoded = fromBytes(state.toBytes());
        assertEquivalent(decoded, state);
        assertThat(decoded.toBytes()).isEqualTo(state.toBytes());
    }

    @Test
    void encodingStartsWithAVersionByte() {
        assertThat(randomState(2).toBytes()[0]).isPositive();
    }

    @RepeatedTest(5)
    void mergeIsCommutative() {
        long seed = System.nanoTime();
        S a = randomState(seed);
        S b = randomState(seed + 1);
        assertEquivalent(merged(a, List.of(b)), merged(b, List.of(a)));
    }

    @RepeatedTest(5)
    void mergeIsAssociative() {
        long seed = System.nanoTime();
        S a = randomState(seed);
        S b = randomState(seed + 1);
        S c = randomState(seed + 2);
        S left = merged(merged(a, List.of(b)), List.of(c));
        S bc = merged(b, List.of(c));
        S right = merged(a, List.of(bc));
        assertEquivalent(left, right);
    }

    @Test
    void mergingEmptyChangesNothing() {
        S a = randomState(3);
        assertEquivalent(merged(a, List.of(empty())), a);
        assertEquivalent(merged(empty(), List.of(a)), a);
    }

    @Test
    void mergeDoesNotChangeItsArgument() {
        S a = randomState(4);
        S b = randomState(5);
        byte[] before = b.toBytes();
        a.merge(b);
        assertThat(b.toBytes()).isEqualTo(before);
    }

    @Test
    void copyIsIndependent() {
        S a = randomState(6);
        byte[] before = a.toBytes();
        S copy = a.copy();
        addRandom(copy, new Random(7));
        assertThat(a.toBytes()).isEqualTo(before);
    }

    @Test
    void splittingAndMergingEqualsOneState() {
        // Feeding the same data into one state, or into two and merging, gives the same results.
        S whole = empty();
        addRandom(whole, new Random(8));
        addRandom(whole, new Random(9));
        S first = randomState(8);
        S second = randomState(9);
        first.merge(second);
        assertEquivalent(first, whole);
    }
}
