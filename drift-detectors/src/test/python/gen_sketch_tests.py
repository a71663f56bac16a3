#!/usr/bin/env python3
"""Reference values for the sketch-based state and drift tests (package io.driftwatch.detectors.sketch).

Writes one resource per case, src/test/resources/reference/sketch_<case>.json, holding the seeded raw data
(rounded to 6 decimals; every statistic below is computed on the rounded data, so Java reads exactly the
same numbers) and the values computed by numpy/scipy:

- ks_2samp(method='asymp'): statistic and p-value (scipy uses the finite-n kstwo distribution at
  round(n_eff)); kstwobign.sf(sqrt(n_eff) * D): the limiting Kolmogorov distribution Driftwatch uses,
  and kstwobign.isf(alpha) for the critical values.
- wasserstein_distance, numpy quantiles ('linear', 'inverted_cdf', 'lower'), mean, var (ddof 0 and 1),
  min, max, and bin counts of the current sample over interior edges with searchsorted(side='right'),
  i.e. bins [e_(i-1), e_i) with open outer bins.

Run from the module root: python3 src/test/python/gen_sketch_tests.py
"""
import json
import os

import numpy as np
from scipy import stats

SEED = 20261124
DECIMALS = 6
PROBS = [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999]
ALPHAS = [0.05, 0.01, 0.001]
OUT_DIR = os.path.join(os.path.dirname(__file__), "..", "resources", "reference")


def describe(x):
    return {
        "n": int(x.size),
        "mean": float(np.mean(x)),
        "var_ddof0": float(np.var(x, ddof=0)),
        "var_ddof1": float(np.var(x, ddof=1)),
        "std_ddof0": float(np.std(x, ddof=0)),
        "min": float(np.min(x)),
        "max": float(np.max(x)),
        "quantiles_linear": [float(v) for v in np.quantile(x, PROBS, method="linear")],
        "quantiles_inverted_cdf": [float(v) for v in np.quantile(x, PROBS, method="inverted_cdf")],
        "quantiles_lower": [float(v) for v in np.quantile(x, PROBS, method="lower")],
    }


def case(name, reference, current):
    reference = np.round(reference, DECIMALS)
    current = np.round(current, DECIMALS)
    ks = stats.ks_2samp(reference, current, method="asymp")
    n1, n2 = reference.size, current.size
    n_eff = n1 * n2 / (n1 + n2)
    # Interior edges: reference deciles, as a reference profile would hold them.
    edges = np.quantile(reference, np.linspace(0.1, 0.9, 9), method="linear")
    bins = np.searchsorted(edges, current, side="right")
    counts = np.bincount(bins, minlength=edges.size + 1)
    out = {
        "case": name,
        "seed": SEED,
        "probs": PROBS,
        "reference_stats": describe(reference),
        "current_stats": describe(current),
        "ks_statistic": float(ks.statistic),
        "ks_pvalue_scipy_asymp": float(ks.pvalue),
        "ks_pvalue_kolmogorov_limit": float(stats.kstwobign.sf(np.sqrt(n_eff) * ks.statistic)),
        "kolmogorov_isf_alpha": {str(a): float(stats.kstwobign.isf(a)) for a in ALPHAS},
        "wasserstein": float(stats.wasserstein_distance(reference, current)),
        "bin_edges": [float(e) for e in edges],
        "bin_counts_current": [int(c) for c in counts],
        "reference": [float(v) for v in reference],
        "current": [float(v) for v in current],
    }
    path = os.path.join(OUT_DIR, f"sketch_{name}.json")
    with open(path, "w") as f:
        # repr of a 6-decimal float is its shortest round-trip form, which keeps the files small.
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: D={ks.statistic:.6f} p_asymp={ks.pvalue:.6g} p_limit={out['ks_pvalue_kolmogorov_limit']:.6g}")


def kolmogorov_table():
    """The limiting Kolmogorov distribution on a grid spanning both series and the far tail."""
    ts = [0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 0.99, 1.0, 1.01, 1.2, 1.5, 2.0, 3.0, 5.0, 8.0, 12.0]
    alphas = [0.5, 0.1, 0.05, 0.01, 0.001, 1e-6]
    out = {
        "t": ts,
        "sf": [float(stats.kstwobign.sf(t)) for t in ts],
        "alpha": alphas,
        "isf": [float(stats.kstwobign.isf(a)) for a in alphas],
    }
    path = os.path.join(OUT_DIR, "sketch_kolmogorov.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(path)


def main():
    kolmogorov_table()
    rng = np.random.default_rng(SEED)
    case("normal_same", rng.normal(0.0, 1.0, 1_000), rng.normal(0.0, 1.0, 1_000))
    case("normal_shift", rng.normal(0.0, 1.0, 10_000), rng.normal(0.1, 1.0, 5_000))
    case("normal_large_shift", rng.normal(0.0, 1.0, 2_000), rng.normal(0.5, 1.0, 2_000))
    case("lognormal", rng.lognormal(0.0, 1.0, 200_000), rng.lognormal(0.05, 1.1, 20_000))


if __name__ == "__main__":
    main()
