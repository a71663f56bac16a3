package io.driftwatch.app.demo;

import io.driftwatch.app.csv.CsvTable;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.binned.HistogramDivergence;
import io.driftwatch.detectors.drift.categorical.CategoricalDriftTests;
import io.driftwatch.detectors.drift.numeric.NumericDriftTests;
import io.driftwatch.detectors.profile.BinEdges;
import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.schemas.events.FeatureValue;
import io.driftwatch.schemas.events.PredictionEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The features of a set of rows (from a CSV or from events), by column: numbers or category counts, and their
 * comparison with Driftwatch's own tests (KS or chi-square p-value, decile PSI or category PSI).
 */
final class FeatureSample {

    /** One feature's comparison. */
    record Comparison(String feature, double pValue, double psi) {}

    private final Map<String, double[]> numeric = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> categorical = new LinkedHashMap<>();
    private final int size;

    private FeatureSample(int size) {
        this.size = size;
    }

    int size() {
        return size;
    }

    /** The first {@code limit} CSV rows whose {@code filterColumn} equals {@code filterValue} (all rows if null). */
    static FeatureSample fromCsv(CsvTable table, String filterColumn, String filterValue, int limit) {
        List<Integer> rows = new ArrayList<>();
        String[] filter = filterColumn == null ? null : table.requiredStrings(filterColumn);
        for (int row = 0; row < table.rowCount() && rows.size() < limit; row++) {
            if (filter == null || filter[row].equals(filterValue)) {
                rows.add(row);
            }
        }
        FeatureSample sample = new FeatureSample(rows.size());
        for (String column : table.header()) {
            if (table.isNumeric(column)) {
                double[] all = table.requiredNumbers(column);
                sample.numeric.put(column, rows.stream().mapToDouble(r -> all[r]).toArray());
            } else {
                String[] all = table.requiredStrings(column);
                Map<String, Long> counts = new TreeMap<>();
                rows.forEach(r -> counts.merge(all[r], 1L, Long::sum));
                sample.categorical.put(column, counts);
            }
        }
        return sample;
    }

    /** The features of the first {@code limit} events that pass {@code filter}. */
    static FeatureSample fromEvents(List<PredictionEvent> events, Predicate<PredictionEvent> filter, int limit) {
        List<PredictionEvent> chosen = events.stream().filter(filter).limit(limit).toList();
        FeatureSample sample = new FeatureSample(chosen.size());
        if (chosen.isEmpty()) {
            return sample;
        }
        for (String feature : chosen.get(0).features().keySet()) {
            if (chosen.get(0).features().get(feature) instanceof FeatureValue.Num) {
                sample.numeric.put(feature, chosen.stream()
                        .mapToDouble(e -> ((FeatureValue.Num) e.features().get(feature)).value()).toArray());
            } else {
                Map<String, Long> counts = new TreeMap<>();
                chosen.forEach(e -> counts.merge(TrainingDataset.cell(e.features().get(feature)), 1L, Long::sum));
                sample.categorical.put(feature, counts);
            }
        }
        return sample;
    }

    /** Every feature of this (reference) sample compared with the same feature of {@code current}. */
    List<Comparison> compareTo(FeatureSample current) {
        List<Comparison> comparisons = new ArrayList<>();
        numeric.forEach((feature, reference) -> {
            double[] values = current.numeric.get(feature);
            if (values == null) {
                throw new AssertionError("current sample has no numeric feature " + feature);
            }
            BinEdges deciles = Binning.deciles().edgesFor(reference);
            double psi = HistogramDivergence.of(DriftTestId.PSI).distance(deciles.histogram(reference),
                    deciles.histogram(values));
            double p = NumericDriftTests.of(DriftTestId.KS).test(reference, values).pValue();
            comparisons.add(new Comparison(feature, p, psi));
        });
        categorical.forEach((feature, reference) -> {
            Map<String, Long> counts = current.categorical.get(feature);
            if (counts == null) {
                throw new AssertionError("current sample has no categorical feature " + feature);
            }
            double p = CategoricalDriftTests.test(DriftTestId.CHI_SQUARE, reference, counts).pValue();
            double psi = CategoricalDriftTests.test(DriftTestId.PSI, reference, counts).statistic();
            comparisons.add(new Comparison(feature, p, psi));
        });
        return comparisons;
    }

    double[] numbers(String feature) {
        return numeric.get(feature).clone();
    }
}
