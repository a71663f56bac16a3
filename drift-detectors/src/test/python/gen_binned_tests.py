#!/usr/bin/python3
"""Expected values for reference profiles, histogram divergences, categorical tests, Evidently parity and
multiple-testing corrections, computed with Debian's numpy / scipy / pandas / statsmodels.

Run from the repository root:  /usr/bin/python3 drift-detectors/src/test/python/gen_binned_tests.py
Writes drift-detectors/src/test/resources/reference/{binning,divergences,categorical,parity,multiple}.json.
Inputs are generated from fixed seeds and written next to the expected values, so Java reads the exact data.
"""
import json
import os

import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy import stats
from scipy.spatial import distance
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "reference")
FLOOR = 1e-4  # DivergenceOptions.DEFAULT_PROPORTION_FLOOR
VERSIONS = {"numpy": np.__version__, "scipy": scipy.__version__, "pandas": pd.__version__,
            "statsmodels": statsmodels.__version__}


def write(name, payload):
    payload = {"generator": "gen_binned_tests.py", "versions": VERSIONS, **payload}
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


def floats(a):
    return [float(x) for x in a]


# ---------------------------------------------------------------- bin edges and reference profiles
def collapse(edges):
    """Drop repeated edges (ties in quantiles); a single distinct edge becomes (-inf, v, +inf)."""
    kept = np.unique(np.asarray(edges, dtype=float))
    if kept.size == 1:
        kept = np.array([-np.inf, kept[0], np.inf])
    return kept


def clamped_counts(values, edges):
    """Counts per bin [e_i, e_i+1), values beyond the outer edges counted in the outer bins."""
    idx = np.searchsorted(edges[1:-1], values, side="right")
    return np.bincount(idx, minlength=len(edges) - 1)


def binning_cases():
    rng = np.random.default_rng(20261124)
    data = {
        "normal_200": rng.normal(10.0, 3.0, 200),
        "lognormal_1000": rng.lognormal(0.0, 1.0, 1000),
        "exponential_1024": rng.exponential(2.0, 1024),
        "uniform_64": rng.uniform(-5, 5, 64),
        "few_ints_300": rng.integers(0, 4, 300).astype(float),
        "mostly_zero_500": np.where(rng.random(500) < 0.85, 0.0, rng.normal(5, 1, 500)),
        "all_equal_50": np.full(50, 3.25),
        "two_values_2": np.array([1.0, 4.0]),
        "single_1": np.array([-7.5]),
    }
    probes = [-1e9, -7.5, -1.0, 0.0, 0.5, 1.0, 2.0, 3.0, 3.25, 4.0, 10.0, 12.5, 1e9]
    cases = []
    for name, ref in data.items():
        strategies = {
            "deciles": collapse(np.concatenate(([-np.inf], np.quantile(ref, np.arange(1, 10) / 10), [np.inf]))),
            "quantiles_4": collapse(np.concatenate(([-np.inf], np.quantile(ref, np.arange(1, 4) / 4), [np.inf]))),
            "equal_width_7": collapse(np.histogram_bin_edges(ref, 7)),
            "sturges": collapse(np.histogram_bin_edges(ref, "sturges")),
            "doane": collapse(np.histogram_bin_edges(ref, "doane")),
        }
        expected = {}
        for strategy, edges in strategies.items():
            counts = clamped_counts(ref, edges)
            if np.isfinite(edges).all():
                # numpy's own histogram agrees on the reference sample (its last bin is closed)
                assert (np.histogram(ref, edges)[0] == counts).all(), (name, strategy)
            expected[strategy] = {
                "edges": floats(edges),
                "counts": [int(c) for c in counts],
                "probeBins": [int(b) for b in np.searchsorted(edges[1:-1], probes, side="right")],
            }
        cases.append({
            "name": name,
            "reference": floats(ref),
            "count": int(ref.size),
            "min": float(ref.min()),
            "max": float(ref.max()),
            "mean": float(np.mean(ref)),
            "std": float(np.std(ref)),
            "strategies": expected,
        })
    write("binning", {"probes": probes, "cases": cases})


# ---------------------------------------------------------------- histogram divergences
def divergences(ref_counts, cur_counts, floor):
    p = np.asarray(ref_counts, float) / np.sum(ref_counts)
    q = np.asarray(cur_counts, float) / np.sum(cur_counts)
    r, c = np.maximum(p, floor), np.maximum(q, floor)
    return {
        "psi": float(np.sum((c - r) * np.log(c / r))),
        "jensenshannon_base2": float(distance.jensenshannon(p, q, base=2)),
        "jensenshannon_e": float(distance.jensenshannon(p, q)),
        "hellinger": float(np.sqrt(np.sum((np.sqrt(p) - np.sqrt(q)) ** 2)) / np.sqrt(2)),
        "kl_div": float(stats.entropy(r, c)),
        "tvd": float(0.5 * np.sum(np.abs(p - q))),
        "linf": float(np.max(np.abs(p - q))),
    }


