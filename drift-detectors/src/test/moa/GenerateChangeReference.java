// Reference-data generator for io.driftwatch.detectors.change (NOT part of the Maven build).
//
// Runs MOA's own change detectors over seeded input streams and writes the 0-based indices where
// getChange() / getWarningZone() are true. MOA is GPL: it is used here only as an external program
// whose outputs become test data; none of its code is copied into the project.
//
// Rerun (see README.md beside this file):
//   java -cp "$(cat ~/.cache/driftwatch/moa-classpath.txt)" GenerateChangeReference.java \
//        drift-detectors/src/test/resources/reference/change_moa.json
import com.github.javacliparser.Option;
import moa.classifiers.core.driftdetection.ADWINChangeDetector;
import moa.classifiers.core.driftdetection.AbstractChangeDetector;
import moa.classifiers.core.driftdetection.CusumDM;
import moa.classifiers.core.driftdetection.DDM;
import moa.classifiers.core.driftdetection.EDDM;
import moa.classifiers.core.driftdetection.HDDM_A_Test;
import moa.classifiers.core.driftdetection.HDDM_W_Test;
import moa.classifiers.core.driftdetection.PageHinkleyDM;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

public class GenerateChangeReference {

    static final String MOA_VERSION = "2024.07.0";
    static final int LENGTH = 2000;
    static final int SHIFT_AT = 1000;
    static final int GRADUAL_WIDTH = 500;

    record Stream(String name, String kind, long seed, String description, double[] values) {}

    interface Prob { double at(int i); }

