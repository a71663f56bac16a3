package io.driftwatch.flink.drift;

import java.io.Serializable;
import java.util.Collection;

/**
 * Loads the stored baselines when the window operator opens (in production: the ClickHouse
 * {@code BaselineStore}'s {@code loadAll()}, adapted to {@link BaselineUpdate}s). Called once per parallel
 * instance in {@code open()}; broadcast {@link BaselineUpdate}s then override what it returned.
 */
@FunctionalInterface
public interface BaselineLoader extends Serializable {

    /** No stored baselines: every model uses its rolling baseline. */
    BaselineLoader NONE = java.util.List::of;

    Collection<BaselineUpdate> loadAll() throws Exception;
}
