/**
 * Synthetic, deterministic demo traffic for {@code ./driftwatch demo}: prediction and label events as JSON bytes
 * that follow the {@code schemas} contract, an injected drift (features of one segment, a latency regression,
 * calibration decay), delayed and out-of-order labels, a few malformed events for the dead-letter topic, a
 * training CSV of the pre-drift distribution and a pacer for a target event rate.
 *
 * <p>Entry point: {@link io.driftwatch.app.demo.TrafficGenerator}. Nothing here talks to Kafka. A send loop:
 * <pre>{@code
 * TrafficGenerator traffic = new TrafficGenerator(TrafficOptions.defaults(seed).withPace(200, ClockAcceleration.DEFAULT));
 * traffic.writeTrainingCsv(Path.of("train.csv"), 50_000);       // for ./driftwatch baseline --input train.csv
 * EventPacer pacer = new EventPacer(200, EventPacer.Clock.system());
 * while (running) {
 *     pacer.acquire();
 *     GeneratedEvent prediction = traffic.nextPrediction();
 *     send(predictionsTopic, prediction.key(), prediction.payload());
 *     for (GeneratedEvent label : traffic.dueLabels(traffic.simulatedNowMillis())) {
 *         send(labelsTopic, label.key(), label.payload());
 *     }
 * }
 * InjectedDrift expected = traffic.injectedDrift();              // amount + merchant_category of country=BR
 * }</pre>
 */
package io.driftwatch.app.demo;
