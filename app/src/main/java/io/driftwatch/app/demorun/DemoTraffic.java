package io.driftwatch.app.demorun;

import io.driftwatch.app.demo.EventKind;
import io.driftwatch.app.demo.EventMark;
import io.driftwatch.app.demo.EventPacer;
import io.driftwatch.app.demo.GeneratedEvent;
import io.driftwatch.app.demo.TrafficGenerator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Plays the generator's predictions and labels into Kafka at a paced rate. */
final class DemoTraffic implements AutoCloseable {

    private final TrafficGenerator traffic;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicLong predictionsSent = new AtomicLong();
    private final AtomicLong labelsSent = new AtomicLong();
    private final AtomicLong malformedSent = new AtomicLong();
    private volatile long driftStartMillis = Long.MAX_VALUE;

    DemoTraffic(TrafficGenerator traffic, String bootstrapServers) {
        this.traffic = traffic;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends until {@code keepGoing} says stop, at {@code pacer}'s rate. */
    void play(EventPacer pacer, BooleanSupplier keepGoing) throws InterruptedException {
        while (keepGoing.getAsBoolean()) {
            pacer.acquire();
            send(traffic.nextPrediction());
            for (GeneratedEvent label : traffic.dueLabels(traffic.simulatedNowMillis())) {
                send(label);
            }
        }
        traffic.drainHeldPredictions().forEach(this::send);
        producer.flush();
    }

    private void send(GeneratedEvent event) {
        String topic = event.kind() == EventKind.PREDICTION ? DemoJobConfig.PREDICTIONS_TOPIC : DemoJobConfig.LABELS_TOPIC;
        producer.send(new ProducerRecord<>(topic, event.key(), event.payload()));
        if (event.has(EventMark.MALFORMED)) {
            malformedSent.incrementAndGet();
        } else if (event.kind() == EventKind.PREDICTION) {
            predictionsSent.incrementAndGet();
            if (event.has(EventMark.AFTER_DRIFT_START) && driftStartMillis == Long.MAX_VALUE) {
                driftStartMillis = event.eventTimeMillis();
            }
        } else {
            labelsSent.incrementAndGet();
        }
    }

    long predictionsSent() {
        return predictionsSent.get();
    }

    long labelsSent() {
        return labelsSent.get();
    }

    long malformedSent() {
        return malformedSent.get();
    }

    /** Event time of the first drifted prediction; {@link Long#MAX_VALUE} until the drift has started. */
    long driftStartMillis() {
        return driftStartMillis;
    }

    long simulatedNowMillis() {
        return traffic.simulatedNowMillis();
    }

    @Override
    public void close() {
        producer.close();
    }
}