def divergence_cases():
    rng = np.random.default_rng(7)
    pairs = {
        "multinomial_similar": (rng.multinomial(5000, np.full(10, 0.1)), rng.multinomial(3000, np.full(10, 0.1))),
        "multinomial_shifted": (rng.multinomial(5000, np.full(10, 0.1)),
                                rng.multinomial(4000, np.linspace(1, 3, 10) / np.linspace(1, 3, 10).sum())),
        "zero_in_current": ([120, 80, 40, 10, 5], [100, 90, 0, 30, 0]),
        "zero_in_reference": ([0, 50, 50, 0], [5, 40, 45, 10]),
        "zero_in_both_same_bin": ([10, 0, 20, 30], [15, 0, 15, 30]),
        "identical": ([3, 1, 4, 1, 5], [3, 1, 4, 1, 5]),
        "proportional": ([1, 2, 3], [100, 200, 300]),
        "disjoint": ([10, 20, 0, 0], [0, 0, 5, 5]),
        "single_bin": ([42], [7]),
        "tiny_proportions": ([1, 99999], [3, 99997]),
    }
    cases = []
    for name, (ref, cur) in pairs.items():
        cases.append({"name": name, "reference": [int(x) for x in ref], "current": [int(x) for x in cur],
                      "floor": FLOOR, "expected": divergences(ref, cur, FLOOR)})
    ref, cur = pairs["zero_in_current"]
    cases.append({"name": "zero_in_current_floor_1e-6", "reference": [int(x) for x in ref],
                  "current": [int(x) for x in cur], "floor": 1e-6, "expected": divergences(ref, cur, 1e-6)})
    write("divergences", {"cases": cases})


# ---------------------------------------------------------------- categorical tests
def aligned(ref, cur):
    cats = sorted(set(ref) | set(cur))
    cats = [k for k in cats if ref.get(k, 0) + cur.get(k, 0) > 0]
    return cats, np.array([ref.get(k, 0) for k in cats]), np.array([cur.get(k, 0) for k in cats])


def evidently_z(ref_counts, cur_counts):
    """Evidently's proportions_diff_z_stat_ind: success = every category but the first (sorted)."""
    n1, n2 = ref_counts.sum(), cur_counts.sum()
    p1, p2 = ref_counts[1] / n1, cur_counts[1] / n2
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2))
    p = 2 * stats.norm.sf(abs(z))
    # statsmodels' pooled two-sided test is the same test: cross-check
    z_sm, p_sm = proportions_ztest([ref_counts[1], cur_counts[1]], [n1, n2])
    assert abs(z - z_sm) < 1e-9 and abs(p - p_sm) < 1e-12, (z, z_sm, p, p_sm)
    return float(z), float(p)


def categorical_case(name, ref, cur):
    cats, r, c = aligned(ref, cur)
    out = {"name": name, "reference": ref, "current": cur, "categories": cats}
    expected = {}
    if len(cats) >= 2:
        table = np.array([r, c])
        chi = stats.chi2_contingency(table, correction=False)
        g = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")
        expected["chisquare"] = {"statistic": float(chi[0]), "pValue": float(chi[1])}
        expected["g_test"] = {"statistic": float(g[0]), "pValue": float(g[1])}
    else:
        expected["chisquare"] = {"statistic": 0.0, "pValue": 1.0}
        expected["g_test"] = {"statistic": 0.0, "pValue": 1.0}
    if len(cats) == 2:
        z, p = evidently_z(r, c)
        expected["z"] = {"statistic": z, "pValue": p}
        fisher = stats.fisher_exact(np.array([r, c]))
        expected["fisher_exact"] = {"statistic": float(fisher[0]), "pValue": float(fisher[1])}
    elif len(cats) == 1:
        expected["z"] = {"statistic": 0.0, "pValue": 1.0}
        expected["fisher_exact"] = {"statistic": float(stats.fisher_exact([[r[0], 0], [c[0], 0]])[0]),
                                    "pValue": float(stats.fisher_exact([[r[0], 0], [c[0], 0]])[1])}
    d = divergences(r, c, FLOOR)
    for key in ("psi", "hellinger", "kl_div", "tvd", "linf"):
        expected[key] = {"statistic": d[key]}
    expected["jensenshannon"] = {"statistic": d["jensenshannon_base2"]}
    out["expected"] = expected
    return out


