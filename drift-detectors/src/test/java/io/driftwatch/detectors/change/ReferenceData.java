package io.driftwatch.detectors.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code reference/change_moa.json}, written by {@code src/test/moa/GenerateChangeReference.java}. */
final class ReferenceData {

    static final String RESOURCE = "/reference/change_moa.json";

    record Case(String detector, String variant, String stream, JsonNode params, List<Integer> change,
                List<Integer> warning) {
        @Override
        public String toString() {
            return detector + (variant.isEmpty() ? "" : "[" + variant + "]") + " on " + stream;
        }
    }

    final String moaVersion;
    /** Detector wire id to MOA's option listing, e.g. {@code "DDM minNumInstances=30 warningLevel=2.0 ..."}. */
    final Map<String, String> moaDefaults = new LinkedHashMap<>();
    final Map<String, double[]> streams = new LinkedHashMap<>();
    final List<Case> cases = new ArrayList<>();

    private ReferenceData(JsonNode root) {
        moaVersion = root.get("moa_version").asText();
        root.get("moa_defaults").fields().forEachRemaining(e -> moaDefaults.put(e.getKey(), e.getValue().asText()));
        for (JsonNode s : root.get("streams")) {
            JsonNode values = s.get("values");
            double[] v = new double[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i).doubleValue();
            }
            streams.put(s.get("name").asText(), v);
        }
        for (JsonNode r : root.get("results")) {
            cases.add(new Case(r.get("detector").asText(), r.path("variant").asText(""), r.get("stream").asText(),
                    r.path("params"), ints(r.get("change")), ints(r.get("warning"))));
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.intValue()));
        return out;
    }

    static ReferenceData load() {
        try (InputStream in = ReferenceData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return new ReferenceData(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parameters of a case: MOA's defaults, overridden by the case's {@code params} object if any. */
    static DetectorParams paramsOf(Case c) {
        DetectorId id = DetectorId.fromWireId(c.detector());
        JsonNode p = c.params();
        if (p.isMissingNode() || p.isEmpty()) {
            return DetectorParams.defaults(id);
        }
        return switch (id) {
            case HDDM_A -> {
                HddmAParams d = HddmAParams.defaults();
                yield new HddmAParams(p.path("driftConfidence").asDouble(d.driftConfidence()),
                        p.path("warningConfidence").asDouble(d.warningConfidence()),
                        side(p.path("typeOfTest").asText(""), d.side()));
            }
            case HDDM_W -> {
                HddmWParams d = HddmWParams.defaults();
                yield new HddmWParams(p.path("driftConfidence").asDouble(d.driftConfidence()),
                        p.path("warningConfidence").asDouble(d.warningConfidence()),
                        p.path("lambda").asDouble(d.lambda()),
                        side(p.path("typeOfTest").asText(""), d.side()));
            }
            case ADWIN -> new AdwinParams(p.path("deltaAdwin").asDouble(AdwinParams.DEFAULT_DELTA));
            case DDM -> {
                DdmParams d = DdmParams.defaults();
                yield new DdmParams(p.path("minNumInstances").asInt(d.minInstances()),
                        p.path("warningLevel").asDouble(d.warningLevel()),
                        p.path("outcontrolLevel").asDouble(d.outControlLevel()));
            }
            case PAGE_HINKLEY -> {
                PageHinkleyParams d = PageHinkleyParams.defaults();
                yield new PageHinkleyParams(p.path("minNumInstances").asInt(d.minInstances()),
                        p.path("delta").asDouble(d.delta()), p.path("lambda").asDouble(d.lambda()),
                        p.path("alpha").asDouble(d.alpha()));
            }
            case CUSUM -> {
                CusumParams d = CusumParams.defaults();
                yield new CusumParams(p.path("minNumInstances").asInt(d.minInstances()),
                        p.path("delta").asDouble(d.delta()), p.path("lambda").asDouble(d.lambda()));
            }
            case EDDM -> throw new IllegalArgumentException("MOA's EDDM has no options to vary");
        };
    }

    private static TestSide side(String label, TestSide fallback) {
        return switch (label) {
            case "" -> fallback;
            case "One-sided" -> TestSide.ONE_SIDED;
            case "Two-sided" -> TestSide.TWO_SIDED;
            default -> throw new IllegalArgumentException("unknown MOA typeOfTest " + label);
        };
    }
}
