package io.driftwatch.flink.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.config.KafkaProperties;
import io.driftwatch.flink.config.SecretResolver;
import io.driftwatch.flink.job.DriftwatchJobMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests in {@code deploy/kubernetes}: the Flink Kubernetes Operator's FlinkDeployment runs
 * {@link DriftwatchJobMain} on the configuration from the ConfigMap, with RocksDB incremental checkpoints, HA
 * and savepoint upgrades, and every secret arrives as an environment variable from a Secret.
 */
class KubernetesManifestsTest {

    /** Surefire runs in the module directory; the manifests live at the repository root. */
    private static final Path DEPLOY = Path.of("..", "deploy", "kubernetes");
    private static final YAMLMapper YAML = new YAMLMapper();
    /** {@code ${env:NAME}} references in the job configuration (flink-jobs/CONFIG.md). */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern SECRET_LIKE_KEY = Pattern.compile("(?i).*(password|secret|access-key|jaas|token).*");

    /** The sizing target of deploy/kubernetes/README.md ("Sizing"). */
    private static final double TARGET_EVENTS_PER_SECOND = 100_000;
    /**
     * The full job on RocksDB, events per JVM CPU-second: benchmarks/RESULTS.md, "Pipeline throughput"
     * (24,088 per CPU-second, 300 series, parallelism 2, 20 features).
     */
    private static final double ROCKSDB_EVENTS_PER_CPU_SECOND = 24_088;
    /** Spare capacity for checkpoints, RocksDB compaction, key skew and catching up after a restart. */
    private static final double HEADROOM = 1.2;
    /** RocksDB's block cache and write buffers per slot, from managed memory (the README's 8 GB per 4 slots). */
    private static final long MIN_MEMORY_MB_PER_SLOT = 1024;

    private static JsonNode read(String file) throws IOException {
        return YAML.readTree(DEPLOY.resolve(file).toFile());
    }

    private static JsonNode mainContainer(JsonNode deployment) {
        for (JsonNode container : deployment.at("/spec/podTemplate/spec/containers")) {
            if (container.path("name").asText().equals("flink-main-container")) {
                return container;
            }
        }
        throw new AssertionError("no flink-main-container in spec.podTemplate");
    }

    private static String configText() throws IOException {
        return read("configmap.yaml").at("/data/driftwatch.yaml").asText();
    }