def categorical_cases():
    rng = np.random.default_rng(99)
    colors = ["blue", "green", "red", "yellow", "violet"]
    ref_draw = rng.choice(colors, 800, p=[0.3, 0.25, 0.2, 0.15, 0.1])
    cur_draw = rng.choice(colors, 600, p=[0.2, 0.25, 0.25, 0.15, 0.15])
    count = lambda draw: {str(k): int(v) for k, v in zip(*np.unique(draw, return_counts=True))}
    cases = [
        categorical_case("five_colours", count(ref_draw), count(cur_draw)),
        categorical_case("new_in_current", {"a": 50, "b": 30, "c": 20}, {"a": 40, "b": 30, "c": 20, "d": 10}),
        categorical_case("gone_from_current", {"a": 50, "b": 30, "c": 20}, {"a": 60, "b": 40}),
        categorical_case("absent_in_both", {"a": 50, "b": 0, "c": 20}, {"a": 45, "b": 0, "c": 30}),
        categorical_case("binary_drift", {"no": 700, "yes": 300}, {"no": 550, "yes": 450}),
        categorical_case("binary_similar", {"no": 480, "yes": 520}, {"no": 245, "yes": 255}),
        categorical_case("binary_small_fisher", {"f": 8, "m": 2}, {"f": 1, "m": 5}),
        categorical_case("binary_one_side_only", {"x": 12}, {"x": 3, "y": 9}),
        categorical_case("binary_large_fisher", {"0": 1520, "1": 480}, {"0": 1390, "1": 610}),
        categorical_case("one_category", {"only": 10}, {"only": 4}),
    ]
    write("categorical", {"cases": cases})


# ---------------------------------------------------------------- Evidently parity
def evidently_default_test(ref, cur, feature_type):
    """Evidently 0.4.x _get_default_stattest, transcribed: (test id, threshold)."""
    n_values = pd.concat([ref, cur]).nunique()
    if ref.shape[0] <= 1000:
        if feature_type == "num" and n_values > 5:
            return "ks", 0.05
        return ("chisquare", 0.05) if n_values > 2 else ("z", 0.05)
    if feature_type == "num" and n_values > 5:
        return "wasserstein", 0.1
    return "jensenshannon", 0.1


def evidently_binned(ref, cur, feature_type, feel_zeroes):
    """Evidently 0.4.x get_binned_data, transcribed."""
    if feature_type == "num" and ref.nunique() > 20:
        bins = np.histogram_bin_edges(pd.concat([ref, cur]).values, bins="sturges")
        rp = np.histogram(ref, bins)[0] / len(ref)
        cp = np.histogram(cur, bins)[0] / len(cur)
        binning = "STURGES_OVER_UNION"
    else:
        keys = sorted(set(ref.unique()) | set(cur.unique()))
        rc, cc = ref.value_counts(), cur.value_counts()
        rp = np.array([rc.get(k, 0) / len(ref) for k in keys])
        cp = np.array([cc.get(k, 0) / len(cur) for k in keys])
        binning = "ONE_BIN_PER_VALUE"
    if feel_zeroes:
        for a in (rp, cp):
            smallest = a[a != 0].min()
            np.place(a, a == 0, smallest / 10 ** 6 if smallest <= 0.0001 else 0.0001)
    return rp, cp, binning


def evidently_chisquare(ref, cur):
    keys = sorted(set(ref.unique()) | set(cur.unique()))
    rc, cc = ref.value_counts(), cur.value_counts()
    k_norm = cur.shape[0] / ref.shape[0]
    f_exp = [rc.get(k, 0) * k_norm for k in keys]
    f_obs = [cc.get(k, 0) for k in keys]
    with np.errstate(divide="ignore"):
        res = stats.chisquare(f_obs, f_exp)
    return float(res[0]), float(res[1])


def parity_case(name, ref, cur, feature_type):
    ref_s, cur_s = pd.Series(ref), pd.Series(cur)
    test, threshold = evidently_default_test(ref_s, cur_s, feature_type)
    rp, cp, binning = evidently_binned(ref_s, cur_s, feature_type, feel_zeroes=False)
    rf, cf, _ = evidently_binned(ref_s, cur_s, feature_type, feel_zeroes=True)
    case = {
        "name": name, "type": "NUMERIC" if feature_type == "num" else "CATEGORICAL",
        "reference": floats(ref) if feature_type == "num" else list(ref),
        "current": floats(cur) if feature_type == "num" else list(cur),
        "decision": {"test": test, "threshold": threshold},
        "binning": binning,
        "referenceProportions": floats(rp), "currentProportions": floats(cp),
        "referenceFilled": floats(rf), "currentFilled": floats(cf),
        "jensenshannon_base2": float(distance.jensenshannon(rp, cp, base=2)),
        "jensenshannon_e": float(distance.jensenshannon(rp, cp)),
        # Evidently's psi and kl_div, on the zero-filled proportions
        "psi": float(np.sum((rf - cf) * np.log(rf / cf))),
        "kl_div": float(stats.entropy(rf, cf)),
    }
    if binning == "ONE_BIN_PER_VALUE":
        stat, p = evidently_chisquare(ref_s, cur_s)
        case["chisquare"] = {"statistic": stat, "pValue": p}
    return case


