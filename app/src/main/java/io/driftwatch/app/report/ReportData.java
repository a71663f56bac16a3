package io.driftwatch.app.report;

import java.time.Instant;
import java.util.List;

/** Everything a report shows, as read from ClickHouse. Lists are in display order. */
public record ReportData(ReportRequest request, long predictions, List<DriftSummary> drift,
                        List<StatisticSeries> statistics, List<ReferenceHistogram> references,
                        LatencySeries latency, List<QualityRates> quality, LabelData labels) {

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

    /** What needs labels or alerting: the reliability diagram, calibration over time, alert events. */
    public record LabelData(List<ReliabilityBin> reliability, CalibrationSeries calibration, List<AlertEvent> alerts) {

        /** No labels and no alerts in the range. */
        public static final LabelData NONE = new LabelData(List.of(),
                new CalibrationSeries(List.of(), List.of(), List.of(), List.of(), List.of()), List.of());

        public LabelData {
            reliability = List.copyOf(reliability);
            alerts = List.copyOf(alerts);
        }
    }

    /** One score bin of the reliability diagram over the range, weighted by labelled predictions. */
    public record ReliabilityBin(int bin, double lower, double upper, long labelled, double meanPredicted,
                                 double fractionPositive) {
    }

    /**
     * Per prediction-time window: label coverage, and ECE, Brier score and ROC AUC (the worst version per window).
     * Values are null where the window has no labels (a gap in the chart), hence boxed.
     */
    public record CalibrationSeries(List<Instant> windows, List<Double> coverage, List<Double> ece,
                                    List<Double> brier, List<Double> rocAuc) {
        public CalibrationSeries {
            windows = List.copyOf(windows);
            coverage = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(coverage));
            ece = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(ece));
            brier = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(brier));
            rocAuc = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rocAuc));
        }
    }

    /** An alert event of the model (fired, reminder or resolved) with the value behind it. */
    public record AlertEvent(Instant windowEnd, String kind, String severity, String rule, String modelVersion,
                             String feature, String metric, String valueName, double value, double threshold,
                             String summary, String runbookUrl) {
    }
}
