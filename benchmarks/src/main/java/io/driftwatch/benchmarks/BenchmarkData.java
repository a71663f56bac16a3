package io.driftwatch.benchmarks;

import java.util.SplittableRandom;

/** Seeded inputs shared by the benchmarks, so every run measures the same data. */
final class BenchmarkData {

    /** Seed of every generated input. */
    static final long SEED = 20_261_124L;
    /** Length of the cyclic input buffers of the add benchmarks: a power of two, so indexing is a mask. */
    static final int BUFFER_SIZE = 1 << 16;
    /** Index mask for {@link #BUFFER_SIZE}. */
    static final int BUFFER_MASK = BUFFER_SIZE - 1;
    /** Values per filled state in the merge, serialization and statistic benchmarks (the 10k). */
    static final int FILLED_VALUES = 10_000;
    /** Distinct categories of the categorical inputs: well under CategoryCounts' default cap of 256. */
    static final int CATEGORIES = 50;
    /** Decision threshold of the classification accumulators. */
    static final double CLASSIFICATION_THRESHOLD = 0.5;
    /** Log-normal sigma of the latency inputs (a right-skewed, latency-like shape). */
    private static final double LATENCY_SIGMA = 0.5;
    /** Mean shift of the "current" side of the statistic benchmarks, so they see some drift. */
    static final double CURRENT_SHIFT = 0.25;

    private BenchmarkData() {}

    /** {@code n} standard normal values shifted by {@code shift}. */
    static double[] normals(int n, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = shift + gaussian(random);
        }
        return values;
    }

    /** {@code n} log-normal latencies (median 1). */
    static double[] latencies(int n, long seed) {
        double[] values = normals(n, 0.0, seed);
        for (int i = 0; i < n; i++) {
            values[i] = Math.exp(LATENCY_SIGMA * values[i]);
        }
        return values;
    }

    /** {@code n} scores uniform in [0, 1). */
    static double[] scores(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble();
        }
        return values;
    }

    /** Labels drawn as Bernoulli(score), so the scores are calibrated. */
    static int[] labels(double[] scores, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] labels = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            labels[i] = random.nextDouble() < scores[i] ? 1 : 0;
        }
        return labels;
    }

    /** {@code n} category names out of {@link #CATEGORIES}, skewed towards low indices. */
    static String[] categories(int n, long seed) {
        String[] names = new String[CATEGORIES];
        for (int i = 0; i < CATEGORIES; i++) {
            names[i] = "category-" + i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            values[i] = names[(int) (u * u * CATEGORIES)];
        }
        return values;
    }

    /** Interior decile edges of a standard normal (scipy.stats.norm.ppf(0.1 .. 0.9)): 10 reference bins. */
    static double[] standardNormalDecileEdges() {
        return new double[] {-1.2815515655446004, -0.8416212335729142, -0.5244005127080407,
            -0.2533471031357997, 0.0, 0.2533471031357997, 0.5244005127080407, 0.8416212335729142,
            1.2815515655446004};
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; one of the pair is enough for benchmark inputs.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
