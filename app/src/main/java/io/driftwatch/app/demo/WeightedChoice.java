package io.driftwatch.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Draws one of a fixed set of values with given weights (need not sum to 1). Immutable; iteration order of
 * the map given to {@link #of} fixes which value each uniform draw maps to, so pass an ordered map
 * ({@link java.util.EnumMap}, {@link java.util.LinkedHashMap}) for determinism.
 */
final class WeightedChoice<T> {

    private final List<T> values;
    private final double[] cumulative;

    private WeightedChoice(List<T> values, double[] cumulative) {
        this.values = values;
        this.cumulative = cumulative;
    }

    /**
     * @throws IllegalArgumentException when empty, when a weight is negative or not finite, or when all are 0
     */
    static <T> WeightedChoice<T> of(Map<T, Double> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("weights must not be empty");
        }
        List<T> values = new ArrayList<>(weights.size());
        double[] cumulative = new double[weights.size()];
        double total = 0;
        for (Map.Entry<T, Double> entry : weights.entrySet()) {
            double weight = entry.getValue();
            if (!(weight >= 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight of " + entry.getKey() + " must be finite and >= 0, got " + weight);
            }
            total += weight;
            cumulative[values.size()] = total;
            values.add(entry.getKey());
        }
        if (total <= 0) {
            throw new IllegalArgumentException("weights must not all be 0: " + weights);
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
        return new WeightedChoice<>(List.copyOf(values), cumulative);
    }

    T draw(RandomGenerator random) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
