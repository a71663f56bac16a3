package io.driftwatch.detectors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DoubleSortTest {

    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 1.0, -1.0, Math.nextUp(1.0), Math.nextDown(-1.0)};

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 1000, DoubleSort.RADIX_MIN_LENGTH - 1, DoubleSort.RADIX_MIN_LENGTH, 300_000})
    void sortsExactlyAsArraysSortIncludingSignedZerosAndExtremes(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = switch (random.nextInt(4)) {
                case 0 -> SPECIAL[random.nextInt(SPECIAL.length)];
                case 1 -> random.nextInt(5) - 2.0; // heavy ties
                case 2 -> (random.nextDouble() - 0.5) * Math.scalb(1.0, random.nextInt(-1074, 1024));
                default -> Double.longBitsToDouble(random.nextLong() & ~(0x7ffL << 52)); // subnormals, both signs
            };
        }
        double[] expected = values.clone();
        Arrays.sort(expected);
        DoubleSort.sort(values);
        // Arrays.equals compares doubles bit for bit (doubleToLongBits), so -0.0 and 0.0 are told apart.
        assertThat(Arrays.equals(values, expected)).isTrue();
    }

    @Test
    void sortsAlreadySortedAndReversedInput() {
        double[] ascending = new double[DoubleSort.RADIX_MIN_LENGTH * 2];
        for (int i = 0; i < ascending.length; i++) {
            ascending[i] = i - ascending.length / 2.0;
        }
        double[] reversed = new double[ascending.length];
        for (int i = 0; i < ascending.length; i++) {
            reversed[i] = ascending[ascending.length - 1 - i];
        }
        DoubleSort.sort(reversed);
        assertThat(reversed).containsExactly(ascending);
        double[] copy = ascending.clone();
        DoubleSort.sort(copy);
        assertThat(copy).containsExactly(ascending);
    }
}
