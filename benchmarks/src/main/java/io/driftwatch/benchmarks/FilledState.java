package io.driftwatch.benchmarks;

import io.driftwatch.detectors.performance.BinaryClassificationAccumulator;
import io.driftwatch.detectors.sketch.BinCounts;
import io.driftwatch.detectors.sketch.CategoryCounts;
import io.driftwatch.detectors.sketch.LatencySketch;
import io.driftwatch.detectors.sketch.Moments;
import io.driftwatch.detectors.sketch.NumericWindowState;
import io.driftwatch.detectors.sketch.QuantileSketch;
import io.driftwatch.detectors.state.MergeableState;
import java.util.function.Function;

/**
 * The mergeable states of the merge and serialization benchmarks, each filled with
 * {@link BenchmarkData#FILLED_VALUES} seeded values, with the matching {@code fromBytes}.
 */
public enum FilledState {
    NUMERIC_WINDOW_STATE(NumericWindowState::fromBytes) {
        @Override
        MergeableState<?> filled(long seed) {
            NumericWindowState state = new NumericWindowState(BenchmarkData.standardNormalDecileEdges(), -5.0, 5.0);
            for (double v : normals(seed)) {
                state.add(v);
            }
            return state;
        }
    },
    QUANTILE_SKETCH(QuantileSketch::fromBytes) {
        @Override
        MergeableState<?> filled(long seed) {
            QuantileSketch sketch = new QuantileSketch();
            for (double v : normals(seed)) {
                sketch.add(v);
            }
            return sketch;
        }
    },
    LATENCY_SKETCH(LatencySketch::fromBytes) {
        @Override
        MergeableState<?> filled(long seed) {
            LatencySketch sketch = new LatencySketch();
            for (double v : BenchmarkData.latencies(BenchmarkData.FILLED_VALUES, seed)) {
                sketch.add(v);
            }
            return sketch;
        }
    },
    BINARY_CLASSIFICATION(BinaryClassificationAccumulator::fromBytes) {
        @Override
        MergeableState<?> filled(long seed) {
            BinaryClassificationAccumulator accumulator =
                    new BinaryClassificationAccumulator(BenchmarkData.CLASSIFICATION_THRESHOLD);
            double[] scores = BenchmarkData.scores(BenchmarkData.FILLED_VALUES, seed);
            int[] labels = BenchmarkData.labels(scores, seed + 1);
            for (int i = 0; i < scores.length; i++) {
                accumulator.add(scores[i], labels[i]);
            }
            return accumulator;
        }
    },
    BIN_COUNTS(BinCounts::fromBytes) {
        @Override
        MergeableState<?> filled(long seed) {
            BinCounts bins = new BinCounts(BenchmarkData.standardNormalDecileEdges());
            for (double v : normals(seed)) {
                bins.add(v);
            }
            return bins;
        }
    },
    MOMENTS(Moments::fromBytes) {
        @Override
        MergeableState<?> filled(long seed) {
            Moments moments = new Moments();
            for (double v : normals(seed)) {
                moments.add(v);
            }
            return moments;
        }
    },
    CATEGORY_COUNTS(CategoryCounts::fromBytes) {
        @Override
        MergeableState<?> filled(long seed) {
            CategoryCounts counts = new CategoryCounts();
            for (String category : BenchmarkData.categories(BenchmarkData.FILLED_VALUES, seed)) {
                counts.add(category);
            }
            return counts;
        }
    };

    private final Function<byte[], MergeableState<?>> decoder;

    FilledState(Function<byte[], MergeableState<?>> decoder) {
        this.decoder = decoder;
    }

    /** A state of this kind holding {@link BenchmarkData#FILLED_VALUES} values drawn with {@code seed}. */
    abstract MergeableState<?> filled(long seed);

    /** This kind's {@code fromBytes}. */
    MergeableState<?> fromBytes(byte[] bytes) {
        return decoder.apply(bytes);
    }

    /** {@code target.merge(source)}; both must be of the same kind. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void merge(MergeableState target, MergeableState source) {
        target.merge(source);
    }

    private static double[] normals(long seed) {
        return BenchmarkData.normals(BenchmarkData.FILLED_VALUES, 0.0, seed);
    }
}
