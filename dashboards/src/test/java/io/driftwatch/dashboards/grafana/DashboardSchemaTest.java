package io.driftwatch.dashboards.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every shipped dashboard validates against the strict JSON Schema generated from {@code @grafana/schema}'s
 * {@code Dashboard} type (scripts/generate-dashboard-schema.sh), and the schema really rejects broken ones.
 */
class DashboardSchemaTest {

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = DashboardSchemaTest.class.getResourceAsStream("/grafana-dashboard.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void everyDashboardValidates() {
        Map<String, JsonNode> dashboards = DashboardCatalog.load().dashboards();
        assertThat(dashboards).hasSize(DashboardCatalog.FILES.size());
        dashboards.forEach((file, dashboard) ->
                assertThat(schema.validate(dashboard)).as(file).isEmpty());
    }

    @Test
    void panelWithTextGridPosFails() {
        ObjectNode broken = model();
        ((ObjectNode) broken.get("panels").get(0)).put("gridPos", "x");
        assertThat(messages(broken)).anyMatch(m -> m.contains("gridPos"));
    }

    @Test
    void missingSchemaVersionFails() {
        ObjectNode broken = model();
        broken.remove("schemaVersion");
        assertThat(messages(broken)).anyMatch(m -> m.contains("schemaVersion"));
    }

    @Test
    void unknownPanelPropertyFails() {
        ObjectNode broken = model();
        ((ObjectNode) broken.get("panels").get(0)).put("titel", "typo");
        assertThat(messages(broken)).anyMatch(m -> m.contains("titel"));
    }

    @Test
    void textThresholdModeFails() {
        ObjectNode broken = model();
        ((ObjectNode) broken.get("panels").get(0).get("fieldConfig").get("defaults").get("thresholds"))
                .put("mode", "relative");
        assertThat(messages(broken)).isNotEmpty();
    }

    @Test
    void alertAnnotationWithoutNameFails() {
        ObjectNode broken = model();
        ((ObjectNode) alertAnnotation(broken)).remove("name");
        assertThat(messages(broken)).anyMatch(m -> m.contains("name"));
    }

    @Test
    void annotationTargetWithoutRefIdFails() {
        ObjectNode broken = model();
        ((ObjectNode) alertAnnotation(broken).get("target")).remove("refId");
        assertThat(messages(broken)).anyMatch(m -> m.contains("refId"));
    }

    @Test
    void annotationTargetThatIsNotAnObjectFails() {
        ObjectNode broken = model();
        ((ObjectNode) alertAnnotation(broken)).put("target", "SELECT 1");
        assertThat(messages(broken)).anyMatch(m -> m.contains("target"));
    }

    private static JsonNode alertAnnotation(JsonNode dashboard) {
        for (JsonNode annotation : dashboard.get("annotations").get("list")) {
            if (annotation.has("target")) {
                return annotation;
            }
        }
        throw new AssertionError("the Model dashboard has no datasource annotation");
    }

    private static ObjectNode model() {
        return DashboardCatalog.load().dashboards().get("model.json").deepCopy();
    }

    private static Set<String> messages(JsonNode dashboard) {
        Set<ValidationMessage> result = schema.validate(dashboard);
        return result.stream().map(ValidationMessage::getMessage).collect(java.util.stream.Collectors.toSet());
    }
}
