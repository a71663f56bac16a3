package io.driftwatch.detectors.drift.numeric;

import io.driftwatch.detectors.drift.DriftTestId;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Immutable lookup of the exact numeric drift tests by id. */
public final class NumericDriftTests {

    private static final Map<DriftTestId, NumericDriftTest> BY_ID = Map.copyOf(Stream.of(
                    new KolmogorovSmirnovTest(),
                    new CramerVonMisesTest(),
                    new AndersonDarlingTest(),
                    new MannWhitneyTest(),
                    new WelchTTest(),
                    new EnergyDistanceTest(),
                    new WassersteinRawTest(),
                    new WassersteinNormedTest(),
                    new MmdTest())
            .collect(Collectors.toMap(NumericDriftTest::id, Function.identity(), (a, b) -> {
                throw new IllegalStateException("duplicate test id " + a.id());
            }, () -> new EnumMap<>(DriftTestId.class))));

    private NumericDriftTests() {}

    /**
     * The test for {@code id}.
     *
     * @throws IllegalArgumentException if {@code id} is not a test on raw numeric values (e.g. {@code psi},
     *                                  {@code chisquare}, which work on binned or categorical data)
     */
    public static NumericDriftTest of(DriftTestId id) {
        NumericDriftTest test = BY_ID.get(id);
        if (test == null) {
            throw new IllegalArgumentException("'" + id.id() + "' is not a numeric raw-value drift test; supported: "
                    + supported().stream().map(DriftTestId::id).sorted().toList());
        }
        return test;
    }

    /** Ids that {@link #of} accepts. */
    public static Set<DriftTestId> supported() {
        return BY_ID.keySet();
    }
}