    static double[] bernoulli(long seed, int n, Prob p) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextDouble() < p.at(i) ? 1.0 : 0.0;
        return v;
    }

    static double[] gaussian(long seed, int n, Prob mean, double sd) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = mean.at(i) + sd * r.nextGaussian();
        return v;
    }

    static double[] uniformBounded(long seed, int n, Prob mean, double halfWidth) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = mean.at(i) + halfWidth * (2 * r.nextDouble() - 1);
        return v;
    }

    static List<Stream> streams() {
        List<Stream> s = new ArrayList<>();
        s.add(new Stream("bernoulli_abrupt", "binary", 11L,
                "Bernoulli errors, p=0.1 for i<1000 then p=0.4, length 2000",
                bernoulli(11L, LENGTH, i -> i < SHIFT_AT ? 0.1 : 0.4)));
        s.add(new Stream("bernoulli_gradual", "binary", 12L,
                "Bernoulli errors, p=0.1 for i<1000, linear ramp to 0.4 over [1000,1500), then 0.4, length 2000",
                bernoulli(12L, LENGTH, i -> i < SHIFT_AT ? 0.1
                        : i < SHIFT_AT + GRADUAL_WIDTH ? 0.1 + 0.3 * (i - SHIFT_AT) / (double) GRADUAL_WIDTH : 0.4)));
        s.add(new Stream("bernoulli_nochange", "binary", 13L,
                "Bernoulli errors, p=0.1 throughout, length 2000",
                bernoulli(13L, LENGTH, i -> 0.1)));
        s.add(new Stream("bernoulli_decrease", "binary", 14L,
                "Bernoulli errors, p=0.4 for i<1000 then p=0.1 (an improvement), length 2000",
                bernoulli(14L, LENGTH, i -> i < SHIFT_AT ? 0.4 : 0.1)));
        s.add(new Stream("bernoulli_short", "binary", 15L,
                "25 values, p=0.1 for i<5 then p=1.0: fewer inputs than the 30-instance minimum",
                bernoulli(15L, 25, i -> i < 5 ? 0.1 : 1.0)));
        s.add(new Stream("real_mean_shift", "real", 21L,
                "Gaussian, mean 0 for i<1000 then mean 2, sd 1, length 2000",
                gaussian(21L, LENGTH, i -> i < SHIFT_AT ? 0.0 : 2.0, 1.0)));
        s.add(new Stream("real_nochange", "real", 22L,
                "Gaussian, mean 0, sd 1, length 2000",
                gaussian(22L, LENGTH, i -> 0.0, 1.0)));
        s.add(new Stream("real_short", "real", 23L,
                "25 values, mean 0 for i<5 then mean 100, sd 1: fewer inputs than the 30-instance minimum",
                gaussian(23L, 25, i -> i < 5 ? 0.0 : 100.0, 1.0)));
        s.add(new Stream("unit_mean_shift", "unit", 24L,
                "Uniform in [0,1]: mean 0.3 for i<1000 then 0.6, half-width 0.25, length 2000",
                uniformBounded(24L, LENGTH, i -> i < SHIFT_AT ? 0.3 : 0.6, 0.25)));
        s.add(new Stream("bernoulli_multi", "binary", 16L,
                "Bernoulli errors, p = 0.05, 0.3, 0.05, 0.5 in four segments of 750, length 3000",
                bernoulli(16L, 3000, i -> new double[] {0.05, 0.3, 0.05, 0.5}[i / 750])));
        s.add(new Stream("bernoulli_long", "binary", 17L,
                "Bernoulli errors, p=0.2 for i<8000 then p=0.35, length 10000",
                bernoulli(17L, 10000, i -> i < 8000 ? 0.2 : 0.35)));
        s.add(new Stream("real_multi", "real", 25L,
                "Gaussian, means 0, 3, 0, 5 in four segments of 500, sd 1, length 2000",
                gaussian(25L, 2000, i -> new double[] {0, 3, 0, 5}[i / 500], 1.0)));
        s.add(new Stream("unit_down_up", "unit", 26L,
                "Uniform: mean 0.25 (half-width 0.05) for i<1000, 0.02 (half-width 0.02) for i<1500, then 0.5"
                        + " (half-width 0.05), length 2000; a decrease below the HDDM_W bound, then an increase",
                piecewiseUniform(26L)));
        return s;
    }

    static double[] piecewiseUniform(long seed) {
        Random r = new Random(seed);
        double[] v = new double[2000];
        for (int i = 0; i < v.length; i++) {
            double mean = i < 1000 ? 0.25 : i < 1500 ? 0.02 : 0.5;
            double half = i < 1000 ? 0.05 : i < 1500 ? 0.02 : 0.05;
            v[i] = mean + half * (2 * r.nextDouble() - 1);
        }
        return v;
    }

    /** A MOA detector with options changed from their defaults (MOA option name to CLI value). */
    record Config(String detector, String variant, Map<String, String> options) {}

    static List<Config> configs() {
        List<Config> c = new ArrayList<>();
        for (String d : detectors().keySet()) c.add(new Config(d, "", Map.of()));
        c.add(new Config("adwin", "delta_0.1", Map.of("deltaAdwin", "0.1")));
        c.add(new Config("ddm", "levels_1.5_2.5_min_50",
                Map.of("minNumInstances", "50", "warningLevel", "1.5", "outcontrolLevel", "2.5")));
        c.add(new Config("hddm_a", "one_sided", Map.of("typeOfTest", "One-sided")));
        c.add(new Config("hddm_a", "conf_0.01_0.05", Map.of("driftConfidence", "0.01", "warningConfidence", "0.05")));
        c.add(new Config("hddm_w", "two_sided", Map.of("typeOfTest", "Two-sided")));
        c.add(new Config("hddm_w", "lambda_0.1_conf_0.01_0.05",
                Map.of("lambda", "0.1", "driftConfidence", "0.01", "warningConfidence", "0.05")));
        c.add(new Config("page_hinkley", "lambda_10_alpha_1_min_10",
                Map.of("lambda", "10", "alpha", "1.0", "minNumInstances", "10")));
        c.add(new Config("cusum", "lambda_10_delta_0.1_min_10",
                Map.of("lambda", "10", "delta", "0.1", "minNumInstances", "10")));
        return c;
    }

    static AbstractChangeDetector instantiate(Config cfg) {
        AbstractChangeDetector d = detectors().get(cfg.detector()).get();
        for (var o : cfg.options().entrySet()) {
            Option found = null;
            for (Option opt : d.getOptions().getOptionArray()) {
                if (opt.getName().equals(o.getKey())) found = opt;
            }
            if (found == null) throw new IllegalArgumentException("no option " + o.getKey() + " on " + cfg.detector());
            found.setValueViaCLIString(o.getValue());
        }
        d.prepareForUse();
        d.resetLearning();
        return d;
    }

    static String paramsJson(Map<String, String> options) {
        List<String> kv = new ArrayList<>();
        new java.util.TreeMap<>(options).forEach((k, v) -> kv.add("\"" + k + "\": \"" + v + "\""));
        return "{" + String.join(", ", kv) + "}";
    }

    /** Which detectors run on which stream kind (DDM/EDDM need 0/1, HDDM needs [0,1]). */
    static boolean applies(String detector, String kind) {
        return switch (detector) {
            case "ddm", "eddm" -> kind.equals("binary");
            case "hddm_a", "hddm_w" -> !kind.equals("real");
            default -> true;
        };
    }

    static Map<String, Supplier<AbstractChangeDetector>> detectors() {
        Map<String, Supplier<AbstractChangeDetector>> m = new LinkedHashMap<>();
        m.put("adwin", ADWINChangeDetector::new);
        m.put("ddm", DDM::new);
        m.put("eddm", EDDM::new);
        m.put("hddm_a", HDDM_A_Test::new);
        m.put("hddm_w", HDDM_W_Test::new);
        m.put("page_hinkley", PageHinkleyDM::new);
        m.put("cusum", CusumDM::new);
        return m;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "change_moa.json");
        StringBuilder j = new StringBuilder();
        j.append("{\n  \"generator\": \"drift-detectors/src/test/moa/GenerateChangeReference.java\",\n");
        j.append("  \"moa_version\": \"").append(MOA_VERSION).append("\",\n");
        j.append("  \"moa_defaults\": {\n");
        List<String> defs = new ArrayList<>();
        for (var e : detectors().entrySet()) {
            AbstractChangeDetector d = e.getValue().get();
            d.prepareForUse();
            List<String> opts = new ArrayList<>();
            for (Option o : d.getOptions().getOptionArray()) {
                opts.add(o.getName() + "=" + o.getValueAsCLIString());
            }
            defs.add("    \"" + e.getKey() + "\": \"" + d.getClass().getSimpleName() + " " + String.join(" ", opts)
                    + "\"");
        }
        j.append(String.join(",\n", defs)).append("\n  },\n");
        List<Stream> streams = streams();
        j.append("  \"streams\": [\n");
        List<String> ss = new ArrayList<>();
        for (Stream s : streams) {
            StringBuilder b = new StringBuilder();
            b.append("    {\"name\": \"").append(s.name()).append("\", \"kind\": \"").append(s.kind())
                    .append("\", \"seed\": ").append(s.seed()).append(", \"description\": \"")
                    .append(s.description()).append("\",\n     \"values\": [");
            for (int i = 0; i < s.values().length; i++) {
                if (i > 0) b.append(',');
                b.append(s.values()[i]);
            }
            b.append("]}");
            ss.add(b.toString());
        }
        j.append(String.join(",\n", ss)).append("\n  ],\n");
        j.append("  \"results\": [\n");
        List<String> rs = new ArrayList<>();
        for (Config cfg : configs()) {
            for (Stream s : streams) {
                if (!applies(cfg.detector(), s.kind())) continue;
                AbstractChangeDetector d = instantiate(cfg);
                List<Integer> change = new ArrayList<>();
                List<Integer> warning = new ArrayList<>();
                for (int i = 0; i < s.values().length; i++) {
                    d.input(s.values()[i]);
                    if (d.getChange()) change.add(i);
                    if (d.getWarningZone()) warning.add(i);
                }
                rs.add("    {\"detector\": \"" + cfg.detector() + "\", \"variant\": \"" + cfg.variant()
                        + "\", \"params\": " + paramsJson(cfg.options()) + ", \"stream\": \"" + s.name()
                        + "\", \"change\": " + change + ", \"warning\": " + warning + "}");
                System.err.println(cfg.detector() + "/" + cfg.variant() + " " + s.name() + " change=" + change
                        + " warnings=" + warning.size());
            }
        }
        j.append(String.join(",\n", rs)).append("\n  ]\n}\n");
        Files.writeString(out, j.toString(), StandardCharsets.UTF_8);
    }

}
