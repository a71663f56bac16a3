/**
 * Event contracts: prediction and label events as read from Kafka, and dead letters for rejected ones.
 *
 * <ul>
 *   <li>The JSON Schemas ({@code prediction.schema.json}, {@code label.schema.json},
 *       {@code dead-letter.schema.json}, draft 2020-12) and valid/invalid examples live next to this package in
 *       the resources ({@code examples/<kind>/valid-*.json}, {@code examples/<kind>/invalid-<reason_id>-*.json}).</li>
 *   <li>{@link io.driftwatch.schemas.events.EventParser} reads {@code byte[]} with Jackson's streaming parser and
 *       returns a {@link io.driftwatch.schemas.events.ParseResult}: the event or a
 *       {@link io.driftwatch.schemas.events.ParseFailure} whose
 *       {@link io.driftwatch.schemas.events.ParseFailureReason#id() reason id} is a stable metric tag.
 *       It never throws on bad input and enforces {@link io.driftwatch.schemas.events.ParserLimits}.</li>
 *   <li>Feature values are a small sealed type, {@link io.driftwatch.schemas.events.FeatureValue}: numbers are
 *       {@code double}, booleans and null are shared constants, so a feature map costs one entry and at most one
 *       small object per feature. Maps keep payload order.</li>
 *   <li>Event time is epoch milliseconds (sub-millisecond digits truncated). Unknown top-level fields are kept as
 *       raw JSON text in {@code extraFields}.</li>
 * </ul>
 */
package io.driftwatch.schemas.events;
