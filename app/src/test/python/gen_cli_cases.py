#!/usr/bin/env python3
"""Inputs and scipy/sklearn expected values for the batch CLI's end-to-end tests.

Writes app/src/test/resources/cli/{reference,current,evaluate_binary,evaluate_regression,errors}.csv and
expected.json. Run with Debian's interpreter: /usr/bin/python3 gen_cli_cases.py
"""
import json
import os

import numpy as np
from scipy import stats
from scipy.spatial import distance
from sklearn.metrics import brier_score_loss, mean_absolute_error, r2_score, roc_auc_score

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "cli")
PSI_FLOOR = 1e-4


def write_csv(name, columns):
    keys = list(columns)
    rows = zip(*[columns[k] for k in keys])
    with open(os.path.join(OUT, name), "w") as f:
        f.write(",".join(keys) + "\n")
        for row in rows:
            f.write(",".join(str(v) for v in row) + "\n")


def psi_deciles(ref, cur):
    edges = np.quantile(ref, np.linspace(0.1, 0.9, 9))
    rp = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=10) / len(ref)
    cp = np.bincount(np.searchsorted(edges, cur, side="right"), minlength=10) / len(cur)
    rc, cc = np.clip(rp, PSI_FLOOR, None), np.clip(cp, PSI_FLOOR, None)
    return float(np.sum((cc - rc) * np.log(cc / rc))), rp, cp


def main():
    rng = np.random.default_rng(7)
    n_ref, n_cur = 400, 300
    ref = {"amount": np.round(rng.lognormal(3, 1, n_ref), 4), "score": np.round(rng.normal(0, 1, n_ref), 4),
           "country": rng.choice(["US", "DE", "FR"], n_ref, p=[0.5, 0.3, 0.2])}
    cur = {"amount": np.round(rng.lognormal(3.6, 1, n_cur), 4), "score": np.round(rng.normal(0, 1, n_cur), 4),
           "country": rng.choice(["US", "DE", "FR"], n_cur, p=[0.5, 0.3, 0.2])}
    write_csv("reference.csv", ref)
    write_csv("current.csv", cur)
    expected = {"drift": {}}
    for col in ("amount", "score"):
        ks = stats.ks_2samp(ref[col], cur[col])
        psi, rp, cp = psi_deciles(ref[col], cur[col])
        expected["drift"][col] = {
            "ks": {"statistic": float(ks.statistic), "p_value": float(ks.pvalue)},
            "psi": {"statistic": psi},
            "jensenshannon": {"statistic": float(distance.jensenshannon(rp, cp, base=2))},
            "wasserstein": {"statistic": float(stats.wasserstein_distance(ref[col], cur[col]) / np.std(ref[col]))},
        }
    cats = ["DE", "FR", "US"]
    table = np.array([[np.sum(ref["country"] == c) for c in cats], [np.sum(cur["country"] == c) for c in cats]])
    chi2, p, _, _ = stats.chi2_contingency(table, correction=False)
    expected["drift"]["country"] = {"chisquare": {"statistic": float(chi2), "p_value": float(p)}}

    s = np.round(rng.uniform(0, 1, 500), 4)
    y = rng.binomial(1, s)
    write_csv("evaluate_binary.csv", {"label": y, "score": s})
    expected["evaluate_binary"] = {"roc_auc": roc_auc_score(y, s), "brier": brier_score_loss(y, s)}
    t = np.round(rng.normal(10, 2, 200), 4)
    p = np.round(t + rng.normal(0, 1, 200), 4)
    write_csv("evaluate_regression.csv", {"y": t, "yhat": p})
    expected["evaluate_regression"] = {"mae": mean_absolute_error(t, p), "r2": r2_score(t, p)}

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
    with open(os.path.join(OUT, "with_nan.csv"), "w") as f:
        f.write("amount,score\n1.5,0.2\n2.5,NaN\n3.5,0.1\n")


if __name__ == "__main__":
    main()
