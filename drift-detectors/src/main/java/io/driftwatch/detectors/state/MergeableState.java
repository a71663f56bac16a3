package io.driftwatch.detectors.state;

/**
 * State that can be split across windows and parallel instances and combined again: the contract every
 * sketch and accumulator in Driftwatch implements. {@code merge} must be associative and commutative, and
 * merging with an empty state must change nothing. Self-typed so each implementation merges only with
 * its own kind.
 *
 * <p>Each implementation also offers a static {@code fromBytes(byte[])} that inverts {@link #toBytes()};
 * the first byte of the encoding is a format version.
 *
 * @param <S> the implementing type
 */
public interface MergeableState<S extends MergeableState<S>> {

    /** Adds everything {@code other} has seen into this state; {@code other} is not changed. */
    void merge(S other);

    /** An independent deep copy. */
    S copy();

    /** A compact, versioned binary encoding. */
    byte[] toBytes();

    /** True when nothing has been added. */
    boolean isEmpty();
}
