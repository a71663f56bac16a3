package io.driftwatch.flink.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.detectors.profile.ProfileCodec;
import io.driftwatch.detectors.profile.ReferenceProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A new (or removed) stored baseline of one model version, broadcast to the window operator: the record of
 * the {@code driftwatch.baselines} topic. A Flink POJO; profiles travel as {@link ProfileCodec} bytes.
 *
 * <p>JSON form ({@link #toJson}, {@link #fromJson}):
 * <pre>{@code
 * {"baseline_update_version": 1, "model_id": "fraud", "model_version": "v3", "baseline_id": "2026-11-24T21:00:00Z",
 *  "profiles": {"amount": <ProfileCodec.toJson>, "country": <...>, "score": <...>}}
 * }</pre>
 * An empty {@code profiles} object removes the model version's baseline (it falls back to a rolling one).
 * The profile named {@code score} (if any) is the reference of the model's binary score.
 */
public class BaselineUpdate {

    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public String modelId;
    public String modelVersion;
    /** Which baseline this is (e.g. its creation time); written to {@code feature_drift.baseline_id}. */
    public String baselineId;
    /** {@link #encodeProfiles} bytes. */
    public byte[] profiles;

    public BaselineUpdate() {}

    public static BaselineUpdate of(String modelId, String modelVersion, String baselineId,
                                    Map<String, ReferenceProfile> profiles) {
        BaselineUpdate u = new BaselineUpdate();
        u.modelId = requireText(modelId, "model_id");
        u.modelVersion = requireText(modelVersion, "model_version");
        u.baselineId = requireText(baselineId, "baseline_id");
        u.profiles = encodeProfiles(profiles);
        return u;
    }

    /** Feature name to profile, in the order written. */
    public Map<String, ReferenceProfile> decodedProfiles() {
        Map<String, ReferenceProfile> decoded = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(profiles))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                decoded.put(name, ProfileCodec.fromBytes(bytes));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("baseline update of " + modelId + "/" + modelVersion
                    + ": truncated profiles", e);
        }
        return decoded;
    }

    static byte[] encodeProfiles(Map<String, ReferenceProfile> profiles) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(profiles.size());
            for (Map.Entry<String, ReferenceProfile> e : profiles.entrySet()) {
                if (!e.getKey().equals(e.getValue().featureName())) {
                    throw new IllegalArgumentException("profile key '" + e.getKey() + "' differs from its feature name '"
                            + e.getValue().featureName() + "'");
                }
                byte[] encoded = ProfileCodec.toBytes(e.getValue());
                out.writeUTF(e.getKey());
                out.writeInt(encoded.length);
                out.write(encoded);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("baseline_update_version", FORMAT_VERSION);
        root.put("model_id", modelId);
        root.put("model_version", modelVersion);
        root.put("baseline_id", baselineId);
        ObjectNode profilesNode = root.putObject("profiles");
        try {
            for (Map.Entry<String, ReferenceProfile> e : decodedProfiles().entrySet()) {
                profilesNode.set(e.getKey(), JSON.readTree(ProfileCodec.toJson(e.getValue())));
            }
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a baseline update", e);
        }
    }

    /** Reads {@link #toJson()} output; throws {@link IllegalArgumentException} naming the problem. */
    public static BaselineUpdate fromJson(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("baseline update is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("baseline update must be a JSON object");
        }
        int version = field(root, "baseline_update_version").asInt();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported baseline_update_version " + version + ", expected "
                    + FORMAT_VERSION);
        }
        JsonNode profilesNode = field(root, "profiles");
        if (!profilesNode.isObject()) {
            throw new IllegalArgumentException("baseline update 'profiles' must be an object of feature to profile");
        }
        Map<String, ReferenceProfile> profiles = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = profilesNode.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            profiles.put(e.getKey(), ProfileCodec.fromJson(e.getValue().toString()));
        }
        return of(field(root, "model_id").asText(), field(root, "model_version").asText(),
                field(root, "baseline_id").asText(), profiles);
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("baseline update lacks '" + name + "'");
        }
        return value;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("baseline update: " + what + " is missing or blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "BaselineUpdate[" + modelId + "/" + modelVersion + " " + baselineId + ", "
                + (profiles == null ? 0 : profiles.length) + " bytes]";
    }
}
