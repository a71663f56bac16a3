/**
 * Multiple-testing corrections across the features of one window:
 * {@link io.driftwatch.detectors.drift.multiple.PValueCorrection}.
 */
package io.driftwatch.detectors.drift.multiple;
