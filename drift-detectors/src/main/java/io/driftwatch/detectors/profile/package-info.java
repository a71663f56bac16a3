/**
 * Reference profiles: the immutable description of a feature's reference distribution, fixed once from
 * training or baseline data ({@link io.driftwatch.detectors.profile.ReferenceProfile}), its numeric binning
 * ({@link io.driftwatch.detectors.profile.Binning}, {@link io.driftwatch.detectors.profile.BinEdges}) and its
 * versioned binary / JSON encodings ({@link io.driftwatch.detectors.profile.ProfileCodec}).
 */
package io.driftwatch.detectors.profile;
