package io.driftwatch.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Side-by-side with {@code scipy_drift_baseline.py}: reads its data files and JSON, computes the same four
 * statistics per column on the exact and the streaming path, checks agreement with scipy, and prints
 * {@code scipy_seconds / java_seconds} per path. Each path runs once unmeasured (JIT warm-up), then is timed
 * single-threaded and with the columns spread over {@code --threads} threads.
 *
 * <p>Usage: {@code DriftComparison --data DIR --scipy-json FILE [--threads N]}; exits with status 1 when a
 * value is outside its tolerance.
 */
public final class DriftComparison {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double[][] reference;
    private final double[][] current;
    private final ScipyBaseline scipy;
    private final int threads;
    private final ExactDriftPath exact = new ExactDriftPath();
    private final StreamingDriftPath streaming = new StreamingDriftPath();

    private DriftComparison(double[][] reference, double[][] current, ScipyBaseline scipy, int threads) {
        this.reference = reference;
        this.current = current;
        this.scipy = scipy;
        this.threads = threads;
    }

    public static void main(String[] args) throws Exception {
        Path data = null;
        Path json = null;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--scipy-json" -> json = Path.of(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: --data DIR --scipy-json FILE [--threads N]");
            }
        }
        if (data == null || json == null || threads < 1) {
            throw new IllegalArgumentException("usage: --data DIR --scipy-json FILE [--threads N >= 1]");
        }
        ScipyBaseline scipy = ScipyBaseline.read(json);
        DriftComparison comparison = new DriftComparison(
                ColumnData.read(data.resolve("reference.f64"), scipy.rows(), scipy.cols()),
                ColumnData.read(data.resolve("current.f64"), scipy.rows(), scipy.cols()), scipy, threads);
        System.exit(comparison.run() ? 0 : 1);
    }

    private boolean run() throws InterruptedException, ExecutionException {
        int cols = scipy.cols();
        System.out.printf(Locale.ROOT, "%d rows x %d columns, %d processors, timed single-threaded and on %d threads%n",
                scipy.rows(), cols, Runtime.getRuntime().availableProcessors(), threads);

        // Warm-up: every path once on all columns, unmeasured.
        perColumn(threads, c -> exact.compute(reference[c], current[c]));
        List<StreamingDriftPath.Profile> warmProfiles = perColumn(threads, c -> streaming.profile(reference[c]));
        perColumn(threads, c -> streaming.window(warmProfiles.get(c), current[c]));

        Timed<ColumnStatistics> exactSingle = time(1, c -> exact.compute(reference[c], current[c]));
        Timed<ColumnStatistics> exactParallel = time(threads, c -> exact.compute(reference[c], current[c]));
        Timed<StreamingDriftPath.Profile> profilesSingle = time(1, c -> streaming.profile(reference[c]));
        Timed<ColumnStatistics> windowsSingle =
                time(1, c -> streaming.window(profilesSingle.values().get(c), current[c]));
        Timed<StreamingDriftPath.Profile> profilesParallel = time(threads, c -> streaming.profile(reference[c]));
        Timed<ColumnStatistics> windowsParallel =
                time(threads, c -> streaming.window(profilesParallel.values().get(c), current[c]));

        List<Agreement.Row> exactRows = new ArrayList<>();
        List<Agreement.Row> streamingRows = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            ColumnStatistics expected = scipy.columns().get(c).asStatistics();
            exactRows.add(Agreement.exact(c, expected, exactSingle.values().get(c)));
            streamingRows.add(Agreement.streaming(c, expected, windowsSingle.values().get(c)));
        }
        Report.values(scipy, exactSingle.values(), windowsSingle.values());
        Report.agreement("exact path (relative differences; KS p-value relative)", exactRows);
        Report.agreement("streaming path (KS and Wasserstein: |difference| / error bound; PSI, JS relative)",
                streamingRows);

        double scipySeconds = scipy.seconds();
        System.out.printf(Locale.ROOT, "%nscipy/numpy (statistics only, single-threaded): %.3f s%n", scipySeconds);
        Report.ratio("exact, 1 thread", scipySeconds, exactSingle.seconds());
        Report.ratio("exact, " + threads + " threads", scipySeconds, exactParallel.seconds());
        Report.ratio("streaming (profile + window), 1 thread", scipySeconds,
                profilesSingle.seconds() + windowsSingle.seconds());
        Report.ratio("streaming (profile + window), " + threads + " threads", scipySeconds,
                profilesParallel.seconds() + windowsParallel.seconds());
        Report.ratio("streaming window only (profile stored), 1 thread", scipySeconds, windowsSingle.seconds());
        Report.ratio("streaming window only (profile stored), " + threads + " threads", scipySeconds,
                windowsParallel.seconds());
        boolean ok = Agreement.allOk(exactRows) && Agreement.allOk(streamingRows);
        System.out.println(ok ? "AGREEMENT OK" : "AGREEMENT FAILED");
        return ok;
    }

    /** Results per column and the wall-clock seconds it took to compute all of them. */
    private record Timed<T>(List<T> values, double seconds) {}

    private <T> Timed<T> time(int threadCount, IntFunction<T> task) throws InterruptedException, ExecutionException {
        long start = System.nanoTime();
        List<T> values = perColumn(threadCount, task);
        return new Timed<>(values, (System.nanoTime() - start) / NANOS_PER_SECOND);
    }

    /** {@code task} for every column, in column order; on the calling thread when {@code threadCount == 1}. */
    private <T> List<T> perColumn(int threadCount, IntFunction<T> task) throws InterruptedException,
            ExecutionException {
        int cols = scipy.cols();
        List<T> values = new ArrayList<>(cols);
        if (threadCount == 1) {
            for (int c = 0; c < cols; c++) {
                values.add(task.apply(c));
            }
            return values;
        }
        ExecutorService executor = Executors.newFixedThreadPool(threadCount);
        try {
            List<Future<T>> futures = new ArrayList<>(cols);
            for (int c = 0; c < cols; c++) {
                int column = c;
                futures.add(executor.submit(() -> task.apply(column)));
            }
            for (Future<T> future : futures) {
                values.add(future.get());
            }
            return values;
        } finally {
            executor.shutdown();
        }
    }
}
