package io.driftwatch.detectors.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class KolmogorovDistributionTest {

    /** Relative agreement with scipy's kstwobign (stricter than the house rule's 1e-6 for p-values). */
    private static final double RELATIVE = 1e-9;

    record Table(double[] t, double[] sf, double[] alpha, double[] isf) {}

    private static Table table() throws IOException {
        try (InputStream in = KolmogorovDistributionTest.class.getResourceAsStream("/reference/sketch_kolmogorov.json")) {
            return new ObjectMapper().readValue(in, Table.class);
        }
    }

    @Test
    void survivalMatchesScipyKstwobignIncludingTheFarTail() throws IOException {
        Table table = table();
        for (int i = 0; i < table.t().length; i++) {
            double expected = table.sf()[i];
            assertThat(KolmogorovDistribution.survival(table.t()[i])).as("t=%s", table.t()[i])
                    .isCloseTo(expected, within(RELATIVE * expected));
        }
    }

    @Test
    void inverseMatchesScipyIsf() throws IOException {
        Table table = table();
        for (int i = 0; i < table.alpha().length; i++) {
            assertThat(KolmogorovDistribution.inverseSurvival(table.alpha()[i])).as("alpha=%s", table.alpha()[i])
                    .isCloseTo(table.isf()[i], within(RELATIVE * table.isf()[i]));
        }
    }

    @Test
    void edgeCasesAndBadInput() {
        assertThat(KolmogorovDistribution.survival(-1.0)).isEqualTo(1.0);
        assertThat(KolmogorovDistribution.survival(100.0)).isZero();
        assertThatThrownBy(() -> KolmogorovDistribution.survival(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KolmogorovDistribution.inverseSurvival(0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KolmogorovDistribution.inverseSurvival(1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
