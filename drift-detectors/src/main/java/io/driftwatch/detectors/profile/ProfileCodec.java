package io.driftwatch.detectors.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.TreeMap;

/**
 * Binary and JSON encodings of a {@link ReferenceProfile}, both carrying {@link #FORMAT_VERSION} (the first
 * byte, or the {@code "version"} field). Decoding another version fails with an
 * {@link IllegalArgumentException} that names both versions. Infinite bin edges are written in JSON as the
 * strings {@code "-Infinity"} / {@code "Infinity"}; the KLL sketch as base64 of its bytes.
 */
public final class ProfileCodec {

    /** Current encoding version; bump on any layout change. */
    public static final byte FORMAT_VERSION = 1;

    private static final byte NUMERIC_TAG = 1;
    private static final byte CATEGORICAL_TAG = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileCodec() {}

    public static byte[] toBytes(ReferenceProfile profile) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(FORMAT_VERSION);
            writeString(out, profile.featureName());
            if (profile.distribution() instanceof NumericProfile p) {
                out.writeByte(NUMERIC_TAG);
                double[] edges = p.edges().edges();
                out.writeInt(edges.length);
                for (double e : edges) {
                    out.writeDouble(e);
                }
                for (long c : p.binCounts()) {
                    out.writeLong(c);
                }
                out.writeLong(p.count());
                out.writeDouble(p.min());
                out.writeDouble(p.max());
                out.writeDouble(p.mean());
                out.writeDouble(p.std());
                byte[] sketch = p.kllSketchBytes();
                out.writeInt(sketch.length);
                out.write(sketch);
            } else if (profile.distribution() instanceof CategoricalProfile p) {
                out.writeByte(CATEGORICAL_TAG);
                out.writeInt(p.counts().size());
                for (var e : p.counts().entrySet()) {
                    writeString(out, e.getKey());
                    out.writeLong(e.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    public static ReferenceProfile fromBytes(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty reference profile encoding");
        }
        checkVersion(bytes[0]);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
            String name = readString(in);
            byte tag = in.readByte();
            DistributionProfile distribution;
            if (tag == NUMERIC_TAG) {
                double[] edges = new double[checkedLength(in.readInt())];
                for (int i = 0; i < edges.length; i++) {
                    edges[i] = in.readDouble();
                }
                long[] counts = new long[Math.max(0, edges.length - 1)];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = in.readLong();
                }
                long count = in.readLong();
                double min = in.readDouble();
                double max = in.readDouble();
                double mean = in.readDouble();
                double std = in.readDouble();
                byte[] sketch = readExactly(in, checkedLength(in.readInt()));
                distribution = new NumericProfile(BinEdges.of(edges), counts, count, min, max, mean, std, sketch);
            } else if (tag == CATEGORICAL_TAG) {
                int n = checkedLength(in.readInt());
                TreeMap<String, Long> counts = new TreeMap<>();
                for (int i = 0; i < n; i++) {
                    counts.put(readString(in), in.readLong());
                }
                distribution = new CategoricalProfile(counts);
            } else {
                throw new IllegalArgumentException("unknown profile kind tag " + tag);
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " trailing bytes after the reference profile");
            }
            return new ReferenceProfile(name, distribution);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated reference profile encoding", e);
        }
    }

    public static String toJson(ReferenceProfile profile) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", FORMAT_VERSION);
        root.put("featureName", profile.featureName());
        root.put("kind", profile.kind().name());
        if (profile.distribution() instanceof NumericProfile p) {
            ObjectNode node = root.putObject("numeric");
            ArrayNode edges = node.putArray("edges");
            for (double e : p.edges().edges()) {
                if (Double.isFinite(e)) {
                    edges.add(e);
                } else {
                    edges.add(Double.toString(e));
                }
            }
            ArrayNode counts = node.putArray("binCounts");
            for (long c : p.binCounts()) {
                counts.add(c);
            }
            node.put("count", p.count());
            node.put("min", p.min());
            node.put("max", p.max());
            node.put("mean", p.mean());
            node.put("std", p.std());
            node.put("kllSketch", Base64.getEncoder().encodeToString(p.kllSketchBytes()));
        } else if (profile.distribution() instanceof CategoricalProfile p) {
            ObjectNode counts = root.putObject("categorical").putObject("counts");
            p.counts().forEach(counts::put);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write profile JSON", e);
        }
    }

    public static ReferenceProfile fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("reference profile is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("reference profile JSON must be an object");
        }
        checkVersion(required(root, "version").asInt());
        String name = required(root, "featureName").asText();
        FeatureKind kind = FeatureKind.valueOf(required(root, "kind").asText());
        DistributionProfile distribution = switch (kind) {
            case NUMERIC -> numericFromJson(required(root, "numeric"));
            case CATEGORICAL -> {
                TreeMap<String, Long> counts = new TreeMap<>();
                required(required(root, "categorical"), "counts").properties()
                        .forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
                yield new CategoricalProfile(counts);
            }
        };
        return new ReferenceProfile(name, distribution);
    }

    private static NumericProfile numericFromJson(JsonNode node) {
        JsonNode edgesNode = required(node, "edges");
        double[] edges = new double[edgesNode.size()];
        for (int i = 0; i < edges.length; i++) {
            JsonNode e = edgesNode.get(i);
            edges[i] = e.isTextual() ? Double.parseDouble(e.asText()) : e.asDouble();
        }
        JsonNode countsNode = required(node, "binCounts");
        long[] counts = new long[countsNode.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = countsNode.get(i).asLong();
        }
        return new NumericProfile(BinEdges.of(edges), counts, required(node, "count").asLong(),
                required(node, "min").asDouble(), required(node, "max").asDouble(), required(node, "mean").asDouble(),
                required(node, "std").asDouble(), Base64.getDecoder().decode(required(node, "kllSketch").asText()));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("reference profile JSON lacks field '" + field + "'");
        }
        return value;
    }

    private static void checkVersion(int version) {
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported reference profile format version " + version
                    + "; this build reads version " + FORMAT_VERSION);
        }
    }

    private static int checkedLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " in reference profile encoding");
        }
        return length;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readExactly(in, checkedLength(in.readInt())), StandardCharsets.UTF_8);
    }

    private static byte[] readExactly(DataInputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("expected " + length + " bytes, found " + bytes.length);
        }
        return bytes;
    }
}
