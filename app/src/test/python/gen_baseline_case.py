#!/usr/bin/python3
"""Writes the training CSV for BaselineCommandITCase and numpy's expected reference profiles.

Run from the repository root: /usr/bin/python3 app/src/test/python/gen_baseline_case.py
Outputs app/src/test/resources/baseline/train.csv and expected.json. Numeric columns: interior bin edges
are numpy's quantiles (method 'linear', numpy's default) at i/k, i = 1..k-1, with equal edges collapsed
(np.unique); bin i counts the values with exactly i interior edges at or below them (outer bins open).
"""
import collections
import json
import os

import numpy as np

SEED = 20261124
ROWS = 2000
MISSING_AMOUNT_RATE = 0.02
COUNTRIES = ["DE", "FR", "US", "GB", "PL"]
COUNTRY_WEIGHTS = [0.4, 0.2, 0.2, 0.15, 0.05]
ZIPS = ["10115", "20095", "80331", "50667"]
OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "baseline")
BIN_COUNTS = {"deciles": 10, "quartiles": 4}


def numeric_expected(values, bins):
    values = np.asarray(values, dtype=float)
    interior = np.unique(np.quantile(values, np.arange(1, bins) / bins))
    counts = np.bincount(np.searchsorted(interior, values, side="right"), minlength=len(interior) + 1)
    return {"interior_edges": interior.tolist(), "bin_counts": counts.tolist()}


def main():
    rng = np.random.default_rng(SEED)
    amount = rng.lognormal(mean=3.0, sigma=1.0, size=ROWS)
    amount_missing = rng.random(ROWS) < MISSING_AMOUNT_RATE
    clicks = rng.poisson(0.3, size=ROWS)  # mostly zeros: tied deciles collapse
    age = rng.integers(18, 81, size=ROWS)
    country = rng.choice(COUNTRIES, p=COUNTRY_WEIGHTS, size=ROWS)
    zipcode = rng.choice(ZIPS, size=ROWS)  # numeric-looking, profiled as categorical via --categorical
    label = rng.integers(0, 2, size=ROWS)

    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "train.csv"), "w", newline="") as f:
        f.write("id,amount,clicks,age,country,zip,label\n")
        for i in range(ROWS):
            a = "" if amount_missing[i] else repr(float(amount[i]))
            f.write(f"{i},{a},{clicks[i]},{age[i]},{country[i]},{zipcode[i]},{label[i]}\n")

    numeric = {"amount": amount[~amount_missing], "clicks": clicks, "age": age}
    expected = {"rows": ROWS, "numeric": {}, "categorical": {}}
    for name, values in numeric.items():
        values = np.asarray(values, dtype=float)
        entry = {"count": int(values.size), "missing": int(ROWS - values.size), "min": float(values.min()),
                 "max": float(values.max()), "mean": float(np.mean(values)), "std": float(np.std(values))}
        for binning, k in BIN_COUNTS.items():
            entry[binning] = numeric_expected(values, k)
        expected["numeric"][name] = entry
    for name, values in {"country": country, "zip": zipcode}.items():
        expected["categorical"][name] = dict(sorted(collections.Counter(values.tolist()).items()))
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
