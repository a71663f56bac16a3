package io.driftwatch.flink.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.flink.baseline.BaselineStore;
import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.config.SecretResolver;
import io.driftwatch.flink.drift.ClickHouseBaselineLoader;
import io.driftwatch.flink.job.DeadLetterTopic;
import io.driftwatch.flink.job.DriftwatchJob;
import io.driftwatch.flink.job.ResultSinks;
import io.driftwatch.flink.source.PredictionSources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee: secrets come only from the environment or files and never show in config dumps, logs or
 * exceptions. The ClickHouse password (from a file) is wrong for the embedded server, so every ClickHouse
 * client in the job fails authentication; Kafka TLS/SASL settings (from the environment and a file) pass through
 * to the Kafka clients, which log their configs. Everything logged at INFO and above while the job runs and fails,
 * the failure's whole stack trace and the config's toString are searched for the secret values.
 */
class SecretLeakITCase {

    private static final String PASSWORD = "pw-Zq81xK0c-never-printed";
    private static final String KEY_PASSWORD = "key-Yt55bN2m-never-printed";
    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"u\" password=\"jaas-Wr43sV9p-never-printed\";";
    private static final List<String> SECRETS = List.of(PASSWORD, KEY_PASSWORD, "jaas-Wr43sV9p-never-printed");
    private static ReliabilityStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ReliabilityStack.start(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    private static DriftwatchConfig config(Path dir) throws Exception {
        Path passwordFile = dir.resolve("clickhouse-password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Path keyPasswordFile = dir.resolve("key-password");
        Files.writeString(keyPasswordFile, KEY_PASSWORD);
        String yaml = "kafka:\n  bootstrap_servers: " + stack.kafka.bootstrapServers() + "\n  consumer_group: secrets"
                + "\n  topics:\n    predictions: " + ReliabilityStack.PREDICTIONS + "\n    dead_letter: dl-secrets"
                + "\n  properties:\n    ssl.key.password: ${file:" + keyPasswordFile + "}\n"
                + "    sasl.jaas.config: ${env:DRIFTWATCH_TEST_JAAS}\n"
                + "clickhouse:\n  url: " + stack.clickhouse.jdbcUrl() + "\n  database: secrets\n"
                + "  password: ${file:" + passwordFile + "}\n";
        return new ConfigLoader(SecretResolver.withEnvironment(Map.of("DRIFTWATCH_TEST_JAAS", JAAS)))
                .parse(yaml, "secrets");
    }

    @Test
    @Timeout(300)
    void secretsNeverAppearInConfigDumpsLogsOrExceptions(@TempDir Path dir) throws Exception {
        DriftwatchConfig config = config(dir);
        assertThat(config.clickhouse().password().reveal()).isEqualTo(PASSWORD);
        assertThat(config.kafka().properties().toProperties()).containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.key.password", KEY_PASSWORD);
        stack.migrate("secrets");
        stack.produce(new Workload().chunk(0));

        StringWriter captured = new StringWriter();
        LoggerContext logs = (LoggerContext) LogManager.getContext(false);
        WriterAppender appender = WriterAppender.newBuilder().setName("secret-capture").setTarget(captured)
                .setLayout(PatternLayout.newBuilder().withPattern("%p %c %m %ex%n").build()).build();
        appender.start();
        LoggerConfig root = logs.getConfiguration().getRootLogger();
        Level level = root.getLevel();
        root.addAppender(appender, Level.INFO, null);
        root.setLevel(Level.INFO);
        logs.updateLoggers();
        String failure;
        try {
            failure = runJobFailingOnClickHouseAuthentication(config);
            failure += stackTrace(() -> new BaselineStore(() -> DriverManager.getConnection(stack.clickhouse.jdbcUrl(),
                    "default", config.clickhouse().password().reveal()), "secrets").loadAll());
        } finally {
            root.removeAppender(appender.getName());
            root.setLevel(level);
            logs.updateLoggers();
            appender.stop();
        }
        String everything = config + "\n" + ResultSinks.clickHouse(config) + "\n" + failure + "\n" + captured;
        assertThat(failure).containsIgnoringCase("authentication");
        assertThat(captured.toString()).contains("ssl.key.password = [hidden]").contains("sasl.jaas.config = [hidden]");
        for (String secret : SECRETS) {
            assertThat(everything).doesNotContain(secret);
        }
    }

    /** The production topology with the config's Kafka properties and ClickHouse credentials; its failure's trace. */
    private static String runJobFailingOnClickHouseAuthentication(DriftwatchConfig config) {
        Configuration noRestarts = new Configuration();
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = new TestStreamEnvironment(stack.flink, noRestarts,
                ReliabilityStack.PARALLELISM, List.of(), List.of());
        DriftwatchJob.Inputs inputs = new DriftwatchJob.Inputs(PredictionSources.kafka(config)
                .setBounded(OffsetsInitializer.latest()).build(), null, new ClickHouseBaselineLoader(
                stack.clickhouse.jdbcUrl(), config.clickhouse().user(), config.clickhouse().password().reveal(),
                "secrets"));
        DriftwatchJob.build(env, config, inputs, ResultSinks.clickHouse(config), DeadLetterTopic.sink(config.kafka()));
        return stackTrace(() -> env.execute("secrets"));
    }

    private interface Failing {
        void run() throws Exception;
    }

    private static String stackTrace(Failing action) {
        StringWriter trace = new StringWriter();
        assertThatThrownBy(action::run).satisfies(e -> e.printStackTrace(new PrintWriter(trace)));
        return trace.toString();
    }
}
