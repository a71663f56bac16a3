package io.driftwatch.detectors.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.detectors.state.MergeableStateContract;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QualityCountersTest extends MergeableStateContract<QualityCounters> {

    private static final QualityIssue[] ISSUES = QualityIssue.values();

    @Override
    protected QualityCounters empty() {
        return new QualityCounters();
    }

    @Override
    protected void addRandom(QualityCounters state, Random random) {
        int n = 1 + random.nextInt(300);
        for (int i = 0; i < n; i++) {
            state.recordSeen();
            if (random.nextInt(4) == 0) {
                state.record(ISSUES[random.nextInt(ISSUES.length)]);
            }
        }
    }

    @Override
    protected QualityCounters fromBytes(byte[] bytes) {
        return QualityCounters.fromBytes(bytes);
    }

    @Override
    protected void assertEquivalent(QualityCounters actual, QualityCounters expected) {
        assertThat(actual.totalSeen()).isEqualTo(expected.totalSeen());
        for (QualityIssue issue : ISSUES) {
            assertThat(actual.count(issue)).as("%s", issue).isEqualTo(expected.count(issue));
        }
    }

    @Test
    void countsAndRates() {
        QualityCounters counters = new QualityCounters();
        assertThat(counters.rate(QualityIssue.NULL)).isNaN();
        for (int i = 0; i < 4; i++) {
            counters.recordSeen();
        }
        counters.record(QualityIssue.NULL);
        counters.record(QualityIssue.NAN);
        counters.record(QualityIssue.NAN);
        assertThat(counters.totalSeen()).isEqualTo(4);
        assertThat(counters.count(QualityIssue.NAN)).isEqualTo(2);
        assertThat(counters.rate(QualityIssue.NULL)).isEqualTo(0.25);
        assertThat(counters.count(QualityIssue.TYPE_MISMATCH)).isZero();
    }

    @Test
    void rejectsCorruptEncoding() {
        byte[] bytes = new QualityCounters().toBytes();
        bytes[1 + Long.BYTES + Integer.BYTES - 1] = 3; // claims 3 issue counts
        assertThatThrownBy(() -> QualityCounters.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("issue counts");
    }
}
