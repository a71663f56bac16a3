package io.driftwatch.localstack.kafka;

import io.driftwatch.localstack.process.ParentWatchdog;
import kafka.tools.StorageTool$;

/**
 * Child-JVM main of a single-node KRaft Kafka (broker and controller in one process).
 *
 * <p>Arguments: {@code <server.properties> <cluster id>}. Formats the storage like
 * {@code kafka-storage.sh format --ignore-formatted} (so a restart on the same log dir keeps its data),
 * then runs the server exactly as {@code kafka-server-start.sh} does ({@code kafka.Kafka}). Ends on
 * SIGTERM (graceful, via Kafka's shutdown hook) or when the parent closes stdin.
 */
public final class KafkaServerMain {

    private static final int ARG_COUNT = 2;
    /** Exit status when formatting the storage failed. */
    static final int FORMAT_FAILED_EXIT_CODE = 2;

    private KafkaServerMain() {
    }

    public static void main(String[] args) {
        if (args.length != ARG_COUNT) {
            throw new IllegalArgumentException("usage: KafkaServerMain <server.properties> <cluster id>");
        }
        ParentWatchdog.haltWhenStdinCloses();
        String propertiesFile = args[0];
        String clusterId = args[1];
        int formatStatus = StorageTool$.MODULE$.execute(
                new String[] {"format", "--config", propertiesFile, "--cluster-id", clusterId, "--ignore-formatted"},
                System.out);
        if (formatStatus != 0) {
            System.err.println("[driftwatch] kafka storage format failed with status " + formatStatus);
            System.exit(FORMAT_FAILED_EXIT_CODE);
        }
        kafka.Kafka.main(new String[] {propertiesFile});
    }
}
