package io.driftwatch.detectors.drift.parity;

/** What a parity-mode test is computed on. */
public enum ParityBinning {
    /** The raw values (KS, normed Wasserstein). */
    RAW_VALUES,
    /** One bin per distinct value of reference and current together (chi-square, z, JS on few values). */
    ONE_BIN_PER_VALUE,
    /** {@code np.histogram_bin_edges(reference ∪ current, 'sturges')} (JS on numeric with many values). */
    STURGES_OVER_UNION
}
