package io.driftwatch.detectors.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every detector on every reference stream gives exactly MOA's change and warning indices. */
class MoaReferenceTest {

    private static final ReferenceData DATA = ReferenceData.load();

    static Stream<ReferenceData.Case> cases() {
        return DATA.cases.stream();
    }

    record Run(List<Integer> change, List<Integer> warning) {
    }

    static Run run(ChangeDetector detector, double[] values) {
        List<Integer> change = new ArrayList<>();
        List<Integer> warning = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Signal s = detector.update(values[i]);
            if (s == Signal.CHANGE) {
                change.add(i);
            } else if (s == Signal.WARNING) {
                warning.add(i);
            }
        }
        return new Run(change, warning);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesMoa(ReferenceData.Case c) {
        ChangeDetector detector = ChangeDetectors.create(ReferenceData.paramsOf(c));
        Run run = run(detector, DATA.streams.get(c.stream()));
        assertThat(run.change()).as("change indices of %s", c).isEqualTo(c.change());
        assertThat(run.warning()).as("warning indices of %s", c).isEqualTo(c.warning());
    }

    /** Our defaults are the option values MOA reported when generating the reference. */
    @Test
    void defaultsEqualTheOptionValuesMoaReported() {
        assertThat(DATA.moaDefaults.get("adwin")).contains("deltaAdwin=" + AdwinParams.DEFAULT_DELTA);
        DdmParams ddm = DdmParams.defaults();
        assertThat(DATA.moaDefaults.get("ddm")).contains("minNumInstances=" + ddm.minInstances(),
                "warningLevel=" + ddm.warningLevel(), "outcontrolLevel=" + ddm.outControlLevel());
        HddmAParams a = HddmAParams.defaults();
        assertThat(DATA.moaDefaults.get("hddm_a")).contains("driftConfidence=" + a.driftConfidence(),
                "warningConfidence=" + a.warningConfidence(), "typeOfTest=Two-sided");
        assertThat(a.side()).isEqualTo(TestSide.TWO_SIDED);
        HddmWParams w = HddmWParams.defaults();
        assertThat(DATA.moaDefaults.get("hddm_w")).contains("driftConfidence=" + w.driftConfidence(),
                "warningConfidence=" + w.warningConfidence(), "lambda=" + w.lambda(), "typeOfTest=One-sided");
        assertThat(w.side()).isEqualTo(TestSide.ONE_SIDED);
        PageHinkleyParams ph = PageHinkleyParams.defaults();
        assertThat(DATA.moaDefaults.get("page_hinkley")).contains("minNumInstances=" + ph.minInstances(),
                "delta=" + ph.delta(), "lambda=" + ph.lambda(), "alpha=" + ph.alpha());
        CusumParams cusum = CusumParams.defaults();
        assertThat(DATA.moaDefaults.get("cusum")).contains("minNumInstances=" + cusum.minInstances(),
                "delta=" + cusum.delta(), "lambda=" + cusum.lambda());
    }

    @Test
    void referenceCoversEveryDetectorAndAnActualChange() {
        assertThat(DATA.moaVersion).isEqualTo("2024.07.0");
        for (DetectorId id : DetectorId.values()) {
            assertThat(DATA.cases).as("cases of %s", id)
                    .anyMatch(c -> c.detector().equals(id.wireId()) && !c.change().isEmpty());
        }
    }
}