def parity_cases():
    rng = np.random.default_rng(4242)
    r3 = lambda a: np.round(a, 3)
    cats = lambda n, names, p: list(rng.choice(names, n, p=p))
    cases = [
        parity_case("num_small_continuous", r3(rng.normal(0, 1, 500)), r3(rng.normal(0.2, 1, 400)), "num"),
        parity_case("num_small_four_values", rng.integers(0, 4, 500).astype(float),
                    rng.integers(0, 4, 300).astype(float), "num"),
        parity_case("num_small_binary", rng.integers(0, 2, 500).astype(float),
                    rng.integers(0, 2, 200).astype(float), "num"),
        parity_case("num_small_union_six_values", np.repeat([1.0, 2.0, 3.0, 4.0, 5.0], 100),
                    np.repeat([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 20), "num"),
        parity_case("num_reference_1000_rows", r3(rng.normal(0, 1, 1000)), r3(rng.normal(0, 1, 300)), "num"),
        parity_case("num_large_continuous", r3(rng.normal(5, 2, 1001)), r3(rng.normal(5.5, 2, 600)), "num"),
        parity_case("num_large_three_values", rng.integers(0, 3, 2000).astype(float),
                    rng.choice([0.0, 1.0, 2.0], 800, p=[0.5, 0.3, 0.2]), "num"),
        parity_case("num_sturges_bins", r3(rng.exponential(1.0, 300)), r3(rng.exponential(1.3, 250)), "num"),
        parity_case("num_value_only_in_current", np.repeat([0.0, 1.0], [200, 100]),
                    np.repeat([0.0, 1.0, 2.0], [50, 40, 10]), "num"),
        parity_case("cat_small_four", cats(300, ["a", "b", "c", "d"], [0.4, 0.3, 0.2, 0.1]),
                    cats(200, ["a", "b", "c", "d"], [0.25, 0.25, 0.25, 0.25]), "cat"),
        parity_case("cat_small_binary", cats(400, ["no", "yes"], [0.7, 0.3]), cats(150, ["no", "yes"], [0.6, 0.4]),
                    "cat"),
        parity_case("cat_large", cats(3000, ["x", "y", "z"], [0.5, 0.3, 0.2]),
                    cats(1000, ["x", "y", "z", "w"], [0.45, 0.3, 0.2, 0.05]), "cat"),
    ]
    # Evidently's z-test on the binary cases, through the same formula as the categorical z
    for case in cases:
        if case["decision"]["test"] == "z":
            ref_s, cur_s = pd.Series(case["reference"]), pd.Series(case["current"])
            keys = sorted(set(ref_s.unique()) | set(cur_s.unique()))
            rc, cc = ref_s.value_counts(), cur_s.value_counts()
            z, p = evidently_z(np.array([rc.get(k, 0) for k in keys]), np.array([cc.get(k, 0) for k in keys]))
            case["z"] = {"statistic": z, "pValue": p}
    write("parity", {"cases": cases})


# ---------------------------------------------------------------- multiple testing
def multiple_cases():
    rng = np.random.default_rng(31337)
    lists = {
        "uniform_20": rng.uniform(0, 1, 20),
        "mixed_signal_30": np.concatenate((rng.uniform(0, 0.01, 8), rng.uniform(0, 1, 22))),
        "ties": np.array([0.01, 0.01, 0.02, 0.02, 0.04, 0.2, 0.2, 0.9]),
        "step_up_rescue": np.array([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205]),
        "all_ones": np.ones(5),
        "single": np.array([0.03]),
        "zeros_and_ones": np.array([0.0, 1.0, 0.0, 0.5]),
    }
    cases = []
    for name, p in lists.items():
        for alpha in (0.05, 0.1):
            bonf = multipletests(p, alpha=alpha, method="bonferroni")
            bh = multipletests(p, alpha=alpha, method="fdr_bh")
            cases.append({
                "name": name, "alpha": alpha, "pValues": floats(p),
                "bonferroni": {"adjusted": floats(bonf[1]), "reject": [bool(x) for x in bonf[0]]},
                "benjamini_hochberg": {"adjusted": floats(bh[1]), "reject": [bool(x) for x in bh[0]]},
            })
    write("multiple", {"cases": cases})


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    binning_cases()
    divergence_cases()
    categorical_cases()
    parity_cases()
    multiple_cases()
