package io.driftwatch.app.demo;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Label delay as a mixture of exponential distributions: most labels within hours, a tail over days.
 *
 * @param components the mixture's components; weights need not sum to 1 (they are normalised)
 */
public record LabelDelayMixture(List<Component> components) {

    /**
     * One exponential component.
     *
     * @param weight relative weight, finite and {@code >= 0}
     * @param mean   mean delay, positive
     */
    public record Component(double weight, Duration mean) {
        public Component {
            if (!(weight >= 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("component weight must be finite and >= 0, got " + weight);
            }
            if (mean == null || mean.isNegative() || mean.isZero()) {
                throw new IllegalArgumentException("component mean delay must be positive, got " + mean);
            }
        }
    }

    public LabelDelayMixture {
        if (components == null || components.isEmpty()) {
            throw new IllegalArgumentException("a label delay mixture needs at least one component");
        }
        components = List.copyOf(components);
        if (components.stream().mapToDouble(Component::weight).sum() <= 0) {
            throw new IllegalArgumentException("label delay component weights must not all be 0");
        }
    }

    /** 80% of labels after 2 h on average, 20% after 3 days on average (e.g. chargebacks): mean 16 h. */
    public static LabelDelayMixture defaults() {
        return new LabelDelayMixture(List.of(new Component(0.8, Duration.ofHours(2)),
                new Component(0.2, Duration.ofDays(3))));
    }

    /** Mean delay of the mixture in milliseconds. */
    public double meanMillis() {
        double total = components.stream().mapToDouble(Component::weight).sum();
        return components.stream().mapToDouble(c -> c.weight() / total * c.mean().toMillis()).sum();
    }

    /** One delay in whole milliseconds ({@code >= 0}). */
    long drawMillis(RandomGenerator random) {
        double total = components.stream().mapToDouble(Component::weight).sum();
        double u = random.nextDouble() * total;
        Component chosen = components.get(components.size() - 1);
        for (Component component : components) {
            u -= component.weight();
            if (u < 0) {
                chosen = component;
                break;
            }
        }
        return Math.round(random.nextExponential() * chosen.mean().toMillis());
    }
}
