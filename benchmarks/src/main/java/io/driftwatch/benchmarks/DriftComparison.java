package io.driftwatch.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
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
 * single-threaded and with the columns spread over {@code --threads} threads, each {@code --repeats} times,
 * keeping the fastest run (as the scipy script does with its own {@code --repeats}): on a shared machine the
 * minimum is the least disturbed measurement.
 *
 * <p>Usage: {@code DriftComparison --data DIR --scipy-json FILE [--threads N] [--repeats N]}; exits with
 * status 1 when a value is outside its tolerance.
 */
public final class DriftComparison {

    private static final double NANOS_PER_SECOND = 1e9;
    /** Process CPU time (all threads, GC and JIT included), as Python's {@code time.process_time()}. */
    private static final OperatingSystemMXBean PROCESS =
            ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private static final String USAGE = "usage: --data DIR --scipy-json FILE [--threads N >= 1] [--repeats N >= 1]";

    private final double[][] reference;
    private final double[][] current;
    private final ScipyBaseline scipy;
    private final int threads;
    private final int repeats;
    private final ExactDriftPath exact = new ExactDriftPath();
    private final StreamingDriftPath streaming = new StreamingDriftPath();

    private DriftComparison(double[][] reference, double[][] current, ScipyBaseline scipy, int threads,
                            int repeats) {
        this.reference = reference;
        this.current = current;
        this.scipy = scipy;
        this.threads = threads;
        this.repeats = repeats;
    }

    public static void main(String[] args) throws Exception {
        Path data = null;
        Path json = null;
        int threads = Runtime.getRuntime().availableProcessors();
        int repeats = 1;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--scipy-json" -> json = Path.of(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (data == null || json == null || threads < 1 || repeats < 1) {
            throw new IllegalArgumentException(USAGE);
        }
        ScipyBaseline scipy = ScipyBaseline.read(json);
        DriftComparison comparison = new DriftComparison(
                ColumnData.read(data.resolve("reference.f64"), scipy.rows(), scipy.cols()),
                ColumnData.read(data.resolve("current.f64"), scipy.rows(), scipy.cols()), scipy, threads, repeats);
        System.exit(comparison.run() ? 0 : 1);
    }

    private boolean run() throws InterruptedException, ExecutionException {
        int cols = scipy.cols();
        System.out.printf(Locale.ROOT, "%d rows x %d columns, %d processors, timed single-threaded and on %d threads,"
                + " fastest of %d%n", scipy.rows(), cols, Runtime.getRuntime().availableProcessors(), threads, repeats);

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

        System.out.printf(Locale.ROOT, "%nscipy/numpy (statistics only, single-threaded, its fastest run): %.3f s wall,"
                + " %.3f s CPU%n", scipy.seconds(), scipy.cpuSeconds());
        Report.ratio("exact, 1 thread", scipy, exactSingle.seconds(), exactSingle.cpuSeconds());
        Report.ratio("exact, " + threads + " threads", scipy, exactParallel.seconds(), exactParallel.cpuSeconds());
        Report.ratio("streaming (profile + window), 1 thread", scipy,
                profilesSingle.seconds() + windowsSingle.seconds(),
                profilesSingle.cpuSeconds() + windowsSingle.cpuSeconds());
        Report.ratio("streaming (profile + window), " + threads + " threads", scipy,
                profilesParallel.seconds() + windowsParallel.seconds(),
                profilesParallel.cpuSeconds() + windowsParallel.cpuSeconds());
        Report.ratio("streaming window only (profile stored), 1 thread", scipy, windowsSingle.seconds(),
                windowsSingle.cpuSeconds());
        Report.ratio("streaming window only (profile stored), " + threads + " threads", scipy,
                windowsParallel.seconds(), windowsParallel.cpuSeconds());
        boolean ok = Agreement.allOk(exactRows) && Agreement.allOk(streamingRows);
        System.out.println(ok ? "AGREEMENT OK" : "AGREEMENT FAILED");
        return ok;
    }

    /** Results per column, and the wall-clock and process CPU seconds it took to compute all of them. */
    private record Timed<T>(List<T> values, double seconds, double cpuSeconds) {}

    /** The fastest of {@link #repeats} runs of {@code task} on all columns, with that run's results. */
    private <T> Timed<T> time(int threadCount, IntFunction<T> task) throws InterruptedException, ExecutionException {
        Timed<T> fastest = null;
        double fastestCpu = Double.POSITIVE_INFINITY;
        for (int run = 0; run < repeats; run++) {
            long cpuStart = PROCESS.getProcessCpuTime();
            long start = System.nanoTime();
            List<T> values = perColumn(threadCount, task);
            double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
            fastestCpu = Math.min(fastestCpu, (PROCESS.getProcessCpuTime() - cpuStart) / NANOS_PER_SECOND);
            if (fastest == null || seconds < fastest.seconds()) {
                fastest = new Timed<>(values, seconds, 0.0);
            }
        }
        return new Timed<>(fastest.values(), fastest.seconds(), fastestCpu);
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
