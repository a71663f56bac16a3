#!/usr/bin/python3
"""Reference values for the exact numeric two-sample drift tests (package drift.numeric).

Run with Debian's interpreter: /usr/bin/python3 drift-detectors/src/test/python/gen_numeric_tests.py
Writes drift-detectors/src/test/resources/reference/numeric_tests.json: named input arrays (seeded,
written verbatim so Java reads the exact same doubles) and, per case, scipy's statistic and p-value
for every test scipy defines on that input. A test is left out of a case where scipy raises or
returns NaN (e.g. anderson_ksamp or ttest_ind on all-equal values); Java tests those documented
edge cases separately.
"""
import json
import os
import warnings

import numpy as np
import scipy
from scipy import stats

SEED = 20261124
# Same cap as MmdTest.MAX_SAMPLE_PER_SIDE (stride subsampling above it).
MMD_MAX_SAMPLE_PER_SIDE = 1000

rng = np.random.default_rng(SEED)
arrays = {}


def add(name, values, digits=None):
    values = np.asarray(values, dtype=float)
    if digits is not None:
        values = np.round(values, digits)
    arrays[name] = values
    return name


def stride_subsample(x, cap):
    n = len(x)
    if n <= cap:
        return x
    return x[(np.arange(cap, dtype=np.int64) * n) // cap]


def mmd(x, y):
    """Unbiased MMD^2, Gaussian kernel, sigma = median of the positive pairwise |z_i - z_j| of the pooled sample."""
    x = stride_subsample(x, MMD_MAX_SAMPLE_PER_SIDE)
    y = stride_subsample(y, MMD_MAX_SAMPLE_PER_SIDE)
    m, n = len(x), len(y)
    z = np.concatenate([x, y])
    dist = np.abs(z[:, None] - z[None, :])
    upper = dist[np.triu_indices(len(z), 1)]
    positive = upper[upper > 0]
    if positive.size == 0:
        return 0.0
    sigma = np.median(positive)
    k = np.exp(-dist ** 2 / (2 * sigma ** 2))
    kxx = (k[:m, :m].sum() - np.trace(k[:m, :m])) / (m * (m - 1))
    kyy = (k[m:, m:].sum() - np.trace(k[m:, m:])) / (n * (n - 1))
    kxy = k[:m, m:].sum() / (m * n)
    return float(kxx + kyy - 2 * kxy)


def ks_branch(n1, n2, d):
    """Which scipy ks_2samp / kolmogn branch produced the p-value (documentation only)."""
    if max(n1, n2) <= 10000:
        return "exact-square" if n1 == n2 else "exact-inside"
    m, n = max(n1, n2), min(n1, n2)
    en = round(m * n / (m + n))
    t, nx2 = en * d, en * d * d
    if d >= 1 or t <= 0.5:
        return "asymp-trivial"
    if t <= 1.0:
        return "asymp-ruben-gambino-low"
    if t >= en - 1:
        return "asymp-ruben-gambino-high"
    if d >= 0.5:
        return "asymp-smirnov"
    if en <= 140:
        return "asymp-dmtw" if nx2 <= 0.754693 else ("asymp-pomeranz" if nx2 <= 4 else "asymp-smirnov")
    if nx2 >= 370:
        return "asymp-zero"
    if nx2 >= 2.2:
        return "asymp-smirnov"
    return "asymp-dmtw" if (en <= 100000 and en * d ** 1.5 <= 1.4) else "asymp-pelz-good"


def finite_or_none(v):
    v = float(v)
    return v if np.isfinite(v) else None


def results(ref, cur):
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ks = stats.ks_2samp(ref, cur)
        out["ks"] = {"statistic": float(ks.statistic), "pvalue": float(ks.pvalue),
                     "branch": ks_branch(len(ref), len(cur), float(ks.statistic))}
        # scipy raises below two observations per sample; on an all-equal pooled sample its midrank
        # formula reports strong drift (T > 1), where CramerVonMisesTest documents statistic 0, p 1.
        if min(len(ref), len(cur)) >= 2 and np.unique(np.concatenate([ref, cur])).size > 1:
            cvm = stats.cramervonmises_2samp(ref, cur)
            out["cramer_von_mises"] = {"statistic": float(cvm.statistic), "pvalue": float(cvm.pvalue),
                                       "branch": "exact" if max(len(ref), len(cur)) <= 20 else "asymptotic"}
        try:
            ad = stats.anderson_ksamp([ref, cur])
            out["anderson"] = {"statistic": float(ad.statistic), "pvalue": float(ad.pvalue)}
        except ValueError:
            pass
        mw = stats.mannwhitneyu(ref, cur)
        out["mannwhitney"] = {"statistic": float(mw.statistic), "pvalue": float(mw.pvalue)}
        tt = stats.ttest_ind(ref, cur, equal_var=False)
        if np.isfinite(tt.statistic) and np.isfinite(tt.pvalue):
            out["t_test"] = {"statistic": float(tt.statistic), "pvalue": float(tt.pvalue)}
        out["energy"] = {"statistic": float(stats.energy_distance(ref, cur))}
        raw = float(stats.wasserstein_distance(ref, cur))
        out["wasserstein_raw"] = {"statistic": raw}
        std = float(np.std(ref))
        if std > 0:
            out["wasserstein"] = {"statistic": raw / std}
        if min(len(ref), len(cur)) >= 2:
            out["mmd"] = {"statistic": mmd(ref, cur)}
    return out


cases = []


def case(name, ref_name, cur_name):
    ref, cur = arrays[ref_name], arrays[cur_name]
    cases.append({"name": name, "reference": ref_name, "current": cur_name, "results": results(ref, cur)})


# identical distributions and shifts at moderate n
add("norm_200", rng.normal(0, 1, 200))
add("norm_150", rng.normal(0, 1, 150))
add("norm_150_shift05", rng.normal(0.5, 1, 150))
case("normal_200_vs_150_same", "norm_200", "norm_150")
case("normal_200_vs_150_shift", "norm_200", "norm_150_shift05")
# n = 30
add("norm_30_a", rng.normal(10, 2, 30))
add("norm_30_b", rng.normal(10, 2, 30))
add("norm_30_shift", rng.normal(11.5, 2, 30))
case("n30_same", "norm_30_a", "norm_30_b")
case("n30_shift", "norm_30_a", "norm_30_shift")
# small samples: exact KS, exact CvM (max n <= 20), exact Mann-Whitney (no ties, a side <= 8)
add("small_7", rng.normal(0, 1, 7))
add("small_9", rng.normal(0.8, 1, 9))
add("small_5a", rng.normal(0, 1, 5))
add("small_5b", rng.normal(0, 1, 5))
add("small_8", rng.normal(0, 1, 8))
add("small_12", rng.normal(1.0, 1.5, 12))
add("small_3", rng.normal(0, 1, 3))
add("small_20", rng.normal(0.3, 1, 20))
add("small_18", rng.normal(-0.2, 1, 18))
case("small_7_vs_9", "small_7", "small_9")
case("small_5_vs_5", "small_5a", "small_5b")
case("small_8_vs_12", "small_8", "small_12")
case("small_3_vs_20", "small_3", "small_20")
case("small_20_vs_18", "small_20", "small_18")
add("small_1", [0.25])
case("small_1_vs_7", "small_1", "small_7")
# ties
add("ties_300", rng.normal(0, 1, 300), digits=1)
add("ties_250", rng.normal(0.1, 1, 250), digits=1)
add("int_100", rng.integers(0, 5, 100))
add("int_120", rng.integers(0, 5, 120))
add("int_small_6", rng.integers(0, 4, 6))
add("int_small_7", rng.integers(1, 5, 7))
case("ties_rounded_300_vs_250", "ties_300", "ties_250")
case("heavy_ties_int_100_vs_120", "int_100", "int_120")
case("small_ties_6_vs_7", "int_small_6", "int_small_7")
# all equal
add("const3_40", np.full(40, 3.0))
add("const3_25", np.full(25, 3.0))
add("const4_25", np.full(25, 4.0))
case("all_equal_same", "const3_40", "const3_25")
case("all_equal_different", "const3_40", "const4_25")
add("const3_10", np.full(10, 3.0))
case("constant_reference_vs_normal", "const3_10", "small_20")
# heavy shift, lognormal
add("norm_100", rng.normal(0, 1, 100))
add("norm_100_shift5", rng.normal(5, 1, 100))
case("heavy_shift_100", "norm_100", "norm_100_shift5")
add("lognorm_500", rng.lognormal(0, 1, 500))
add("lognorm_400", rng.lognormal(0.2, 1.2, 400))
case("lognormal_500_vs_400", "lognorm_500", "lognorm_400")
# large exact KS (square method, inside method with gcd 1)
add("norm_5000_a", rng.normal(0, 1, 5000), digits=6)
add("norm_5000_b", rng.normal(0.05, 1, 5000), digits=6)
case("n5000_vs_5000_small_shift", "norm_5000_a", "norm_5000_b")
add("norm_3001", rng.normal(0, 1, 3001), digits=6)
case("n5000_vs_3001", "norm_5000_a", "norm_3001")
# asymptotic KS: max(n1, n2) > 10000
add("norm_12000", rng.normal(0, 1, 12000), digits=6)
add("norm_11000", rng.normal(0.06, 1, 11000), digits=6)
case("n12000_vs_11000_shift", "norm_12000", "norm_11000")
add("norm_11000_same", rng.normal(0, 1, 11000), digits=6)
case("n12000_vs_11000_same", "norm_12000", "norm_11000_same")
add("norm_12000_head", arrays["norm_12000"][:11000])
case("n12000_vs_own_first_11000", "norm_12000", "norm_12000_head")
# asymptotic KS with a small effective n (kolmogn n <= 140 branches)
add("norm_60_shift_01", rng.normal(0.1, 1, 60), digits=6)
add("norm_60_shift_05", rng.normal(0.5, 1, 60), digits=6)
add("norm_60_shift_08", rng.normal(0.8, 1, 60), digits=6)
case("n12000_vs_60_shift_01", "norm_12000", "norm_60_shift_01")
case("n12000_vs_60_shift_05", "norm_12000", "norm_60_shift_05")
case("n12000_vs_60_shift_08", "norm_12000", "norm_60_shift_08")
# exact Mann-Whitney with one small side and a large other side (no ties)
case("small_8_vs_n5000", "small_8", "norm_5000_a")
case("small_3_vs_150", "small_3", "norm_150")


def distribution_checks():
    """Direct values of the ported distribution functions, to localise a failure in the end-to-end cases."""
    from math import gcd
    from scipy.special import smirnov
    from scipy.stats._hypotests import _cdf_cvm_inf
    from scipy.stats._stats_pythran import _compute_outer_prob_inside_method
    from scipy.stats._stats_py import _compute_prob_outside_square
    kstwo = []
    for n in [1, 2, 5, 40, 140, 141, 1000, 5739, 100001]:
        for x in [0.2 / n, 0.7 / n, 1.0 / n, 1.5 / n, 0.01, 0.03, 0.05, 0.1, 0.2, 0.3, 0.45, 0.5, 0.7, 1 - 1.5 / n, 1.0]:
            if 0 < x <= 1:
                kstwo.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
    smir = [{"n": n, "x": x, "sf": float(smirnov(n, x))}
            for n in [1, 5, 100, 1012, 1013, 5000] for x in [0.0, 0.01, 0.05, 0.1, 0.3, 0.6, 0.99]]
    cvm = [{"x": x, "cdf": float(_cdf_cvm_inf(x))} for x in [0.005, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 1.0, 2.0, 3.0]]
    paths = []
    for m, n in [(1, 1), (3, 7), (10, 10), (20, 15), (100, 37), (400, 400), (1000, 999), (2500, 100)]:
        g = gcd(m, n)
        lcm = m * n // g
        for frac in [0.01, 0.05, 0.1, 0.3, 0.6, 1.0]:
            h = max(1, int(round(frac * lcm)))
            p = _compute_prob_outside_square(m, h) if m == n else _compute_outer_prob_inside_method(m, n, g, h)
            paths.append({"m": m, "n": n, "g": g, "h": h, "p": float(p)})
    return {"kstwo_sf": kstwo, "smirnov": smir, "cvm_limit_cdf": cvm, "ks_two_sample_exact": paths}


def main():
    out_path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "..", "resources", "reference", "numeric_tests.json")
    doc = {
        "generator": "drift-detectors/src/test/python/gen_numeric_tests.py",
        "scipy_version": scipy.__version__,
        "numpy_version": np.__version__,
        "seed": SEED,
        "mmd_max_sample_per_side": MMD_MAX_SAMPLE_PER_SIDE,
        "arrays": {k: [float(v) for v in a] for k, a in arrays.items()},
        "cases": cases,
        "distributions": distribution_checks(),
    }
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases, {len(arrays)} arrays, {os.path.getsize(out_path)} bytes to {out_path}")
    for c in cases:
        print(c["name"], c["results"]["ks"]["branch"], {k: (round(v.get("statistic"), 6), round(v.get("pvalue", float('nan')), 6)) for k, v in c["results"].items()})


if __name__ == "__main__":
    main()
