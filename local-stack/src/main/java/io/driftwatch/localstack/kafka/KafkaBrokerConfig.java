package io.driftwatch.localstack.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Broker settings of the embedded single-node Kafka, tuned for tests and the demo. */
final class KafkaBrokerConfig {

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Small internal topics: the defaults (50 partitions) make the first group/transaction slow. */
    static final int INTERNAL_TOPIC_PARTITIONS = 4;
    /**
     * Upper bound of producer transaction timeouts. Flink's exactly-once KafkaSink uses up to an hour
     * (its documented default), above the broker default of 15 minutes; two hours leaves headroom.
     */
    static final Duration TRANSACTION_MAX_TIMEOUT = Duration.ofHours(2);
    /** "Keep forever" for log.retention.ms and log.retention.bytes. */
    static final String UNLIMITED = "-1";

    private KafkaBrokerConfig() {
    }

    /**
     * Defaults: one node, replication 1 everywhere, no initial rebalance delay, and no retention by time
     * or size, because the broker deletes segments whose record timestamps are older than the retention
     * time, and test and demo events carry historic timestamps. Records with timestamps far in the past
     * or future are accepted as well.
     */
    static Map<String, String> defaults(String host, int brokerPort, int controllerPort, Path dataDir) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("process.roles", "broker,controller");
        c.put("node.id", Integer.toString(NODE_ID));
        c.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        c.put("listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        c.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
        c.put("controller.listener.names", CONTROLLER_LISTENER);
        c.put("inter.broker.listener.name", BROKER_LISTENER);
        c.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        c.put("log.dirs", dataDir.toString());
        c.put("num.partitions", "1");
        c.put("default.replication.factor", "1");
        c.put("min.insync.replicas", "1");
        c.put("offsets.topic.replication.factor", "1");
        c.put("offsets.topic.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        c.put("transaction.state.log.replication.factor", "1");
        c.put("transaction.state.log.min.isr", "1");
        c.put("transaction.state.log.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        c.put("share.coordinator.state.topic.replication.factor", "1");
        c.put("share.coordinator.state.topic.min.isr", "1");
        c.put("transaction.max.timeout.ms", Long.toString(TRANSACTION_MAX_TIMEOUT.toMillis()));
        c.put("group.initial.rebalance.delay.ms", "0");
        c.put("log.retention.ms", UNLIMITED);
        c.put("log.retention.bytes", UNLIMITED);
        c.put("log.message.timestamp.before.max.ms", Long.toString(Long.MAX_VALUE));
        c.put("log.message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE));
        c.put("auto.create.topics.enable", "true");
        return c;
    }
}
