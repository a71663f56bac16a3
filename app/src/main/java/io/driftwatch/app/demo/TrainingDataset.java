package io.driftwatch.app.demo;

import io.driftwatch.schemas.events.FeatureValue;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Reference (training) data: rows of a model's pre-drift feature distribution, the same distribution
 * {@link TrafficGenerator} sends before the drift start (all segments mixed in their traffic shares). As a CSV with a
 * header (for {@code ./driftwatch baseline --input train.csv}) or as in-memory columns; the same seed gives the same
 * rows either way.
 *
 * <p>CSV: comma separated, one header line of feature names, numbers in plain decimal notation (integral values
 * without a fraction), booleans as {@code true}/{@code false}; no cell needs quoting (categories are simple words).
 */
public final class TrainingDataset {

    /** Mixed into the traffic seed so that the training rows are not the traffic's first rows. */
    private static final long TRAINING_SEED_SALT = 0x7EA1_DA7A_5EED_0001L;

    private TrainingDataset() {}

    /** Seed of the training set that belongs to traffic with seed {@code trafficSeed}. */
    public static long trainingSeed(long trafficSeed) {
        return trafficSeed ^ TRAINING_SEED_SALT;
    }

    /**
     * Writes {@code rows} pre-drift rows of {@code model} to {@code file} (created or replaced).
     *
     * @throws IllegalArgumentException when {@code rows < 1}
     * @throws UncheckedIOException     when the file cannot be written
     */
    public static void writeCsv(Path file, DemoModel model, int rows, long seed) {
        requireRows(rows);
        ModelSimulator simulator = simulator(model);
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", simulator.featureNames()));
            out.newLine();
            for (int row = 0; row < rows; row++) {
                List<String> cells = new ArrayList<>();
                for (FeatureValue value : simulator.simulate(random, false).features().values()) {
                    cells.add(cell(value));
                }
                out.write(String.join(",", cells));
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write training CSV " + file, e);
        }
    }

    /** The same rows as {@link #writeCsv} with equal arguments, by column. */
    public static TrainingColumns columns(DemoModel model, int rows, long seed) {
        requireRows(rows);
        ModelSimulator simulator = simulator(model);
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, List<String>> categorical = new LinkedHashMap<>();
        for (int row = 0; row < rows; row++) {
            for (Map.Entry<String, FeatureValue> feature : simulator.simulate(random, false).features().entrySet()) {
                if (feature.getValue() instanceof FeatureValue.Num num) {
                    numeric.computeIfAbsent(feature.getKey(), name -> new double[rows])[row] = num.value();
                } else {
                    categorical.computeIfAbsent(feature.getKey(), name -> new ArrayList<>(rows)).add(cell(feature.getValue()));
                }
            }
        }
        return new TrainingColumns(simulator.featureNames(), numeric, categorical);
    }

    static ModelSimulator simulator(DemoModel model) {
        return model == DemoModel.FRAUD ? new FraudSimulator(DriftOptions.none()) : new CreditSimulator();
    }

    /** A feature value as CSV text (also the text form of categorical columns). */
    static String cell(FeatureValue value) {
        if (value instanceof FeatureValue.Num num) {
            return BigDecimal.valueOf(num.value()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof FeatureValue.Str str) {
            return str.value();
        }
        if (value instanceof FeatureValue.Bool bool) {
            return Boolean.toString(bool.value());
        }
        return "";
    }

    private static void requireRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("training rows must be >= 1, got " + rows);
        }
    }
}