    @Test
    void flinkDeploymentRunsTheJobInApplicationModeWithSavepointUpgrades() throws IOException {
        JsonNode deployment = read("flinkdeployment.yaml");
        assertThat(deployment.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
        assertThat(deployment.path("kind").asText()).isEqualTo("FlinkDeployment");
        assertThat(deployment.at("/spec/flinkVersion").asText()).isEqualTo("v2_2");
        JsonNode job = deployment.at("/spec/job");
        assertThat(job.path("jarURI").asText()).isEqualTo("local:///opt/flink/usrlib/driftwatch.jar");
        assertThat(job.path("entryClass").asText()).isEqualTo(DriftwatchJobMain.class.getName());
        assertThat(YAML.convertValue(job.path("args"), List.class)).containsExactly("--config", "/etc/driftwatch/driftwatch.yaml");
        assertThat(job.path("upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(job.path("parallelism").asInt()).isPositive();
        assertThat(deployment.at("/spec/taskManager/resource/cpu").asDouble()).isPositive();
        assertThat(deployment.at("/spec/taskManager/resource/memory").asText()).isNotBlank();
        assertThat(deployment.at("/spec/jobManager/resource/memory").asText()).isNotBlank();
    }

    @Test
    void taskManagerRegionsKeepAKafkaFetchResponseOutOfHumongousAllocation() throws IOException {
        String jvmOptions = read("flinkdeployment.yaml").at("/spec/flinkConfiguration/env.java.opts.taskmanager").asText();
        Matcher region = Pattern.compile("-XX:G1HeapRegionSize=(\\d+)m").matcher(jvmOptions);
        assertThat(region.find()).as("G1 region size in %s", jvmOptions).isTrue();
        long regionBytes = Long.parseLong(region.group(1)) << 20;
        // G1 treats an object of at least half a region as humongous; a response is a little over its fetch bound
        assertThat(regionBytes / 2).isGreaterThan(KafkaProperties.FETCH_MAX_BYTES);
    }

    @Test
    void resourcesAreSizedForOneHundredThousandEventsPerSecondOnRocksDb() throws IOException {
        JsonNode deployment = read("flinkdeployment.yaml");
        int parallelism = deployment.at("/spec/job/parallelism").asInt();
        int slots = Integer.parseInt(deployment.at("/spec/flinkConfiguration/taskmanager.numberOfTaskSlots").asText());
        double cpuPerTaskManager = deployment.at("/spec/taskManager/resource/cpu").asDouble();
        long memoryMbPerTaskManager = megabytes(deployment.at("/spec/taskManager/resource/memory").asText());
        // 100,000 / 24,088 = 4.2 cores busy; x 1.2 headroom = 5.0 -> 5 slots of one core each, 8 in whole TaskManagers
        double coresNeeded = Math.ceil(TARGET_EVENTS_PER_SECOND / ROCKSDB_EVENTS_PER_CPU_SECOND * HEADROOM);
        assertThat(coresNeeded).isEqualTo(5);
        assertThat(parallelism).as("one slot per needed core").isGreaterThanOrEqualTo((int) coresNeeded);
        assertThat(cpuPerTaskManager).as("one core per slot").isGreaterThanOrEqualTo(slots);
        assertThat(parallelism % slots).as("TaskManagers = parallelism / slots, no idle slots").isZero();
        int taskManagers = parallelism / slots;
        assertThat(taskManagers * cpuPerTaskManager).isGreaterThanOrEqualTo(coresNeeded);
        assertThat(memoryMbPerTaskManager).isGreaterThanOrEqualTo(slots * MIN_MEMORY_MB_PER_SLOT);
        assertThat(megabytes(deployment.at("/spec/jobManager/resource/memory").asText())).isGreaterThanOrEqualTo(MIN_MEMORY_MB_PER_SLOT);
    }

    /** Kubernetes/Flink memory like {@code 8192m} or {@code 8g}, in MB. */
    private static long megabytes(String memory) {
        Matcher m = Pattern.compile("(\\d+)([mMgG])i?").matcher(memory.trim());
        assertThat(m.matches()).as("memory " + memory).isTrue();
        long value = Long.parseLong(m.group(1));
        return m.group(2).equalsIgnoreCase("g") ? value * 1024 : value;
    }

    @Test
    void checkpointsAreIncrementalRocksDbOnObjectStorageWithKubernetesHa() throws IOException {
        JsonNode conf = read("flinkdeployment.yaml").at("/spec/flinkConfiguration");
        assertThat(conf.path("state.backend.type").asText()).isEqualTo("rocksdb");
        assertThat(conf.path("execution.checkpointing.incremental").asText()).isEqualTo("true");
        assertThat(conf.path("execution.checkpointing.dir").asText()).startsWith("s3://");
        assertThat(conf.path("execution.checkpointing.savepoint-dir").asText()).startsWith("s3://");
        assertThat(conf.path("high-availability.type").asText()).isEqualTo("kubernetes");
        assertThat(conf.path("high-availability.storageDir").asText()).startsWith("s3://");
    }

    @Test
    void theConfigMapIsMountedWhereTheJobArgumentPoints() throws IOException {
        JsonNode deployment = read("flinkdeployment.yaml");
        JsonNode configMap = read("configmap.yaml");
        assertThat(configMap.path("kind").asText()).isEqualTo("ConfigMap");
        String configMapName = configMap.at("/metadata/name").asText();
        Map<String, String> mountByVolume = new HashMap<>();
        mainContainer(deployment).path("volumeMounts")
                .forEach(m -> mountByVolume.put(m.path("name").asText(), m.path("mountPath").asText()));
        String mountPath = null;
        for (JsonNode volume : deployment.at("/spec/podTemplate/spec/volumes")) {
            if (volume.at("/configMap/name").asText().equals(configMapName)) {
                mountPath = mountByVolume.get(volume.path("name").asText());
            }
        }
        assertThat(mountPath).as("mount of ConfigMap " + configMapName).isNotNull();
        List<?> args = YAML.convertValue(deployment.at("/spec/job/args"), List.class);
        String key = Path.of((String) args.get(1)).getFileName().toString();
        assertThat(Path.of(mountPath).resolve(key)).isEqualTo(Path.of((String) args.get(1)));
        assertThat(configMap.path("data").has(key)).isTrue();
    }

    @Test
    void noSecretIsInlineAndEveryReferencedVariableComesFromASecret() throws IOException {
        JsonNode deployment = read("flinkdeployment.yaml");
        deployment.at("/spec/flinkConfiguration").fieldNames().forEachRemaining(
                key -> assertThat(key).as("Flink option holding a secret").doesNotMatch(SECRET_LIKE_KEY));
        Map<String, JsonNode> env = new HashMap<>();
        mainContainer(deployment).path("env").forEach(e -> env.put(e.path("name").asText(), e));
        env.forEach((name, e) -> {
            if (SECRET_LIKE_KEY.matcher(name).matches()) {
                assertThat(e.has("value")).as(name + " has an inline value").isFalse();
                assertThat(e.at("/valueFrom/secretKeyRef/name").asText()).as(name).isNotBlank();
            }
        });
        List<String> referenced = new ArrayList<>();
        Matcher m = ENV_REFERENCE.matcher(configText());
        while (m.find()) {
            referenced.add(m.group(1));
        }
        assertThat(referenced).contains("CLICKHOUSE_PASSWORD");
        for (String name : referenced) {
            assertThat(env).as("pod env").containsKey(name);
            assertThat(env.get(name).at("/valueFrom/secretKeyRef/key").asText()).as(name).isNotBlank();
        }
    }

    @Test
    void theConfigMapsJobConfigurationLoadsWithSecretsFromTheEnvironment() throws IOException {
        Map<String, String> fakeEnv = Map.of("CLICKHOUSE_PASSWORD", "fake-ch-password", "KAFKA_JAAS_CONFIG",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";");
        String text = configText();
        DriftwatchConfig config = new ConfigLoader(SecretResolver.withEnvironment(fakeEnv)).parse(text, "configmap.yaml");
        assertThat(config.clickhouse().password().reveal()).isEqualTo("fake-ch-password");
        assertThat(config.kafka().properties().toProperties())
                .containsEntry("sasl.jaas.config", fakeEnv.get("KAFKA_JAAS_CONFIG"));
        assertThat(config.kafka().predictionsTopic()).isEqualTo("driftwatch.predictions");
        assertThat(fakeEnv.values()).noneMatch(text::contains);
    }
}
