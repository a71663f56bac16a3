package io.driftwatch.app.report;

import java.time.Instant;
import java.util.List;

/** Everything a report shows, as read from ClickHouse. Lists are in display order. */
public record ReportData(ReportRequest request, long predictions, List<DriftSummary> drift,
                        List<StatisticSeries> statistics, List<ReferenceHistogram> references,
                        LatencySeries latency, List<QualityRates> quality) {

    public ReportData {
        drift = List.copyOf(drift);
        statistics = List.copyOf(statistics);
        references = List.copyOf(references);
        quality = List.copyOf(quality);
    }

    /**
     * One feature and test over the range: its latest window's statistic, p-value (NaN for distance tests),
     * threshold and decision, and how many windows drifted.
     */
    public record DriftSummary(String feature, String test, Instant latestWindow, double statistic, double pValue,
                               double threshold, boolean drift, long driftingWindows, long windows) {
    }

    /** A distance test's statistic and threshold per window of one feature (the worst version per window). */
    public record StatisticSeries(String feature, String test, List<Instant> windows, List<Double> statistic,
                                  List<Double> threshold) {
        public StatisticSeries {
            windows = List.copyOf(windows);
            statistic = List.copyOf(statistic);
            threshold = List.copyOf(threshold);
        }
    }

    /** The training baseline's histogram of one feature: bin (or category) labels and counts. */
    public record ReferenceHistogram(String feature, String modelVersion, List<String> labels, List<Long> counts) {
        public ReferenceHistogram {
            labels = List.copyOf(labels);
            counts = List.copyOf(counts);
        }
    }

    /** Window latency quantiles in ms (the worst version per window). */
    public record LatencySeries(List<Instant> windows, List<Double> p50, List<Double> p95, List<Double> p99) {
        public LatencySeries {
            windows = List.copyOf(windows);
            p50 = List.copyOf(p50);
            p95 = List.copyOf(p95);
            p99 = List.copyOf(p99);
        }
    }

    /** Issue rates of one feature over the range (issue count / observations). */
    public record QualityRates(String feature, long observations, double nullRate, double nanRate,
                               double infiniteRate, double outOfRangeRate, double unseenCategoryRate,
                               double typeMismatchRate) {
    }
}
