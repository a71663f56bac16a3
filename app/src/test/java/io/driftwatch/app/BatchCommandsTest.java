package io.driftwatch.app;

import static io.driftwatch.app.CliRun.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch commands end to end, on CSV files whose expected values scipy/sklearn computed. */
class BatchCommandsTest {

    private static final double STAT_TOLERANCE = 1e-9;
    private static final double P_TOLERANCE = 1e-6;
    private final JsonNode expected = CliRun.expected();

    private static JsonNode column(JsonNode result, String name) {
        for (JsonNode c : result.get("columns")) {
            if (c.get("column").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name + " in " + result);
    }

    private static JsonNode test(JsonNode column, String id) {
        for (JsonNode r : column.get("results")) {
            if (r.get("test").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no test " + id + " in " + column);
    }

    @Test
    void driftWithExplicitTestsMatchesScipyAndExitsThreeOnDrift() {
        CliRun run = CliRun.of("drift", "--reference", resource("reference.csv"), "--current", resource("current.csv"),
                "--tests", "ks,wasserstein", "--categorical", "country");
        // both are raw-sample tests: none applies to the categorical column
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).contains("applies to categorical column 'country'").doesNotContain("Exception")
                .hasLineCount(1);

        CliRun numeric = CliRun.of("drift", "--reference", resource("reference.csv"), "--current",
                resource("current.csv"), "--tests", "ks,psi,jensenshannon,wasserstein,chisquare");
        assertThat(numeric.exitCode()).as(numeric.err()).isEqualTo(DriftCommand.EXIT_DRIFT);
        JsonNode json = numeric.json();
        for (String col : new String[] {"amount", "score"}) {
            JsonNode c = column(json, col);
            assertThat(c.get("kind").asText()).isEqualTo("numeric");
            assertThat(c.get("n_reference").asInt()).isEqualTo(400);
            assertThat(c.get("n_current").asInt()).isEqualTo(300);
            JsonNode e = expected.get("drift").get(col);
            for (String t : new String[] {"ks", "psi", "jensenshannon", "wasserstein"}) {
                assertThat(test(c, t).get("statistic").asDouble()).as(col + " " + t)
                        .isCloseTo(e.get(t).get("statistic").asDouble(), within(STAT_TOLERANCE));
            }
            assertThat(test(c, "ks").get("p_value").asDouble())
                    .isCloseTo(e.get("ks").get("p_value").asDouble(), within(P_TOLERANCE));
            assertThat(test(c, "psi").get("p_value").isNull()).isTrue();
        }
        assertThat(test(column(json, "amount"), "ks").get("drift").asBoolean()).isTrue();
        assertThat(test(column(json, "score"), "ks").get("drift").asBoolean()).isFalse();
        JsonNode country = test(column(json, "country"), "chisquare");
        assertThat(country.get("statistic").asDouble())
                .isCloseTo(expected.get("drift").get("country").get("chisquare").get("statistic").asDouble(), within(STAT_TOLERANCE));
        assertThat(country.get("p_value").asDouble())
                .isCloseTo(expected.get("drift").get("country").get("chisquare").get("p_value").asDouble(), within(P_TOLERANCE));
        assertThat(json.get("drifted_columns").toString()).contains("amount").doesNotContain("country");
    }

    @Test
    void autoPicksOneTestPerColumnByTypeAndSize() {
        CliRun run = CliRun.of("drift", "--reference", resource("reference.csv"), "--current", resource("current.csv"));
        JsonNode json = run.json();
        // reference <= 1000 rows: KS for numeric columns with many values, chi-square for a 3-category column
        assertThat(column(json, "amount").get("results").get(0).get("test").asText()).isEqualTo("ks");
        assertThat(column(json, "country").get("results").get(0).get("test").asText()).isEqualTo("chisquare");
        assertThat(column(json, "country").get("kind").asText()).isEqualTo("categorical");
        assertThat(run.exitCode()).isEqualTo(DriftCommand.EXIT_DRIFT);
    }

    @Test
    void noDriftExitsZero() {
        CliRun run = CliRun.of("drift", "--reference", resource("reference.csv"), "--current",
                resource("reference.csv"), "--tests", "ks,chisquare");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("drifted_columns")).isEmpty();
    }

    @Test
    void nanIsAnErrorNamingFileColumnAndLine() {
        CliRun run = CliRun.of("drift", "--reference", resource("with_nan.csv"), "--current", resource("with_nan.csv"));
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).contains("with_nan.csv").contains("column 'score'").contains("line 3")
                .doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void missingFileAndUnknownTestAreOneLineErrors(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.of("drift", "--reference", dir.resolve("nope.csv").toString(), "--current",
                resource("current.csv"));
        assertThat(missing.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(missing.err()).contains("nope.csv: no such file").hasLineCount(1);

        CliRun unknown = CliRun.of("drift", "--reference", resource("reference.csv"), "--current",
                resource("current.csv"), "--tests", "ks,bogus");
        assertThat(unknown.err()).contains("unknown drift test 'bogus'").hasLineCount(1);

        Path text = dir.resolve("text.csv");
        Files.writeString(text, "x\n1.0\nabc\n");
        CliRun evaluate = CliRun.of("evaluate", "--input", text.toString(), "--label", "x", "--score", "x");
        assertThat(evaluate.err()).contains("text.csv: column 'x', line 3: 'abc' is not a finite number").hasLineCount(1);

        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "x,y\n,1\n");
        CliRun emptyColumn = CliRun.of("drift", "--reference", empty.toString(), "--current", empty.toString());
        assertThat(emptyColumn.err()).contains("column 'x' has no values").hasLineCount(1);
    }

    @Test
    void evaluateBinaryAndRegressionMatchSklearn() {
        CliRun binary = CliRun.of("evaluate", "--input", resource("evaluate_binary.csv"), "--label", "label",
                "--score", "score", "--threshold", "0.5", "--bins", "10");
        JsonNode b = binary.json();
        assertThat(binary.exitCode()).isZero();
        assertThat(b.get("task").asText()).isEqualTo("binary");
        assertThat(b.get("roc_auc").asDouble()).isCloseTo(expected.get("evaluate_binary").get("roc_auc").asDouble(), within(STAT_TOLERANCE));
        assertThat(b.get("brier").asDouble()).isCloseTo(expected.get("evaluate_binary").get("brier").asDouble(), within(STAT_TOLERANCE));
        assertThat(b.get("reliability")).hasSize(10);
        for (String key : new String[] {"ece", "mce", "ace", "log_loss", "average_precision", "precision", "recall",
                "f1", "accuracy", "confusion_matrix"}) {
            assertThat(b.has(key)).as(key).isTrue();
        }
        CliRun fiveBins = CliRun.of("evaluate", "--input", resource("evaluate_binary.csv"), "--label", "label",
                "--score", "score", "--bins", "5");
        assertThat(fiveBins.json().get("reliability")).hasSize(5);

        CliRun regression = CliRun.of("evaluate", "--input", resource("evaluate_regression.csv"), "--label", "y",
                "--prediction", "yhat");
        JsonNode r = regression.json();
        assertThat(r.get("task").asText()).isEqualTo("regression");
        assertThat(r.get("mae").asDouble()).isCloseTo(expected.get("evaluate_regression").get("mae").asDouble(), within(STAT_TOLERANCE));
        assertThat(r.get("r2").asDouble()).isCloseTo(expected.get("evaluate_regression").get("r2").asDouble(), within(STAT_TOLERANCE));
    }

    @Test
    void evaluateRejectsNonBinaryLabels(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("labels.csv");
        Files.writeString(file, "label,score\n0,0.1\n2,0.7\n");
        CliRun run = CliRun.of("evaluate", "--input", file.toString(), "--label", "label", "--score", "score");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).contains("column 'label', line 3: binary label must be 0 or 1").hasLineCount(1);
    }

    @Test
    void detectFindsTheShiftInAnErrorStream(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("error\n");
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 2000; i++) {
            csv.append(random.nextDouble() < (i < 1000 ? 0.1 : 0.5) ? 1 : 0).append('\n');
        }
        Path file = dir.resolve("errors.csv");
        Files.writeString(file, csv);
        CliRun run = CliRun.of("detect", "--detector", "ddm", "--input", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("detector").asText()).isEqualTo("ddm");
        assertThat(json.get("params").get("warningLevel").asDouble()).isEqualTo(2.0);
        assertThat(json.get("changes")).isNotEmpty();
        int first = json.get("changes").get(0).asInt();
        assertThat(first).isBetween(1000, 1300);

        CliRun bad = CliRun.of("detect", "--detector", "nope", "--input", file.toString());
        assertThat(bad.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(bad.err()).contains("nope").hasLineCount(1);
    }
}
